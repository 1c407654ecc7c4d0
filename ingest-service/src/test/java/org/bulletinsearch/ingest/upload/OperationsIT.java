package org.bulletinsearch.ingest.upload;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bulletinsearch.ingest.upload.Uploads.withKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

/** Health (readiness includes Kafka), metrics and the OpenAPI document. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka"))
class OperationsIT {

    @Test
    void readinessIncludesKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void metricsCountUploadsArticlesAndRejectionsByReason() {
        withKey().contentType("text/plain").body(Fixtures.bytes(Fixtures.VALLEY_COURIER)).post("/bulletins")
                .then().statusCode(202);
        withKey().contentType("text/plain").body("   \n").post("/bulletins").then().statusCode(400);

        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("ingest_uploads_total{outcome=\"accepted\"}"))
                .body(containsString("ingest_uploads_total{outcome=\"rejected\"}"))
                .body(containsString("ingest_articles_published_total"))
                .body(containsString("ingest_rejections_total{reason=\"empty-file\"}"))
                .body(containsString("ingest_upload_seconds_count{outcome=\"accepted\"}"));
    }

    @Test
    void openApiListsEveryStatusOfEveryOperationWithExamples() {
        JsonPath openApi = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();

        assertThat(openApi.getMap("paths.'/bulletins'.post.requestBody.content"))
                .containsOnlyKeys("text/plain", "multipart/form-data");
        assertThat(openApi.getString("components.examples.Bulletin.value")).contains("Lindqvist Harbour");
        assertThat(openApi.getInt("components.examples.Report.value.articleCount")).isEqualTo(2);
        assertThat(openApi.getMap("paths.'/bulletins'.post.responses"))
                .containsOnlyKeys("202", "400", "401", "403", "406", "413", "414", "415", "431", "500", "503");
        assertThat(openApi.getMap("paths.'/bulletins/{uploadId}'.get.responses"))
                .containsOnlyKeys("200", "400", "401", "403", "404", "406", "414", "431", "500");
        assertThat(openApi.getMap("components.securitySchemes")).containsOnlyKeys("apiKey", "bearer");
        assertThat(openApi.getString("components.responses.BadUpload.content.'application/problem+json'"
                + ".examples.title-without-body.value.type")).isEqualTo("https://bulletinsearch.org/problems/invalid-bulletin");
    }

    @Test
    void anAnswerTheClientDoesNotAcceptIs406ProblemJson() {
        withKey().accept("text/html").when().get("/bulletins/1f0b7c9e-4d2a-4c53-9a57-3c2f1b8e6d10")
                .then().statusCode(406).contentType("application/problem+json")
                .body("type", equalTo("https://bulletinsearch.org/problems/not-acceptable"));
    }
}
