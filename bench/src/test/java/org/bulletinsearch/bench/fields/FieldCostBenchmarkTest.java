package org.bulletinsearch.bench.fields;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class FieldCostBenchmarkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The live definition as the engine gives it back: the analysis under {@code settings.index}. */
    private static ObjectNode live() throws IOException {
        try (InputStream in = FieldCostBenchmarkTest.class.getResourceAsStream("/search/articles-index.json")) {
            JsonNode resource = JSON.readTree(in);
            ObjectNode definition = JSON.createObjectNode();
            definition.putObject("settings").putObject("index").set("analysis", resource.path("settings").path("analysis"));
            definition.set("mappings", resource.path("mappings"));
            return definition;
        }
    }

    @Test
    void theWholeTokensVariantKeepsTokensWholeAtIndexTimeOnly() throws IOException {
        JsonNode analysis = FieldCostBenchmark.withWholeTokens(live()).path("settings").path("index").path("analysis");
        String indexParts = analysis.path("analyzer").path("article_index").path("filter").path(0).asText();
        String searchParts = analysis.path("analyzer").path("article_search").path("filter").path(0).asText();
        assertThat(analysis.path("filter").path(indexParts).path("preserve_original").asBoolean()).isTrue();
        assertThat(analysis.path("filter").path(searchParts).path("preserve_original").asBoolean()).isFalse();
        assertThat(analysis.path("filter").path(indexParts).path("type").asText()).isEqualTo("word_delimiter_graph");
    }

    @Test
    void theLiveMappingKeepsNoTokenWhole() throws IOException {
        JsonNode analysis = live().path("settings").path("index").path("analysis");
        String indexParts = analysis.path("analyzer").path("article_index").path("filter").path(0).asText();
        assertThat(analysis.path("filter").path(indexParts).path("preserve_original").asBoolean()).isFalse();
    }
}
