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
}
