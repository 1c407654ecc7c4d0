package org.bulletinsearch.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests the HTTP layer refuses before a resource sees them (issue 13's table, the rows that touch
 * ingest): answered as problem+json of the shared vocabulary, never bare, and nothing published.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka"))
class RequestEdgeIT {

    private static final String PROBLEMS = "https://bulletinsearch.org/problems/";
    private static final List<String> WITH_KEY = List.of("X-API-Key: " + Fixtures.API_KEY, "Content-Type: text/plain");
    private static final byte[] BULLETIN = Fixtures.bytes(Fixtures.HARBOUR_GAZETTE);

    @TestHTTPResource("/bulletins")
    URL bulletins;

    private static PublishedEvents topic;

    @BeforeAll
    static void openTopic() {
        topic = new PublishedEvents();
    }

    @AfterAll
    static void closeTopic() {
        topic.close();
    }

    @AfterEach
    void nothingWasPublished() {
        assertThat(topic.readSettled()).as("committed records after a refused request").isEmpty();
    }

    @Test
    void sixThousandCharacterUrlIs414ProblemJson() throws IOException {
        RawHttp.Answer answer = post("/bulletins?source=" + "a".repeat(6_000), WITH_KEY);

        assertProblem(answer, 414, "uri-too-long");
        assertThat(answer.json().getInt("limit")).isEqualTo(4096);
    }

    @Test
    void thirtyKilobyteHeaderIs431ProblemJson() throws IOException {
        RawHttp.Answer answer = post("/bulletins", List.of("X-API-Key: " + Fixtures.API_KEY,
                "Content-Type: text/plain", "X-Padding: " + "p".repeat(30 * 1024)));

        assertProblem(answer, 431, "headers-too-large");
    }

    @Test
    void brokenPercentEncodingIs400ProblemJson() throws IOException {
        assertProblem(post("/bulletins?source=%E0%A4%A", WITH_KEY), 400, "malformed-request");
    }

    @Test
    void unencodedPipeInTheQueryIs400ProblemJson() throws IOException {
        assertProblem(post("/bulletins?source=a|b.txt", WITH_KEY), 400, "malformed-request");
    }

    @Test
    void unencodedQuoteInTheQueryIs400ProblemJson() throws IOException {
        assertProblem(post("/bulletins?source=\"a\".txt", WITH_KEY), 400, "malformed-request");
    }

    @Test
    void uploadIdWithNulIs400NamingTheParameter() throws IOException {
        RawHttp.Answer answer = RawHttp.exchange(bulletins, RawHttp.request("GET", "/bulletins/x%00y",
                List.of("X-API-Key: " + Fixtures.API_KEY), null));

        assertProblem(answer, 400, "invalid-parameter");
        assertThat(answer.json().getString("parameter")).isEqualTo("uploadId");
    }

    @Test
    void sourceWithNulIs400NamingTheParameter() throws IOException {
        RawHttp.Answer answer = post("/bulletins?source=%00", WITH_KEY);

        assertProblem(answer, 400, "invalid-parameter");
        assertThat(answer.json().getString("parameter")).isEqualTo("source");
    }

    private RawHttp.Answer post(String target, List<String> headers) throws IOException {
        return RawHttp.exchange(bulletins, RawHttp.request("POST", target, headers, BULLETIN));
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.isProblem()).as("problem+json: %s %s", answer.headers(), answer.text()).isTrue();
        assertThat(answer.json().getString("type")).isEqualTo(PROBLEMS + type);
    }
}
