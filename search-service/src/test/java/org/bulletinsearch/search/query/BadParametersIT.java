package org.bulletinsearch.search.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a client sends, the answer is results or a 400/404 problem+json: never a 500. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
class BadParametersIT {

    private static final String ID = "0123456789abcdef0123456789abcdef";

    static Stream<Arguments> refusedSearches() {
        String dateCursor = SearchCursor.after(SortOrder.DATE, false,
                new com.fasterxml.jackson.databind.node.ArrayNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance)
                        .add(1728289800000L).add(ID)).encode();
        String forged = Base64.getUrlEncoder().encodeToString(
                "{\"v\":1,\"s\":\"relevance\",\"f\":false,\"a\":{\"script\":\"boom\"}}".getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of(Map.of("size", "-1"), "size"),
                Arguments.of(Map.of("size", "101"), "size"),
                Arguments.of(Map.of("size", "1000000"), "size"),
                Arguments.of(Map.of("size", "ten"), "size"),
                Arguments.of(Map.of("sort", "popularity"), "sort"),
                Arguments.of(Map.of("q", "customs", "cursor", "%%%not-a-cursor%%%"), "cursor"),
                Arguments.of(Map.of("q", "customs", "cursor", "bm90IGpzb24"), "cursor"),
                Arguments.of(Map.of("q", "customs", "cursor", forged), "cursor"),
                Arguments.of(Map.of("q", "customs", "sort", "relevance", "cursor", dateCursor), "cursor"),
                Arguments.of(Map.of("from", "yesterday"), "from"),
                Arguments.of(Map.of("to", "2024-13-45"), "to"),
                Arguments.of(Map.of("from", "2024-11-01", "to", "2024-10-01"), "from"),
                Arguments.of(Map.of("q", "a".repeat(10_000)), "q"),
                Arguments.of(Map.of("q", "customs ".repeat(2_000)), "q"),
                Arguments.of(Map.of("q", String.join(" ", Collections.nCopies(65, "port"))), "q"),
                Arguments.of(Map.of("sourceName", "x".repeat(300)), "sourceName"),
                Arguments.of(Map.of("q", "\u0000\u0001"), "q"),
                Arguments.of(Map.of("sourceName", "a\u0000b"), "sourceName"),
                Arguments.of(Map.of("from", "0000-12-31"), "from"));
    }

    @ParameterizedTest
    @MethodSource("refusedSearches")
    void badSearchParametersAreA400Problem(Map<String, String> parameters, String parameter) {
        Response response = given().queryParams(parameters).get("/search");
        assertProblem(response, 400);
        assertThat(response.jsonPath().getString("parameter")).isEqualTo(parameter);
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "foo\\bar", "\\\\\\", "C:\\path\\to\\file", "\"unbalanced quote", "say \"hello", "((((", "))))", "(a OR", "-",
            "OR", "AND NOT", "a | | b", "~*+-|\"()\\", "*", "?", "a~2", "\"\" \"\"", "\"a\\\"b\"", "<script>alert(1)</script>",
            "Zürich 東京 🚢", "%00", "title:customs", "{\"query\":{\"match_all\":{}}}", "_exists_:body",
            "port* OR hab*", "-\"post clearance\" -(a OR b)", "NOT NOT customs"})
    void oddQueriesGiveSaneResults(String q) {
        Response response = given().queryParam("q", q).get("/search");
        assertThat(response.statusCode()).as("q=%s: %s", q, response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getLong("total")).isGreaterThanOrEqualTo(0);
        assertThat(response.jsonPath().getList("hits")).isNotNull();
    }

    @Test
    void aTypoTolerantCursorWithoutWordsStillPages() {
        String fuzzyCursor = SearchCursor.after(SortOrder.RELEVANCE, true,
                new com.fasterxml.jackson.databind.node.ArrayNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance)
                        .add(1.0).add(ID)).encode();
        for (String q : List.of("", "\"\" ()")) {
            Response response = given().queryParam("q", q).queryParam("sort", "relevance").queryParam("cursor", fuzzyCursor)
                    .get("/search");
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        }
    }

    @Test
    void aQueryLongerThanAnyUrlLimitIsA414Problem() {
        Response response = given().queryParam("q", "customs ".repeat(10_000)).get("/search");
        assertProblem(response, 414);
    }

    @Test
    void badSuggestParametersAreA400Problem() {
        assertProblem(given().queryParam("q", "x".repeat(300)).get("/search/suggest"), 400);
        assertProblem(given().queryParam("q", "bot").queryParam("size", "0").get("/search/suggest"), 400);
        assertProblem(given().queryParam("q", "bot").queryParam("size", "21").get("/search/suggest"), 400);
        for (String q : List.of("\\", "\"", "(", "*", "~", "a OR", "🚢")) {
            assertThat(given().queryParam("q", q).get("/search/suggest").statusCode()).as(q).isEqualTo(200);
        }
    }

    @Test
    void relatedNeedsAKnownWellFormedId() {
        assertProblem(given().get("/search/related/not-an-id"), 400);
        assertProblem(given().get("/search/related/" + ID.toUpperCase()), 400);
        assertProblem(given().get("/search/related/" + ID), 404);
        assertProblem(given().queryParam("size", "-3").get("/search/related/" + ID), 400);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("at org.");
    }
}
