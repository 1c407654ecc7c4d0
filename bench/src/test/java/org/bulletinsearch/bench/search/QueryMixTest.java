package org.bulletinsearch.bench.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bulletinsearch.platform.client.JsonHttp;
import org.bulletinsearch.search.query.PageBody;
import org.bulletinsearch.search.query.SearchQueryBuilder;
import org.junit.jupiter.api.Test;

/**
 * The search figure's queries, built on the benchmark's own classpath: it has the service's query builder but none
 * of its runtime (the engine's HTTP client), and a mix that needs that runtime stops the benchmark at the search phase.
 */
class QueryMixTest {

    @Test
    void eachQueryIsSentToTheEngineAsTheServiceSendsIt() throws Exception {
        QueryMix mix = QueryMix.standard("http://127.0.0.1:8083", "harbour-news.txt");

        assertThat(mix.queries()).hasSize(12);
        for (QueryMix.Query query : mix.queries()) {
            String[] lines = new String(query.engineMultiSearch(), StandardCharsets.UTF_8).split("\n");
            assertThat(query.namedScores()).as(query.name() + ": hits with their scores named, apart")
                    .isEqualTo(query.name().equals("by date"));
            if (query.namedScores()) {
                assertThat(lines).as("the counts alone").hasSize(2);
                assertThat(JsonHttp.JSON.readTree(lines[0]).path("request_cache").asBoolean()).as("counts cached").isTrue();
                assertThat(JsonHttp.JSON.readTree(lines[1])).isEqualTo(JsonHttp.JSON.readTree(query.engineCounts()));
                assertThat(JsonHttp.JSON.readTree(query.engineHits()).path("query").path("bool").path("_name").asText())
                        .isEqualTo(SearchQueryBuilder.SCORE);
                assertThat(query.countsAnswer()).isZero();
                continue;
            }
            assertThat(query.countsAnswer()).isOne();
            JsonNode hits = JsonHttp.JSON.readTree(lines[1]);
            // strict first, with the best score of each of its clauses: the rescored queries of three units or more
            boolean strictFirst = hits.path("query").path("bool").path("must").size() >= 3;
            assertThat(strictFirst).as(query.name() + ": strict first")
                    .isEqualTo(List.of("three words", "exclusion", "body words", "grouping").contains(query.name()));
            int clauses = (lines.length - 4) / 2;
            assertThat(lines).as(query.name()).hasSize(4 + 2 * clauses);
            assertThat(clauses).as(query.name() + ": best scores asked").isEqualTo(strictFirst ? clauses : 0);
            if (strictFirst) {
                assertThat(clauses).as(query.name() + ": one per unit at least").isGreaterThanOrEqualTo(3);
            }
            for (int i = 0; i < clauses; i++) {
                assertThat(JsonHttp.JSON.readTree(lines[5 + 2 * i]).path("size").asInt()).as("best of a clause").isOne();
                assertThat(JsonHttp.JSON.readTree(lines[4 + 2 * i]).path("request_cache").asBoolean())
                        .as("best of a clause cached").isTrue();
            }
            assertThat(JsonHttp.JSON.readTree(lines[0]).path("request_cache").asBoolean()).as("hits cached").isFalse();
            assertThat(JsonHttp.JSON.readTree(lines[2]).path("request_cache").asBoolean()).as("counts cached").isTrue();
            JsonNode counts = JsonHttp.JSON.readTree(lines[3]);
            assertThat(hits).isEqualTo(JsonHttp.JSON.readTree(query.engineHits()));
            assertThat(counts).isEqualTo(JsonHttp.JSON.readTree(query.engineCounts()));
            if (hits.has("rescore")) {
                assertThat(hits.path("size").asInt()).as("a rescored page asks room for ties at its end")
                        .isGreaterThan(QueryMix.PAGE_SIZE + 1);
            } else {
                assertThat(hits.path("size").asInt()).as("a page and one hit more, to know if a next page follows")
                        .isEqualTo(QueryMix.PAGE_SIZE + 1);
            }
            assertThat(hits.has("rescore")).as(query.name() + ": rescored as the service's first page by relevance")
                    .isEqualTo(List.of("two words", "three words", "exclusion", "body words", "with source filter",
                            "grouping").contains(query.name()));
            assertThat(counts.path("size").asInt()).isZero();
            assertThat(query.serviceUrl()).startsWith("http://127.0.0.1:8083/search?mode=keyword&size=10");
        }
    }

    @Test
    void aFirstPageItsFirstAnswerCannotTellIsAskedByTheBodyThatDoesBesideItsCountsBothFromTheRequestCache()
            throws Exception {
        QueryMix mix = QueryMix.standard("http://127.0.0.1:8083", "harbour-news.txt");

        for (QueryMix.Query query : mix.queries()) {
            boolean rescored = List.of("two words", "with source filter").contains(query.name());
            boolean strictFirst = List.of("three words", "exclusion", "body words", "grouping").contains(query.name());
            assertThat(query.firstPage() != null).as(query.name() + ": asked more cheaply than by its exact body")
                    .isEqualTo(rescored || strictFirst);
            if (query.firstPage() == null) {
                assertThat(query.pageBody(answer(40, 0, 0))).as(query.name()).isEqualTo(PageBody.FIRST);
                assertThat(query.askedBy(PageBody.FIRST)).isSameAs(query);
                continue;
            }
            assertThat(query.firstPage().strictFirst() != null).as(query.name() + ": strict first").isEqualTo(strictFirst);
            int fetched = JsonHttp.JSON.readTree(query.engineHits()).path("size").asInt();
            int clauses = strictFirst ? query.firstPage().strictFirst().bestOfClauses().size() : 0;
            assertThat(query.pageBody(answer(fetched, 5, clauses))).as("all but 5 hits tied at the answer's end")
                    .isEqualTo(PageBody.EXACT);
            assertThat(query.pageBody(answer(fetched, fetched - 3, clauses))).as("3 hits tied at the answer's end")
                    .isEqualTo(PageBody.FIRST);

            QueryMix.Query exact = query.askedBy(PageBody.EXACT);
            assertAskedWithCounts(exact, query, query.firstPage().exact());
            assertThat(JsonHttp.JSON.readTree(exact.engineHits()).has("rescore")).isFalse();
            assertThat(exact.firstPage()).isNull();
            assertThat(exact.pageBody(answer(fetched, 5, 0))).isEqualTo(PageBody.FIRST);
        }
    }

    @Test
    void aStrictFirstPageWhoseBoundFailsIsAskedByItsRescoredBodyAndThatMayTieToo() throws Exception {
        QueryMix.Query query = QueryMix.standard("http://127.0.0.1:8083", "harbour-news.txt").queries().stream()
                .filter(q -> q.name().equals("three words")).findFirst().orElseThrow();
        int fetched = JsonHttp.JSON.readTree(query.engineHits()).path("size").asInt();
        JsonNode boundAbovePage = answer(fetched, fetched, query.firstPage().strictFirst().bestOfClauses().size(), 1000);
        assertThat(query.pageBody(boundAbovePage)).as("a match lacking a word may outrank the page")
                .isEqualTo(PageBody.RESCORED);

        QueryMix.Query rescored = query.askedBy(PageBody.RESCORED);
        assertAskedWithCounts(rescored, query, query.firstPage().rescored());
        assertThat(JsonHttp.JSON.readTree(rescored.engineHits()).has("rescore")).isTrue();
        assertThat(rescored.firstPage().strictFirst()).as("rescored, no more strict first").isNull();
        assertThat(rescored.pageBody(answer(fetched, fetched - 3, 0))).isEqualTo(PageBody.FIRST);
        assertThat(rescored.pageBody(answer(fetched, 5, 0))).as("the rescored answer tied").isEqualTo(PageBody.EXACT);
        assertAskedWithCounts(rescored.askedBy(PageBody.EXACT), query, query.firstPage().exact());
    }

    /** {@code asked} sends {@code hits} and the counts of {@code query} in one {@code _msearch}, both cacheable. */
    private static void assertAskedWithCounts(QueryMix.Query asked, QueryMix.Query query, JsonNode body) throws Exception {
        JsonNode hits = JsonHttp.JSON.readTree(JsonHttp.JSON.writeValueAsBytes(body)); // numbers as JSON text reads them
        String[] lines = new String(asked.engineMultiSearch(), StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(4);
        assertThat(JsonHttp.JSON.readTree(lines[0]).path("request_cache").asBoolean()).as("page cached").isTrue();
        assertThat(JsonHttp.JSON.readTree(lines[1])).isEqualTo(hits);
        assertThat(JsonHttp.JSON.readTree(lines[2]).path("request_cache").asBoolean()).as("counts cached").isTrue();
        assertThat(JsonHttp.JSON.readTree(lines[3])).isEqualTo(JsonHttp.JSON.readTree(query.engineCounts()));
        assertThat(JsonHttp.JSON.readTree(asked.engineHits())).isEqualTo(hits);
        assertThat(asked.countsAnswer()).isOne();
    }

    private static JsonNode answer(int hits, int distinct, int clauses) throws Exception {
        return answer(hits, distinct, clauses, 1);
    }

    /**
     * An {@code _msearch} answer whose first response has {@code hits} hits, the first {@code distinct} of them scoring
     * apart, the rest tied at 50; then counts (500 matches, 120 of every unit) and {@code clauses} best scores of
     * {@code best} each.
     */
    private static JsonNode answer(int hits, int distinct, int clauses, double best) throws Exception {
        StringBuilder json = new StringBuilder("{\"responses\":[{\"hits\":{\"hits\":[");
        for (int i = 0; i < hits; i++) {
            double score = i < distinct ? 100 - i : 50;
            json.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT,
                    "{\"_id\":\"a%d\",\"_score\":%.1f,\"_source\":{\"id\":\"a%d\"}}", i, score, i));
        }
        json.append("]}},{\"hits\":{\"total\":{\"value\":500}},\"aggregations\":{\"strict\":{\"doc_count\":120}}}");
        for (int i = 0; i < clauses; i++) {
            json.append(String.format(java.util.Locale.ROOT, ",{\"hits\":{\"hits\":[{\"_score\":%.1f}]}}", best));
        }
        return JsonHttp.JSON.readTree(json.append("]}").toString());
    }
}
