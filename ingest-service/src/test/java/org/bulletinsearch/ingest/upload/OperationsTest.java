package org.bulletinsearch.ingest.upload;

import static io.restassured.RestAssured.given;
import static org.bulletinsearch.ingest.upload.Uploads.withKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

/** Health (readiness includes Kafka), metrics and the OpenAPI document. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka"))
class OperationsTest {

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
    void openApiDocumentsTheUploadWithExamples() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/bulletins'.post.requestBody.content.'text/plain'.examples.bulletin.value",
                        containsString("Lindqvist Harbour"))
                .body("paths.'/bulletins'.post.requestBody.content", org.hamcrest.Matchers.hasKey("multipart/form-data"))
                .body("paths.'/bulletins'.post.responses.'202'.content.'application/json'.examples.report.value.articleCount",
                        equalTo(2))
                .body("paths.'/bulletins/{uploadId}'.get.responses", org.hamcrest.Matchers.hasKey("404"))
                .body("components.securitySchemes", org.hamcrest.Matchers.hasKey("apiKey"));
    }
}
