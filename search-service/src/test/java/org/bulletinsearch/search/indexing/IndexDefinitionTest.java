package org.bulletinsearch.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class IndexDefinitionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anIndexsMappingsGiveTheirVersionAndZeroWithoutOne() throws Exception {
        var versioned = JSON.readTree("{\"_meta\":{\"mappingVersion\":4},\"properties\":{}}");

        assertThat(IndexDefinition.mappingVersionOf(versioned)).isEqualTo(4);
        assertThat(IndexDefinition.mappingVersionOf(JSON.readTree("{\"properties\":{}}"))).isZero();
    }

    @Test
    void thisReleasesVersionIsTheOneItsDefinitionDeclares() throws Exception {
        var written = JSON.readTree(IndexDefinition.class.getResourceAsStream(IndexDefinition.RESOURCE));
        int declared = written.path("mappings").path("_meta").path("mappingVersion").asInt();

        assertThat(declared).isPositive();
        assertThat(IndexDefinition.mappingVersion()).isEqualTo(declared);
        assertThat(IndexDefinition.read(JSON)).isEqualTo(written);
    }
}
