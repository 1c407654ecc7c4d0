package org.bulletinsearch.search.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.search.support.RelevanceFixtures;
import org.junit.jupiter.api.Test;

/** Health, metrics and the OpenAPI document, as operators and API consumers see them. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
class ObservabilityIT {

    @Test
    void readinessCoversTheEngineTheIndexAndKafka() {
        RelevanceFixtures.published();
        JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        List<String> checks = health.getList("checks.name", String.class);
        assertThat(checks).contains("Elasticsearch cluster health check", "Article index", "Kafka connection health check");
        assertThat(checks).anyMatch(name -> name.contains("Reactive Messaging"));
        assertThat(health.getList("checks.status", String.class)).containsOnly("UP");
    }

    @Test
    void metricsCountIndexingAndTimeSearchesAndShowConsumerLag() {
        RelevanceFixtures.published();
        given().queryParam("q", "customs").get("/search").then().statusCode(200);
        given().queryParam("q", "bots").get("/search/suggest").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("search_indexing_indexed_total");
            assertThat(metrics).contains("search_indexing_waiting");
            assertThat(metrics).containsPattern("search_query_latency_seconds_count\\{endpoint=\"search\"[^}]*} [1-9]");
            assertThat(metrics).containsPattern("search_query_latency_seconds_bucket\\{endpoint=\"suggest\"");
            assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag_max");
        });
    }

    @Test
    void openApiDocumentsTheEndpointsWithExamples() {
        String openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        JsonPath document = JsonPath.from(openapi);
        assertThat(document.getMap("paths")).containsKeys("/search", "/search/suggest", "/search/related/{id}");
        assertThat(openapi).contains("\"examples\"").contains("madagascar scanning").contains("Botsw")
                .contains("application/problem+json");
    }
}
