package org.bulletinsearch.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bulletinsearch.servicetesting.ArticlesTopic.header;
import static org.bulletinsearch.search.support.SearchApi.ids;
import static org.bulletinsearch.search.support.SearchApi.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.DeadLetterHeaders;
import org.bulletinsearch.events.Topics;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.search.support.SearchApi;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.junit.jupiter.api.Test;

/** Redelivery, aborted transactions, poison events and refused documents against the real Kafka and engine. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
class IndexingReliabilityIT {

    @Inject
    MeterRegistry registry;

    @Inject
    ArticleIndexer indexer;

    @Inject
    IndexManager indexManager;

    private static List<ArticleEvent> upload(String marker, int count, String uploadId) {
        Instant now = Instant.parse("2024-12-02T10:00:00Z");
        return IntStream.rangeClosed(1, count).mapToObj(i -> ArticleEvent.of(
                "Reliability check " + marker + " number " + i,
                "Article " + i + " of the reliability upload carries the marker " + marker + " in its body.",
                "reliability.txt", uploadId, i, now)).toList();
    }

    private double counter(String name, String tag, String value) {
        Search search = registry.find(name);
        if (tag != null) {
            search = search.tag(tag, value);
        }
        return search.counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void redeliveryAndReuploadsCreateNoDuplicates() {
        String marker = "redeliv" + UUID.randomUUID().toString().substring(0, 8);
        String uploadId = "redelivery-" + UUID.randomUUID();
        List<ArticleEvent> events = upload(marker, 5, uploadId);
        double indexedBefore = counter("search.indexing.indexed", null, null);
        ArticlesTopic.publish(events);
        SearchApi.awaitIndexed(uploadId, 5);
        // the same events again (a redelivery), twice
        ArticlesTopic.publish(events);
        ArticlesTopic.publish(events);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> counter("search.indexing.indexed", null, null) >= indexedBefore + 15);
        assertThat(search("q", marker, "size", 50).getLong("total")).isEqualTo(5);
        for (ArticleEvent event : events) {
            assertThat(search("q", "\"" + event.title() + "\"", "size", 50).getLong("total")).isEqualTo(1);
        }
    }

    @Test
    void eventsOfAnAbortedTransactionAreNeverIndexed() {
        String marker = "aborted" + UUID.randomUUID().toString().substring(0, 8);
        String abortedUpload = "aborted-" + UUID.randomUUID();
        String committedUpload = "committed-" + UUID.randomUUID();
        // Both uploads on partition 0: once the committed one is indexed, the aborted one (written to the log
        // before it, at earlier offsets) has been read past.
        ArticlesTopic.publishAborted(ArticlesTopic.records(0, upload(marker, 3, abortedUpload)));
        ArticlesTopic.publishRecords(ArticlesTopic.records(0,
                upload("committed" + UUID.randomUUID().toString().substring(0, 8), 2, committedUpload)));
        SearchApi.awaitIndexed(committedUpload, 2);
        assertThat(search("uploadId", abortedUpload, "size", 0).getLong("total")).isZero();
        assertThat(search("q", marker, "size", 0).getLong("total")).isZero();
    }

    @Test
    void poisonEventsAreDeadLetteredWhileTheirNeighboursAreIndexed() {
        String marker = "poison" + UUID.randomUUID().toString().substring(0, 8);
        String uploadId = "poison-" + UUID.randomUUID();
        List<ArticleEvent> good = upload(marker, 3, uploadId);
        ArticleEvent valid = good.get(0);
        String mismatched = new String(ArticlesTopic.CODEC.toJson(valid), StandardCharsets.UTF_8)
                .replace(valid.articleId(), "ffffffffffffffffffffffffffffffff");
        Map<String, String> poison = Map.of(
                marker + "-not-json", "this is not JSON at all {",
                marker + "-schema", "{\"schemaVersion\":1,\"articleId\":\"" + valid.articleId() + "\",\"title\":\"no body\"}",
                marker + "-mismatch", mismatched);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        records.add(ArticlesTopic.record(good.get(0)));
        records.add(poisonRecord(marker + "-not-json", poison));
        records.add(ArticlesTopic.record(good.get(1)));
        records.add(poisonRecord(marker + "-schema", poison));
        records.add(poisonRecord(marker + "-mismatch", poison));
        records.add(ArticlesTopic.record(good.get(2)));
        double deadBefore = counter("search.indexing.dead.lettered", "reason", "invalid_event");

        ArticlesTopic.publishRecords(records);
        SearchApi.awaitIndexed(uploadId, 3);

        List<ConsumerRecord<byte[], byte[]>> ours = ArticlesTopic.readDeadLetters(
                r -> key(r) != null && key(r).startsWith(marker), 3);
        // the original key is forwarded unchanged
        assertThat(ours).extracting(IndexingReliabilityIT::key).containsExactlyInAnyOrderElementsOf(poison.keySet());
        for (ConsumerRecord<byte[], byte[]> dead : ours) {
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(poison.get(key(dead)));
            assertThat(header(dead, DeadLetterHeaders.CONSUMER)).isEqualTo("search-service");
            assertThat(header(dead, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.ARTICLES);
            assertThat(header(dead, DeadLetterHeaders.PARTITION)).matches("\\d+");
            assertThat(header(dead, DeadLetterHeaders.OFFSET)).matches("\\d+");
            assertThat(header(dead, DeadLetterHeaders.CAUSE)).isNotBlank();
        }
        assertThat(reason(ours, marker + "-not-json")).startsWith("not JSON");
        assertThat(reason(ours, marker + "-schema")).contains("violates");
        assertThat(reason(ours, marker + "-mismatch")).contains("does not match");
        assertThat(ids(search("uploadId", uploadId, "size", 10)))
                .containsExactlyInAnyOrderElementsOf(good.stream().map(ArticleEvent::articleId).toList());
        assertThat(counter("search.indexing.dead.lettered", "reason", "invalid_event")).isGreaterThanOrEqualTo(deadBefore + 3);
    }

    @Test
    void aDocumentTheEngineRefusesIsReportedWhileTheRestIsIndexed() {
        String uploadId = "refused-" + UUID.randomUUID();
        List<ArticleEvent> events = upload("refusal" + UUID.randomUUID().toString().substring(0, 8), 2, uploadId);
        String badId = "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";
        String alias = indexManager.alias();
        List<IndexOperation> operations = List.of(new IndexOperation.Write(ArticleDocument.of(events.get(0))),
                new IndexOperation.Delete(badId), new IndexOperation.Write(ArticleDocument.of(events.get(1))));

        // the mapping is strict: an unknown field is refused for good (strict_dynamic_mapping_exception)
        ArticleIndexer.Result result = indexer.write("test", operations, pending -> operation -> List.of(
                operation.id().equals(badId)
                        ? new BulkAction("index", alias, true, badId, Map.of("id", badId, "title", "Refused", "surprise", 1), null)
                        : new BulkAction("index", alias, true, operation.id(), ((IndexOperation.Write) operation).document(),
                                null))).await().atMost(Duration.ofSeconds(60));

        assertThat(result.indexed()).isEqualTo(2);
        assertThat(result.rejected()).singleElement().satisfies(refused -> {
            assertThat(refused.id()).isEqualTo(badId);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errorType()).isEqualTo("strict_dynamic_mapping_exception");
            assertThat(refused.reason()).contains("surprise");
        });
        SearchApi.awaitIndexed(uploadId, 2);
    }

    private static ProducerRecord<byte[], byte[]> poisonRecord(String key, Map<String, String> poison) {
        return ArticlesTopic.raw(null, key, ArticlesTopic.utf8(poison.get(key)));
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return ArticlesTopic.text(record.key());
    }

    private static String reason(List<ConsumerRecord<byte[], byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(key(r))).findFirst()
                .map(r -> header(r, DeadLetterHeaders.REASON)).orElseThrow();
    }
}
