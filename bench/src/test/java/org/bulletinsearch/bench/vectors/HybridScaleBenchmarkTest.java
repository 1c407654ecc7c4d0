package org.bulletinsearch.bench.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.bulletinsearch.platform.client.JsonHttp;
import org.bulletinsearch.search.indexing.IndexDefinition;
import org.junit.jupiter.api.Test;

class HybridScaleBenchmarkTest {

    @Test
    void aLeaseAtOrBelowTheLastWriteStillRetainsReplacedVersions() throws Exception {
        // as the engine answered 30 s after 20,000 partial updates: the merge then kept every replaced version
        assertThat(HybridScaleBenchmark.leasesPastLastWrite(stats(39_999, 0))).isFalse();
        assertThat(HybridScaleBenchmark.leasesPastLastWrite(stats(39_999, 39_999))).isFalse();
    }

    @Test
    void leasesPastTheLastWriteReleaseThem() throws Exception {
        assertThat(HybridScaleBenchmark.leasesPastLastWrite(stats(39_999, 40_000))).isTrue();
        assertThat(HybridScaleBenchmark.leasesPastLastWrite(JsonHttp.JSON.readTree("{\"indices\":{}}"))).isTrue();
    }

    private static JsonNode stats(long maxSeqNo, long retaining) throws Exception {
        return JsonHttp.JSON.readTree("""
                {"indices":{"articles-v6":{"shards":{"0":[{"seq_no":{"max_seq_no":%d},
                "retention_leases":{"leases":[{"id":"peer_recovery/n","retaining_seq_no":%d}]}}]}}}}
                """.formatted(maxSeqNo, retaining));
    }

    @Test
    void aKeptIndexOfThisCodesMappingVersionIsSearchedAgainAndAnyOtherRefused() throws Exception {
        int current = IndexDefinition.mappingVersion();
        JsonNode same = JsonHttp.JSON.readTree("{\"_meta\":{\"mappingVersion\":" + current + "}}");
        JsonNode older = JsonHttp.JSON.readTree("{\"_meta\":{\"mappingVersion\":" + (current - 1) + "}}");

        assertThat(HybridScaleBenchmark.keptMappingVersion("articles-v" + current, same)).isEqualTo(current);
        assertThatThrownBy(() -> HybridScaleBenchmark.keptMappingVersion("articles-old", older))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("run without --reuse-data");
    }
}
