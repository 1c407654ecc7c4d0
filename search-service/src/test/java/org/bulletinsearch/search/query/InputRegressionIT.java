package org.bulletinsearch.search.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bulletinsearch.search.support.SearchApi.ids;
import static org.bulletinsearch.search.support.SearchApi.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.TextForms;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.search.support.RelevanceFixtures;
import org.bulletinsearch.search.support.SearchApi;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.bulletinsearch.servicetesting.Problems;
import org.bulletinsearch.servicetesting.RawHttp;
import org.bulletinsearch.servicetesting.RawHttp.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rows of issue 13's table that concern the search service, each as the request that failed then. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
class InputRegressionIT {

    /** Composed (NFC) as events carry it. */
    private static final String ZURICH_TITLE = "Customs Union Talks Resume in Z\u00fcrich";
    private static final String HIDDEN_TITLE = "Zoll\u00ADverwaltung Extends Ware\u200Bhouse Hours";
    private static final String HIDDEN_BODY = "Officers of the Zoll\u00ADverwaltung now open the bonded ware\u00ADhouse"
            + "\u200B at dawn, the re\u200Bgional office said.";
    private static String upload;
    private static String zurich;
    private static String hidden;

    @TestHTTPResource("/")
    URI server;

    @BeforeEach
    void publishArticles() {
        synchronized (InputRegressionIT.class) {
            if (upload == null) {
                String uploadId = "regression-" + UUID.randomUUID();
                Instant at = Instant.parse("2024-12-04T10:00:00Z");
                List<ArticleEvent> events = List.of(
                        ArticleEvent.of(ZURICH_TITLE, "Delegations met in Z\u00fcrich to resume the customs union talks.",
                                "regression.txt", uploadId, 1, at),
                        ArticleEvent.of(HIDDEN_TITLE, HIDDEN_BODY, "regression.txt", uploadId, 2, at));
                ArticlesTopic.publish(events);
                SearchApi.awaitIndexed(uploadId, 2);
                zurich = events.get(0).articleId();
                hidden = events.get(1).articleId();
                upload = uploadId;
            }
        }
    }

    private static List<String> found(String q) {
        return ids(search("q", q, "uploadId", upload, "size", 10));
    }

    private static List<String> suggestions(String prefix) {
        return given().queryParam("q", prefix).queryParam("size", 20).get("/search/suggest").then().statusCode(200)
                .extract().jsonPath().getList("suggestions.title", String.class);
    }

    /** A problem of the vocabulary, with a {@code detail} for the person who sent the request. */
    private static JsonNode assertProblem(Answer answer, int status, String slug) {
        JsonNode problem = Problems.assertProblem(answer, status, slug);
        assertThat(problem.path("detail").asText()).as("detail of %s", answer).isNotBlank();
        return problem;
    }

    @Test
    void toFarInTheFutureIs400NamingTheParameter() {
        for (String target : List.of("/search?to=+999999999-12-31", "/search?to=%2B999999999-12-31")) {
            assertThat(assertProblem(RawHttp.get(server.getPort(), target), 400, "invalid-parameter")
                    .path("parameter").asText()).isEqualTo("to");
        }
    }

    @Test
    void aFortyThousandCharacterUrlIs414Problem() {
        Answer answer = RawHttp.get(server.getPort(), "/search?q=" + "a".repeat(40_000));
        assertThat(assertProblem(answer, 414, "uri-too-long").path("limit").asInt()).isEqualTo(32_768);
        // while a long query within the limit still reaches the API (and its own 1,000-character cap)
        assertProblem(RawHttp.get(server.getPort(), "/search?q=" + "a".repeat(30_000)), 400, "invalid-parameter");
    }

    @Test
    void aThirtyKilobyteHeaderIs431Problem() {
        Answer answer = RawHttp.get(server.getPort(), "/search?q=customs", "X-Filler: " + "x".repeat(30 * 1024));
        assertProblem(answer, 431, "headers-too-large");
    }

    @Test
    void brokenPercentEncodingIs400Problem() {
        assertProblem(RawHttp.get(server.getPort(), "/search?q=%E0%A4%A"), 400, "malformed-request");
        assertProblem(RawHttp.get(server.getPort(), "/search/suggest?q=%E0%A4"), 400, "malformed-request");
    }

    @Test
    void whatTheHttpCodecRefusesIsAProblemToo() {
        assertProblem(RawHttp.get(server.getPort(), "/search?q=fiji iceland"), 400, "malformed-request");
        assertProblem(RawHttp.get(server.getPort(), "/search?q=fiji", "X-Trace: a\u0007b"), 400, "malformed-request");
        assertProblem(RawHttp.get(server.getPort(), "/search?q=" + "x".repeat(300_000)), 414, "uri-too-long");
        assertProblem(RawHttp.get(server.getPort(), "/search?q=fiji", "X-Filler: " + "x".repeat(300_000)), 431,
                "headers-too-large");
    }

    @Test
    void anUnencodedPipeOrQuoteIs400Problem() {
        assertProblem(RawHttp.get(server.getPort(), "/search?q=fiji|iceland"), 400, "malformed-request");
        assertProblem(RawHttp.get(server.getPort(), "/search?q=\"risk+management\""), 400, "malformed-request");
        // encoded, both are the query syntax
        assertThat(RawHttp.get(server.getPort(), "/search?q=fiji%7Ciceland").status()).isEqualTo(200);
        assertThat(RawHttp.get(server.getPort(), "/search?q=%22risk+management%22").status()).isEqualTo(200);
    }

    @Test
    void composedTextIsFoundByADecomposedPhraseAndSuggestPrefix() {
        assertThat(found("\"in Zu\u0308rich\"")).containsExactly(zurich);
        assertThat(found("\"in Z\u00fcrich\"")).containsExactly(zurich);
        assertThat(suggestions("Customs Union Talks Resume in Zu\u0308r")).contains(ZURICH_TITLE);
        assertThat(suggestions("Zu\u0308rich")).contains(ZURICH_TITLE);
    }

    @Test
    void aSoftHyphenOrZeroWidthSpaceInsideAWordDoesNotHideIt() {
        assertThat(found("\"the Zollverwaltung now open\"")).containsExactly(hidden);
        assertThat(found("\"bonded warehouse at dawn\"")).containsExactly(hidden);
        assertThat(found("\"regional office\"")).containsExactly(hidden);
        assertThat(found("Zollverwaltung warehouse regional")).containsExactly(hidden);
        assertThat(suggestions("Zollverw")).contains(HIDDEN_TITLE);
        assertThat(suggestions("Zollverwaltung extends wareh")).contains(HIDDEN_TITLE);
        // typed with the invisible characters, the same
        assertThat(found("\"Zoll\u00ADverwaltung now\"")).containsExactly(hidden);
    }

    @Test
    void aPhraseMatchingTheTitleIsHighlightedInTheTitle() {
        RelevanceFixtures fixtures = RelevanceFixtures.published();
        JsonPath phrase = search("q", "\"single window\"", "uploadId", fixtures.uploads());
        assertThat(ids(phrase)).containsExactly(fixtures.id("Botswana Pilots"));
        assertThat(phrase.getString("hits[0].titleHighlight")).contains("<em>Single</em>").contains("<em>Window</em>");
        assertThat(phrase.getString("hits[0].snippet")).contains("<em>single</em>");
        // words and a phrase: both marked
        JsonPath mixed = search("q", "botswana \"single window\"", "uploadId", fixtures.uploads());
        assertThat(mixed.getString("hits[0].titleHighlight")).contains("<em>Botswana</em>").contains("<em>Single</em>");
    }

    @Test
    void aSnippetNeverEndsInsideACharacter() {
        // A body whose start (the snippet when only the title matches) is cut near characters made of
        // several code units: a flag, a family emoji, a combining accent.
        String body = "Flags " + "\uD83C\uDDEB\uD83C\uDDEF ".repeat(30) + "and e\u0301 families "
                + "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 ".repeat(40) + "end.";
        String uploadId = "snippet-" + UUID.randomUUID();
        ArticleEvent event = ArticleEvent.of("Snippet Boundary Check " + uploadId, body, "snippet.txt", uploadId, 1,
                Instant.parse("2024-12-04T10:00:00Z"));
        ArticlesTopic.publish(List.of(event));
        SearchApi.awaitIndexed(uploadId, 1);
        String snippet = search("q", "\"Snippet Boundary Check\"", "uploadId", uploadId).getString("hits[0].snippet");
        assertThat(snippet).isNotEmpty();
        assertThat(event.body()).startsWith(snippet);
        assertThat(TextForms.truncate(event.body(), snippet.length())).isEqualTo(snippet);
    }
}
