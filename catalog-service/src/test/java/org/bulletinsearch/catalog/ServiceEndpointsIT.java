package org.bulletinsearch.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.bulletinsearch.catalog.support.Metrics;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

/** What operators and API clients rely on besides the articles: health, metrics, the OpenAPI document. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class ServiceEndpointsIT {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200)
                        .body("status", equalTo("UP"))
                        .body("checks.name", hasItems("Database connections health check",
                                "Kafka connection health check", "SmallRye Reactive Messaging - readiness check")));
    }

    @Test
    void exposesTheCatalogMetricsAndTheConsumerLag() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String name : new String[] {"catalog_articles_stored_total", "catalog_events_duplicate_total",
                    "catalog_events_dead_lettered_total", "catalog_store_retries_total", "catalog_batch_seconds_count",
                    "kafka_consumer_fetch_manager_records_lag_max"}) {
                assertThat(Metrics.exists(name)).as(name).isTrue();
            }
        });
    }

    @Test
    void documentsTheApiWithExamples() {
        String document = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/articles"))
                .body("paths", hasKey("/articles/{id}"))
                .body("paths", hasKey("/uploads/{uploadId}"))
                .extract().asString();
        assertThat(document).contains("\"examples\"", "nextCursor", "provenance", "application/problem+json");
        given().get("/q/openapi").then().statusCode(200).body(containsString("Bulletin Search catalog"));
    }
}
