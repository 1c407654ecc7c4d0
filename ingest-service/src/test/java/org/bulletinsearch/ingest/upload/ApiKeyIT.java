package org.bulletinsearch.ingest.upload;

import static io.restassured.RestAssured.given;
import static org.bulletinsearch.ingest.upload.Fixtures.HARBOUR_GAZETTE;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

/** Uploads without a valid API key are refused before their body is read, and publish nothing. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka"))
class ApiKeyIT extends PublishesNothing {

    @Test
    void uploadWithoutKeyIs401() {
        given().config(Uploads.NO_DEFAULT_CHARSET).contentType("text/plain").body(Fixtures.bytes(HARBOUR_GAZETTE))
                .when().post("/bulletins")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("https://bulletinsearch.org/problems/missing-api-key"));
    }

    @Test
    void uploadWithWrongKeyIs403() {
        given().config(Uploads.NO_DEFAULT_CHARSET).header("X-API-Key", Fixtures.API_KEY + "x")
                .contentType("text/plain").body(Fixtures.bytes(HARBOUR_GAZETTE))
                .when().post("/bulletins")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://bulletinsearch.org/problems/invalid-api-key"));
    }

    @Test
    void wrongBearerTokenIs403() {
        given().config(Uploads.NO_DEFAULT_CHARSET).header("Authorization", "Bearer not-a-key")
                .multiPart("file", HARBOUR_GAZETTE, Fixtures.bytes(HARBOUR_GAZETTE), "text/plain")
                .when().post("/bulletins")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void otherAuthorizationSchemesDoNotCount() {
        given().config(Uploads.NO_DEFAULT_CHARSET).header("Authorization", "Basic dGVzdC1rZXktb25lOg==")
                .contentType("text/plain").body(Fixtures.bytes(HARBOUR_GAZETTE))
                .when().post("/bulletins")
                .then().statusCode(401);
    }

    @Test
    void reportsNeedAKeyToo() {
        given().when().get("/bulletins/00000000-0000-0000-0000-000000000000")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
