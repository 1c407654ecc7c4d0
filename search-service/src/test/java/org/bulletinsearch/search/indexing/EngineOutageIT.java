package org.bulletinsearch.search.indexing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bulletinsearch.search.support.SearchApi.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.infra.ServerProcess;
import org.bulletinsearch.search.support.SearchApi;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The engine process stops while events arrive: nothing is acknowledged (offsets stay put) until the
 * engine is back, then everything is indexed exactly once. Runs after the other tests that share its
 * application (it takes the engine away); only {@link IndexCompactionIT} and {@link ReindexIT}, which start
 * applications of their own, come later.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
@Order(Integer.MAX_VALUE - 2)
class EngineOutageIT {

    private static final int EVENTS = 40;
    /** The service's consumer group. */
    private static final String GROUP = "search-service";

    private Map<TopicPartition, Long> firstOffsets;
    private Map<TopicPartition, Long> lastOffsets;

    @Inject
    MeterRegistry registry;

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private double retried() {
        return registry.find("search.indexing.retried").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void eventsArrivingWhileTheEngineIsDownAreIndexedOnceItIsBack() {
        String marker = "outage" + UUID.randomUUID().toString().substring(0, 8);
        String uploadId = "outage-" + UUID.randomUUID();
        Instant now = Instant.parse("2024-12-03T10:00:00Z");
        List<ArticleEvent> events = IntStream.rangeClosed(1, EVENTS).mapToObj(i -> ArticleEvent.of(
                "Outage bulletin " + marker + " item " + i, "Item " + i + " was published while the engine was down, marker "
                        + marker + ".", "outage.txt", uploadId, i, now)).toList();
        ServerProcess engine = LocalInfraTestResource.infrastructure().searchEngine();
        double retriedBefore = retried();

        engine.stop();
        try {
            List<RecordMetadata> written = ArticlesTopic.publish(events);
            // Where our records are: the committed offset of a partition must not pass them before they are indexed.
            firstOffsets = written.stream().collect(Collectors.toMap(
                    m -> new TopicPartition(m.topic(), m.partition()), RecordMetadata::offset, Math::min));
            lastOffsets = written.stream().collect(Collectors.toMap(
                    m -> new TopicPartition(m.topic(), m.partition()), RecordMetadata::offset, Math::max));
            // The consumer has the batch and holds it back: consumption is paused, not skipping.
            await().atMost(Duration.ofSeconds(30)).until(() -> gauge("search.indexing.waiting") > 0);

            Response search = given().queryParam("q", marker).get("/search");
            assertThat(search.statusCode()).isEqualTo(503);
            assertThat(search.contentType()).startsWith("application/problem+json");
            assertThat(search.header("Retry-After")).isNotBlank();
            Response ready = given().get("/q/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.asString()).contains("DOWN");

            // Offsets of the held-back batch are not committed, however long the outage lasts
            // (the throttled strategy commits every 5 s; watch across more than one period).
            Map<TopicPartition, Long> first = firstOffsets;
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).until(() -> {
                Map<TopicPartition, Long> committed = ArticlesTopic.committedOffsets(GROUP);
                return first.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), 0L) <= e.getValue());
            });
            assertThat(retried()).isGreaterThan(retriedBefore);
        } finally {
            engine.start();
        }

        SearchApi.awaitIndexed(uploadId, EVENTS);
        for (ArticleEvent event : events) {
            assertThat(search("q", "\"" + event.title() + "\"", "size", 5).getList("hits.id", String.class))
                    .containsExactly(event.articleId());
        }
        // Now that the engine confirmed them, their offsets are committed.
        Map<TopicPartition, Long> last = lastOffsets;
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<TopicPartition, Long> committed = ArticlesTopic.committedOffsets(GROUP);
            return last.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), 0L) > e.getValue());
        });
        assertThat(gauge("search.indexing.waiting")).isZero();
        given().get("/q/health/ready").then().statusCode(200);
    }

}
