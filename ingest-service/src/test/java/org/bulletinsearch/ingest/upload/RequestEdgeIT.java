package org.bulletinsearch.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulletinsearch.servicetesting.Problems.assertInvalidParameter;
import static org.bulletinsearch.servicetesting.Problems.assertProblem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.servicetesting.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * Requests the HTTP layer refuses before a resource sees them (issue 13's table, the rows that touch
 * ingest): answered as problem+json of the shared vocabulary, never bare, and nothing published.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka"))
class RequestEdgeIT extends PublishesNothing {

    private static final List<String> WITH_KEY = List.of(Fixtures.API_KEY_HEADER, "Content-Type: text/plain");
    private static final byte[] BULLETIN = Fixtures.bytes(Fixtures.HARBOUR_GAZETTE);

    @TestHTTPResource("/bulletins")
    URL bulletins;

    @Test
    void sixThousandCharacterUrlIs414ProblemJson() {
        RawHttp.Answer answer = post("/bulletins?source=" + "a".repeat(6_000), WITH_KEY);

        assertThat(assertProblem(answer, 414, "uri-too-long").path("limit").asInt()).isEqualTo(4096);
    }

    @Test
    void thirtyKilobyteHeaderIs431ProblemJson() {
        RawHttp.Answer answer = post("/bulletins", List.of(Fixtures.API_KEY_HEADER,
                "Content-Type: text/plain", "X-Padding: " + "p".repeat(30 * 1024)));

        assertProblem(answer, 431, "headers-too-large");
    }

    @Test
    void brokenPercentEncodingIs400ProblemJson() {
        assertProblem(post("/bulletins?source=%E0%A4%A", WITH_KEY), 400, "malformed-request");
    }

    @Test
    void unencodedPipeInTheQueryIs400ProblemJson() {
        assertProblem(post("/bulletins?source=a|b.txt", WITH_KEY), 400, "malformed-request");
    }

    @Test
    void unencodedQuoteInTheQueryIs400ProblemJson() {
        assertProblem(post("/bulletins?source=\"a\".txt", WITH_KEY), 400, "malformed-request");
    }

    @Test
    void rawSpaceInTheRequestTargetIs400ProblemJson() {
        assertProblem(post("/bulletins?source=a b.txt", WITH_KEY), 400, "malformed-request");
    }

    @Test
    void controlCharacterInAHeaderIs400ProblemJson() {
        assertProblem(post("/bulletins", List.of(Fixtures.API_KEY_HEADER, "Content-Type: text/plain",
                "X-Note: a\u0001b")), 400, "malformed-request");
    }

    @Test
    void requestLineBeyondTheCodecsCapIs414ProblemJson() {
        assertProblem(post("/bulletins?source=" + "a".repeat(300_000), WITH_KEY), 414, "uri-too-long");
    }

    @Test
    void uploadIdWithNulIs400NamingTheParameter() {
        assertInvalidParameter(RawHttp.get(bulletins.getPort(), "/bulletins/x%00y", Fixtures.API_KEY_HEADER), "uploadId");
    }

    @Test
    void sourceWithNulIs400NamingTheParameter() {
        assertInvalidParameter(post("/bulletins?source=%00", WITH_KEY), "source");
    }

    private RawHttp.Answer post(String target, List<String> headers) {
        return RawHttp.send(bulletins.getPort(), "POST", target, headers, BULLETIN);
    }
}
