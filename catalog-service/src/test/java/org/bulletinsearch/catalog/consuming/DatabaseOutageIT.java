package org.bulletinsearch.catalog.consuming;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bulletinsearch.catalog.support.Bulletins;
import org.bulletinsearch.catalog.support.CatalogDatabase;
import org.bulletinsearch.catalog.support.Metrics;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.infra.ServerProcess;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.junit.jupiter.api.Test;

/** PostgreSQL stops while events arrive: nothing is skipped, everything is stored once when it returns. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class DatabaseOutageIT {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void storesEverythingOnceWhenTheDatabaseComesBack() {
        String uploadId = Bulletins.newUploadId();
        List<ArticleEvent> events = Bulletins.upload(uploadId, "during-outage.txt", Instant.now(),
                Bulletins.articles("outage-" + uploadId, 0, 40));
        ServerProcess postgres = LocalInfraTestResource.infrastructure().postgres();
        double retriesBefore = Metrics.value("catalog_store_retries_total", "");
        double deadLettersBefore = Metrics.value("catalog_events_dead_lettered_total", "");

        postgres.stop();
        try {
            await("readiness reports the database down").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(503)
                            .body("checks.find { it.status == 'DOWN' }.name", notNullValue()));
            given().get("/articles?uploadId={id}", uploadId).then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("https://bulletinsearch.org/problems/dependency-unavailable"))
                    .body("dependency", equalTo("database"));
            given().get("/uploads/{id}", uploadId).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5");

            ArticlesTopic.publish(events);

            // The consumer tries, fails and retries with a growing backoff (0.2 s doubling to 2 s in tests,
            // so five failures take about five seconds): the events are neither skipped nor dead-lettered.
            await("failed attempts retried").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(Metrics.value("catalog_store_retries_total", "")).isGreaterThanOrEqualTo(retriesBefore + 5));
            assertThat(Metrics.value("catalog_events_dead_lettered_total", "")).isEqualTo(deadLettersBefore);
        } finally {
            postgres.start();
        }

        await("all stored after the outage").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> given().get("/uploads/{id}?size=1", uploadId).then().statusCode(200)
                        .body("articleCount", equalTo(40)));
        CatalogDatabase database = new CatalogDatabase(dataSource);
        assertThat(database.sightingsOfUpload(uploadId)).isEqualTo(40);
        assertThat(database.articlesOfUpload(uploadId)).isEqualTo(40);
        for (ArticleEvent event : events) {
            assertThat(database.articleRows(event.articleId())).as(event.articleId()).isEqualTo(1);
            assertThat(database.sightingRows(event.articleId())).as(event.articleId()).isEqualTo(1);
        }
        await("ready again").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200)
                        .body("checks.name", hasItem("Database connections health check")));
    }
}
