package org.bulletinsearch.search.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bulletinsearch.search.engine.SearchEngine.Distribution;
import org.junit.jupiter.api.Test;

class VectorFieldTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode definition() {
        ObjectNode definition = JSON.createObjectNode();
        definition.putObject("settings").putObject("index").put("number_of_shards", 1);
        definition.putObject("mappings").putObject("properties");
        return definition;
    }

    @Test
    void openSearchGetsALuceneHnswFieldNeverTheFaissDefault() {
        ObjectNode definition = definition();
        VectorField.addTo(definition, Distribution.OPENSEARCH);
        JsonNode field = definition.path("mappings").path("properties").path("vector");
        assertThat(field.path("type").asText()).isEqualTo("knn_vector");
        assertThat(field.path("dimension").asInt()).isEqualTo(384);
        assertThat(field.path("method").path("engine").asText()).isEqualTo("lucene");
        assertThat(field.path("method").path("space_type").asText()).isEqualTo("cosinesimil");
        assertThat(definition.path("settings").path("index").path("knn").asBoolean()).isTrue();
    }

    @Test
    void elasticsearchGetsAnIndexedCosineDenseVector() {
        ObjectNode definition = definition();
        VectorField.addTo(definition, Distribution.ELASTICSEARCH);
        JsonNode field = definition.path("mappings").path("properties").path("vector");
        assertThat(field.path("type").asText()).isEqualTo("dense_vector");
        assertThat(field.path("dims").asInt()).isEqualTo(384);
        assertThat(field.path("index").asBoolean()).isTrue();
        assertThat(field.path("similarity").asText()).isEqualTo("cosine");
        assertThat(definition.path("settings").path("index").has("knn")).isFalse();
    }

    @Test
    void nearestQueriesCarryTheVectorKAndTheFilterInEachDialect() {
        float[] vector = new float[384];
        vector[0] = 0.5f;
        ObjectNode filter = JSON.createObjectNode();
        filter.putObject("term").put("country", "Kenya");
        JsonNode open = VectorField.nearest(Distribution.OPENSEARCH, vector, 50, filter).path("knn").path("vector");
        assertThat(open.path("k").asInt()).isEqualTo(50);
        assertThat(open.path("vector").size()).isEqualTo(384);
        assertThat(open.path("vector").get(0).asDouble()).isEqualTo(0.5);
        assertThat(open.path("filter")).isEqualTo(filter);
        JsonNode elastic = VectorField.nearest(Distribution.ELASTICSEARCH, vector, 50, filter).path("knn");
        assertThat(elastic.path("field").asText()).isEqualTo("vector");
        assertThat(elastic.path("query_vector").size()).isEqualTo(384);
        assertThat(elastic.path("num_candidates").asInt()).isEqualTo(200);
        assertThat(elastic.path("filter")).isEqualTo(filter);
        assertThat(VectorField.nearest(Distribution.OPENSEARCH, vector, 5, null).path("knn").path("vector").has("filter"))
                .isFalse();
    }

    @Test
    void storedVectorsAreReadBackOnlyWhenWhole() {
        float[] vector = new float[384];
        vector[383] = -1f;
        assertThat(VectorField.fromJson(VectorField.array(vector))).containsExactly(vector);
        assertThat(VectorField.fromJson(JSON.createArrayNode().add(1))).isNull();
        assertThat(VectorField.fromJson(JSON.missingNode())).isNull();
    }
}
