package org.bulletinsearch.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bulletinsearch.ingest.upload.Fixtures.HARBOUR_GAZETTE;
import static org.bulletinsearch.ingest.upload.Uploads.decode;
import static org.bulletinsearch.ingest.upload.Uploads.withKey;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.infra.ServerProcess;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.bulletinsearch.servicetesting.CommittedArticles;
import org.junit.jupiter.api.Test;

/**
 * Kafka goes away: the upload is answered 503 within bounded time and leaves nothing visible; once Kafka
 * is back, the same upload simply succeeds.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka"))
class KafkaOutageIT {

    @Test
    void uploadDuringKafkaOutageIs503AndARetryAfterwardsSucceeds() {
        byte[] bulletin = Fixtures.bytes(HARBOUR_GAZETTE);
        ServerProcess kafka = LocalInfraTestResource.infrastructure().kafka();
        try (CommittedArticles topic = ArticlesTopic.readCommitted()) {
            // a first upload, so that the producer is connected and has the topic's metadata when Kafka dies
            withKey().contentType("text/plain").body(bulletin).when().post("/bulletins").then().statusCode(202);
            assertThat(topic.readSettled()).hasSize(3);

            kafka.stop();
            long started = System.nanoTime();
            try {
                withKey().contentType("text/plain").body(bulletin)
                        .when().post("/bulletins")
                        .then().statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", equalTo("5"))
                        .body("type", equalTo("https://bulletinsearch.org/problems/dependency-unavailable"))
                        .body("dependency", equalTo("kafka"));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(took).as("time to answer 503 (delivery timeout 6 s + abort 4 s in %test)")
                        .isLessThan(Duration.ofSeconds(30));
            } finally {
                kafka.start();
            }

            // The client retries until Kafka takes the upload again.
            AtomicReference<JsonPath> accepted = new AtomicReference<>();
            await("a retry to be accepted").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        Response retry = withKey().contentType("text/plain").body(bulletin).when().post("/bulletins");
                        if (retry.statusCode() == 202) {
                            accepted.set(retry.jsonPath());
                            return true;
                        }
                        assertThat(retry.statusCode()).as("answer while Kafka recovers").isEqualTo(503);
                        return false;
                    });

            // Only the accepted retry is visible: nothing of the uploads answered 503.
            List<ArticleEvent> events = decode(topic.readSettled());
            assertThat(events).extracting(ArticleEvent::uploadId).containsOnly(accepted.get().getString("uploadId"));
            assertThat(events).extracting(ArticleEvent::articleId)
                    .containsExactlyInAnyOrderElementsOf(accepted.get().getList("articles.id", String.class));
        }
    }
}
