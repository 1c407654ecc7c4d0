package org.bulletinsearch.bench.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bulletinsearch.platform.client.JsonHttp;
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
    void aRescoredPageFoundTiedIsAskedByItsExactBodyBesideItsCountsBothFromTheRequestCache() throws Exception {
        QueryMix mix = QueryMix.standard("http://127.0.0.1:8083", "harbour-news.txt");

        for (QueryMix.Query query : mix.queries()) {
            boolean rescoredAlone = List.of("two words", "with source filter").contains(query.name());
            assertThat(query.engineExact() != null).as(query.name() + ": a rescored first page, not strict first")
                    .isEqualTo(rescoredAlone);
            if (!rescoredAlone) {
                assertThat(query.tied()).isSameAs(query);
                assertThat(query.tiesHide(answer(40, 0))).as(query.name()).isFalse();
                continue;
            }
            int fetched = JsonHttp.JSON.readTree(query.engineHits()).path("size").asInt();
            assertThat(query.tiesHide(answer(fetched, 5))).as("all but 5 hits tied at the answer's end").isTrue();
            assertThat(query.tiesHide(answer(fetched, fetched - 3))).as("3 hits tied at the answer's end").isFalse();

            QueryMix.Query tied = query.tied();
            String[] lines = new String(tied.engineMultiSearch(), StandardCharsets.UTF_8).split("\n");
            assertThat(lines).hasSize(4);
            assertThat(JsonHttp.JSON.readTree(lines[0]).path("request_cache").asBoolean()).as("exact page cached").isTrue();
            assertThat(JsonHttp.JSON.readTree(lines[1])).isEqualTo(JsonHttp.JSON.readTree(query.engineExact()));
            assertThat(JsonHttp.JSON.readTree(lines[1]).has("rescore")).isFalse();
            assertThat(JsonHttp.JSON.readTree(lines[2]).path("request_cache").asBoolean()).as("counts cached").isTrue();
            assertThat(JsonHttp.JSON.readTree(lines[3])).isEqualTo(JsonHttp.JSON.readTree(query.engineCounts()));
            assertThat(tied.engineHits()).isEqualTo(query.engineExact());
            assertThat(tied.countsAnswer()).isOne();
            assertThat(tied.tied()).isSameAs(tied);
        }
    }

    /** An {@code _msearch} answer whose first response has {@code hits} hits, the first {@code distinct} of them scoring apart, the rest tied. */
    private static JsonNode answer(int hits, int distinct) throws Exception {
        StringBuilder json = new StringBuilder("{\"responses\":[{\"hits\":{\"hits\":[");
        for (int i = 0; i < hits; i++) {
            double score = i < distinct ? 100 - i : 1;
            json.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT,
                    "{\"_id\":\"a%d\",\"_score\":%.1f,\"_source\":{\"id\":\"a%d\"}}", i, score, i));
        }
        return JsonHttp.JSON.readTree(json.append("]}}]}").toString());
    }
}
