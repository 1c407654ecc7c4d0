package org.bulletinsearch.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import org.bulletinsearch.search.indexing.BulkItemOutcome.Kind;
import org.junit.jupiter.api.Test;

class BulkItemOutcomeTest {

    private static List<String> sent(String... ids) {
        return List.of(ids);
    }

    @Test
    void sortsEachItemIntoIndexedRetryOrRejected() throws Exception {
        // The shape both engines answer a _bulk with (filter_path applied).
        String answer = """
                {"errors":true,"items":[
                  {"index":{"_id":"a","status":201}},
                  {"index":{"_id":"b","status":200}},
                  {"index":{"_id":"c","status":429,"error":{"type":"es_rejected_execution_exception","reason":"queue full"}}},
                  {"index":{"_id":"d","status":400,"error":{"type":"mapper_parsing_exception","reason":"failed to parse field [ingestedAt]",
                     "caused_by":{"type":"illegal_argument_exception","reason":"bad date"}}}},
                  {"index":{"_id":"e","status":503,"error":{"type":"unavailable_shards_exception","reason":"primary shard is not active"}}},
                  {"index":{"_id":"f","status":404,"error":{"type":"index_not_found_exception","reason":"no such index"}}},
                  {"index":{"_id":"g","status":400,"error":{"type":"strict_dynamic_mapping_exception","reason":"mapping set to strict"}}}
                ]}""";
        List<BulkItemOutcome> outcomes = BulkItemOutcome.read(JsonMapper.builder().build().readTree(answer),
                sent("a", "b", "c", "d", "e", "f", "g", "h"));

        assertThat(outcomes).extracting(BulkItemOutcome::kind).containsExactly(Kind.INDEXED, Kind.INDEXED, Kind.RETRY,
                Kind.REJECTED, Kind.RETRY, Kind.RETRY, Kind.REJECTED, Kind.RETRY);
        assertThat(outcomes.get(3).errorType()).isEqualTo("mapper_parsing_exception");
        assertThat(outcomes.get(3).reason()).contains("failed to parse field").contains("bad date");
        // an item the answer does not account for is never assumed indexed
        assertThat(outcomes.get(7).errorType()).isEqualTo("missing_item");
    }

    @Test
    void anItemForAnotherIdIsNotTakenAsConfirmation() throws Exception {
        String answer = "{\"items\":[{\"index\":{\"_id\":\"zzz\",\"status\":201}}]}";
        assertThat(BulkItemOutcome.read(JsonMapper.builder().build().readTree(answer), sent("a")).get(0).kind())
                .isEqualTo(Kind.RETRY);
    }

    @Test
    void classifiesStatuses() {
        assertThat(BulkItemOutcome.classify(201, "")).isEqualTo(Kind.INDEXED);
        assertThat(BulkItemOutcome.classify(429, "")).isEqualTo(Kind.RETRY);
        assertThat(BulkItemOutcome.classify(500, "")).isEqualTo(Kind.RETRY);
        assertThat(BulkItemOutcome.classify(403, "cluster_block_exception")).isEqualTo(Kind.RETRY);
        assertThat(BulkItemOutcome.classify(400, "mapper_parsing_exception")).isEqualTo(Kind.REJECTED);
        assertThat(BulkItemOutcome.classify(413, "http_413")).isEqualTo(Kind.REJECTED);
    }

    @Test
    void deletingOrUpdatingWhatIsNotThereAndLosingToANewerWriteAreDone() {
        assertThat(BulkItemOutcome.classify(404, "")).as("delete of a missing document").isEqualTo(Kind.INDEXED);
        assertThat(BulkItemOutcome.classify(404, "document_missing_exception")).as("retraction of an absent article")
                .isEqualTo(Kind.INDEXED);
        assertThat(BulkItemOutcome.classify(409, "version_conflict_engine_exception"))
                .as("a backfill create behind a live write").isEqualTo(Kind.INDEXED);
        assertThat(BulkItemOutcome.classify(404, "index_not_found_exception")).isEqualTo(Kind.RETRY);
    }

    @Test
    void anOperationWrittenToTwoIndicesTakesTheWorstFate() {
        BulkItemOutcome done = new BulkItemOutcome("a", Kind.INDEXED, 201, "", "");
        BulkItemOutcome retry = new BulkItemOutcome("a", Kind.RETRY, 429, "es_rejected_execution_exception", "");
        BulkItemOutcome refused = new BulkItemOutcome("a", Kind.REJECTED, 400, "mapper_parsing_exception", "");
        assertThat(BulkItemOutcome.worst(List.of(done, retry))).isEqualTo(retry);
        assertThat(BulkItemOutcome.worst(List.of(retry, refused, done))).isEqualTo(refused);
        assertThat(BulkItemOutcome.worst(List.of(done, done))).isEqualTo(done);
    }
}
