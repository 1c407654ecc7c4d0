package org.bulletinsearch.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MappingVersionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anIndexsMappingsGiveTheirVersionAndZeroWithoutOne() throws Exception {
        assertThat(IndexManager.mappingVersionOf(JSON.readTree("{\"_meta\":{\"mappingVersion\":4},\"properties\":{}}")))
                .isEqualTo(4);
        assertThat(IndexManager.mappingVersionOf(JSON.readTree("{\"properties\":{}}"))).isZero();
    }

    @Test
    void theDefinedVersionIsTheOneTheResourceDeclares() throws Exception {
        var resource = JSON.readTree(IndexManager.class.getResourceAsStream(IndexManager.DEFINITION_RESOURCE));
        int declared = resource.path("mappings").path("_meta").path("mappingVersion").asInt();

        assertThat(declared).isPositive();
        assertThat(IndexManager.definedMappingVersion()).isEqualTo(declared);
    }
}
