package org.bulletinsearch.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestChecksTest {

    @Test
    void aWellFormedTargetPasses() {
        assertThat(RequestChecks.check("/search?q=%22Z%C3%BCrich%22+customs&size=5", 200, 8192, 16384)).isEmpty();
    }

    @Test
    void aTooLongTargetIs414WithTheLimit() {
        Map<String, Object> problem = RequestChecks.check("/articles?source=" + "a".repeat(6000), 0, 4096, 16384).orElseThrow();
        assertThat(problem).containsEntry("status", 414).containsEntry("limit", 4096)
                .containsEntry("type", "https://bulletinsearch.org/problems/uri-too-long");
    }

    @Test
    void tooLargeHeadersAre431() {
        assertThat(RequestChecks.check("/", 30_000, 8192, 16384).orElseThrow()).containsEntry("status", 431);
    }

    @Test
    void brokenPercentEncodingIsAMalformedRequest() {
        assertThat(RequestChecks.encodingProblem("/search?q=%E0%A4%A")).get().asString().contains("two hex digits");
        assertThat(RequestChecks.encodingProblem("/search?q=%E0%A4")).get().asString().contains("not valid UTF-8");
        assertThat(RequestChecks.check("/search?q=%zz", 0, 8192, 16384).orElseThrow())
                .containsEntry("status", 400).containsEntry("title", "Malformed request");
    }

    @Test
    void unencodedPipesAndQuotesAreNamed() {
        assertThat(RequestChecks.encodingProblem("/search?q=a|b")).get().asString().contains("U+007C").contains("%7C");
        assertThat(RequestChecks.encodingProblem("/search?q=\"a\"")).get().asString().contains("U+0022");
    }

    @Test
    void anEncodedNulIsLeftToTheParameterCheck() {
        // %00 is well-formed: the resource names the parameter that may not hold it
        assertThat(RequestChecks.encodingProblem("/articles?source=%00")).isEmpty();
    }

    @Test
    void failuresBelowOurCodeAreTheClientsWhenTheyComeFromDecoding() {
        assertThat(RequestChecks.statusOf(new IllegalArgumentException("bad escape"))).isEqualTo(400);
        assertThat(RequestChecks.statusOf(new io.vertx.core.VertxException("Multipart part is incomplete"))).isEqualTo(400);
        assertThat(RequestChecks.statusOf(new IllegalStateException("bug"))).isEqualTo(500);
    }
}
