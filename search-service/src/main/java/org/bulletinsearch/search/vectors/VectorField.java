package org.bulletinsearch.search.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bulletinsearch.embeddings.TextEmbedder;
import org.bulletinsearch.search.engine.SearchEngine.Distribution;

/**
 * The article's sentence-embedding field, in each engine's dialect: pure request-body logic, unit-tested.
 *
 * <ul>
 *   <li>OpenSearch: {@code knn_vector} with an HNSW graph of the {@code lucene} engine and cosine similarity
 *       ({@code index.knn: true}). The engine is always named: with {@code faiss} (the 2.19 default when no
 *       method is given) the first write fails for good where the plugin's native libraries are missing,
 *       as in the plugin zip on Maven Central. Query: the {@code knn} query, filters inside it (the lucene
 *       engine filters while it searches the graph, so a filtered query still finds {@code k} articles).</li>
 *   <li>Elasticsearch 8.12+: {@code dense_vector} (indexed, cosine); query: the {@code knn} query with
 *       {@code num_candidates} and the same filter.</li>
 * </ul>
 * HNSW: Malkov and Yashunin, "Efficient and robust approximate nearest neighbor search using Hierarchical
 * Navigable Small World graphs", 2016; m = 16 and ef_construction = 100 are both engines' defaults.
 */
public final class VectorField {

    /** The field's name in the index. */
    public static final String NAME = "vector";
    /** Candidates examined per wanted hit on Elasticsearch (its documentation's suggestion is 1.5 to 10 times k). */
    static final int CANDIDATES_PER_HIT = 4;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private VectorField() {
    }

    /** Adds the field (and, on OpenSearch, {@code index.knn}) to an index definition: settings + mappings. */
    public static void addTo(ObjectNode definition, Distribution engine) {
        ObjectNode field = ((ObjectNode) definition.path("mappings").path("properties")).putObject(NAME);
        if (engine == Distribution.OPENSEARCH) {
            ((ObjectNode) definition.path("settings").path("index")).put("knn", true);
            field.put("type", "knn_vector").put("dimension", TextEmbedder.DIMENSION);
            field.putObject("method").put("name", "hnsw").put("engine", "lucene").put("space_type", "cosinesimil");
        } else {
            field.put("type", "dense_vector").put("dims", TextEmbedder.DIMENSION).put("index", true)
                    .put("similarity", "cosine");
        }
    }

    /**
     * The query for the {@code k} articles nearest to {@code vector} that pass {@code filter}.
     *
     * @param filter a query every hit must match, or null
     * @return the value of a request's {@code query}
     */
    public static ObjectNode nearest(Distribution engine, float[] vector, int k, JsonNode filter) {
        ObjectNode query = JSON.objectNode();
        ObjectNode knn = query.putObject("knn");
        ObjectNode clause;
        if (engine == Distribution.OPENSEARCH) {
            clause = knn.putObject(NAME);
            clause.set("vector", array(vector));
            clause.put("k", k);
        } else {
            clause = knn.put("field", NAME);
            clause.set("query_vector", array(vector));
            clause.put("num_candidates", Math.min(10_000, k * CANDIDATES_PER_HIT));
        }
        if (filter != null) {
            clause.set("filter", filter);
        }
        return query;
    }

    /** A vector as a JSON array of numbers. */
    public static ArrayNode array(float[] vector) {
        ArrayNode array = JSON.arrayNode(vector.length);
        for (float value : vector) {
            array.add(value);
        }
        return array;
    }

    /** A vector from its JSON array; null when {@code json} is not an array of {@link TextEmbedder#DIMENSION} numbers. */
    public static float[] fromJson(JsonNode json) {
        if (json == null || !json.isArray() || json.size() != TextEmbedder.DIMENSION) {
            return null;
        }
        float[] vector = new float[json.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) json.get(i).asDouble();
        }
        return vector;
    }
}
