package org.bulletinsearch.search.query;

import org.bulletinsearch.search.engine.SearchEngine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.vocabulary.SearchVocabulary;
import org.junit.jupiter.api.Test;

class SearchQueryBuilderTest {

    private static final String ID = "0123456789abcdef0123456789abcdef";
    private final SearchQueryBuilder builder = new SearchQueryBuilder(20);

    private static SearchCriteria criteria(String q, List<String> sources, List<String> uploads, Instant from, Instant to,
            SortOrder sort, SearchCursor cursor) {
        return new SearchCriteria(q == null ? null : UserQuery.parse(q), sources, uploads, from, to, sort, 10, cursor);
    }

    private static SearchCriteria query(String q) {
        return criteria(q, List.of(), List.of(), null, null, SortOrder.RELEVANCE, null);
    }

    /** The clauses of the matching part of a ranked query, one per unit. */
    private static JsonNode units(JsonNode body) {
        return body.path("query").path("bool").path("must").get(0).path("bool").path("should");
    }

    @Test
    void textQueryIsSimpleQueryStringOnWeightedTitleAndBodyWithAnd() {
        JsonNode body = builder.search(query("customs \"risk management\" -coffee"), false);
        JsonNode units = units(body);
        assertThat(units).hasSize(2);
        JsonNode simple = units.get(0).path("simple_query_string");
        assertThat(simple.path("query").asText()).isEqualTo("customs");
        assertThat(simple.path("fields").toString()).isEqualTo("[\"title^3\",\"body\"]");
        assertThat(simple.path("default_operator").asText()).isEqualTo("and");
        assertThat(simple.path("flags").asText()).isEqualTo("OR|NOT|PHRASE|PRECEDENCE|WHITESPACE|ESCAPE|PREFIX");
        assertThat(simple.has("fuzzy_max_expansions")).isFalse();
        assertThat(units.get(1).path("simple_query_string").path("query").asText()).isEqualTo("\"risk management\"");
        assertThat(body.path("query").path("bool").path("must_not").get(0).path("simple_query_string").path("query")
                .asText()).isEqualTo("coffee");
        // nothing else can carry user input into the engine
        assertThat(body.toString()).doesNotContain("\"query_string\"").doesNotContain("\"script");
    }

    @Test
    void fuzzyVariantLoosensWordsAndEnablesOnlyTheFuzzyFlag() {
        JsonNode simple = units(builder.search(query("Madagaskar"), true)).get(0).path("simple_query_string");
        assertThat(simple.path("query").asText()).isEqualTo("Madagaskar~2");
        assertThat(simple.path("flags").asText()).endsWith("|FUZZY");
        assertThat(simple.path("fuzzy_max_expansions").asInt()).isEqualTo(SearchQueryBuilder.FUZZY_MAX_EXPANSIONS);
    }

    @Test
    void entityFiltersArePostFiltersOrWithinAndAcrossAndTheirFacetsIgnoreTheirOwn() {
        SearchCriteria criteria = new SearchCriteria(UserQuery.parse("audit"), List.of(), List.of(), null, null,
                SortOrder.RELEVANCE, 10, null, Map.of(EntityFacet.COUNTRY, List.of("Kenya", "Uganda"),
                        EntityFacet.PROGRAMME, List.of("Post-Clearance Audit (PCA)")));
        JsonNode body = builder.search(criteria, false);
        JsonNode filters = body.path("post_filter").path("bool").path("filter");
        assertThat(filters.toString()).contains("{\"terms\":{\"country\":[\"Kenya\",\"Uganda\"]}}")
                .contains("{\"terms\":{\"programme\":[\"Post-Clearance Audit (PCA)\"]}}");
        JsonNode aggs = body.path("aggs");
        assertThat(aggs.path("country").path("filter").toString()).contains("programme").doesNotContain("Kenya");
        assertThat(aggs.path("programme").path("filter").toString()).contains("Kenya").doesNotContain("PCA");
        assertThat(aggs.path("region").path("filter").toString()).contains("Kenya").contains("PCA");
        for (String facet : List.of("country", "region", "organization", "programme", "year")) {
            assertThat(aggs.path(facet).path("aggs").path("values").path("terms").path("field").asText()).isEqualTo(facet);
        }
    }

    @Test
    void browsingMatchesAllAndAnEmptyQueryMatchesNothing() {
        assertThat(builder.search(query(null), false).path("query").has("match_all")).isTrue();
        assertThat(builder.search(query("\"\" ()"), false).path("query").has("match_none")).isTrue();
    }

    @Test
    void filtersArePostFiltersAndEachFacetIgnoresItsOwnFilter() {
        Instant from = Instant.parse("2024-10-01T00:00:00Z");
        JsonNode body = builder.search(criteria("customs", List.of("a.txt", "b.txt"), List.of("u1"), from, null,
                SortOrder.RELEVANCE, null), false);

        JsonNode filters = body.path("post_filter").path("bool").path("filter");
        assertThat(filters).hasSize(3);
        assertThat(filters.get(0).path("terms").path("sourceName").toString()).isEqualTo("[\"a.txt\",\"b.txt\"]");
        assertThat(filters.get(1).path("terms").path("uploadId").toString()).isEqualTo("[\"u1\"]");
        assertThat(filters.get(2).path("range").path("ingestedAt").path("gte").asText()).isEqualTo("2024-10-01T00:00:00Z");
        assertThat(filters.get(2).path("range").path("ingestedAt").has("lte")).isFalse();

        JsonNode aggs = body.path("aggs");
        String sourceFacetFilter = aggs.path("sourceName").path("filter").toString();
        assertThat(sourceFacetFilter).contains("uploadId").contains("ingestedAt").doesNotContain("sourceName");
        assertThat(aggs.path("sourceName").path("aggs").path("values").path("terms").path("field").asText())
                .isEqualTo("sourceName");
        String uploadFacetFilter = aggs.path("uploadId").path("filter").toString();
        assertThat(uploadFacetFilter).contains("sourceName").contains("ingestedAt").doesNotContain("uploadId");
        String timeFacetFilter = aggs.path("ingestedAt").path("filter").toString();
        assertThat(timeFacetFilter).contains("sourceName").contains("uploadId").doesNotContain("ingestedAt");
        assertThat(aggs.path("ingestedAt").path("aggs").path("values").has("auto_date_histogram")).isTrue();
        // the main query is not filtered, so facets see the other values
        assertThat(body.path("query").toString()).doesNotContain("a.txt");
    }

    @Test
    void withoutFiltersThereIsNoPostFilterAndFacetsCountEverything() {
        JsonNode body = builder.search(query("customs"), false);
        assertThat(body.has("post_filter")).isFalse();
        assertThat(body.path("aggs").path("sourceName").path("filter").has("match_all")).isTrue();
    }

    @Test
    void sortsEndWithTheIdTieBreakAndAskForOneExtraHit() {
        JsonNode relevance = builder.search(query("customs"), false);
        assertThat(relevance.path("sort").toString()).isEqualTo("[{\"_score\":\"desc\"},{\"id\":{\"order\":\"asc\"}}]");
        assertThat(relevance.path("size").asInt()).isEqualTo(11);
        assertThat(relevance.path("track_total_hits").asBoolean()).isTrue();

        JsonNode date = builder.search(criteria("customs", List.of(), List.of(), null, null, SortOrder.DATE, null), false);
        assertThat(date.path("sort").toString())
                .isEqualTo("[{\"ingestedAt\":{\"order\":\"desc\"}},{\"id\":{\"order\":\"asc\"}}]");
        assertThat(date.has("track_scores")).as("scores apart: the engine may skip older matches").isFalse();
        assertThat(SearchQueryBuilder.scoresApart(SearchQueryBuilder.hitsOnly((ObjectNode) date, 11))).isTrue();
        assertThat(SearchQueryBuilder.scoresApart(SearchQueryBuilder.hitsOnly(builder.search(
                criteria(null, List.of(), List.of(), null, null, SortOrder.DATE, null), false), 11)))
                .as("browsing has no scores to show").isFalse();
        assertThat(SearchQueryBuilder.scoresApart(SearchQueryBuilder.hitsOnly((ObjectNode) relevance, 11))).isFalse();
    }

    @Test
    void thePagesScoresInDateOrderAreAskedForItsHitsOnly() {
        ObjectNode date = builder.search(criteria("customs", List.of("a.txt"), List.of(), null, null, SortOrder.DATE,
                null), false);
        JsonNode scores = SearchQueryBuilder.scores(date, List.of(ID));
        assertThat(scores.has("sort")).as("by relevance, so that each hit has its score").isFalse();
        JsonNode query = scores.path("query").path("bool");
        assertThat(query.path("must")).as("the query").isEqualTo(date.path("query").path("bool").path("must"));
        assertThat(query.path("should")).as("with its boosts").isEqualTo(date.path("query").path("bool").path("should"));
        assertThat(query.path("filter")).as("its filters, then the page's hits").hasSize(2);
        assertThat(query.path("filter").get(0)).isEqualTo(date.path("post_filter"));
        assertThat(query.path("filter").get(1).path("ids").path("values").toString()).isEqualTo("[\"" + ID + "\"]");
        assertThat(scores.path("size").asInt()).isEqualTo(1);
        for (String dropped : List.of("aggs", "highlight", "search_after")) {
            assertThat(scores.has(dropped)).as(dropped).isFalse();
        }
    }

    @Test
    void aDatePageCanAskItsScoresAlongAsTheWholeQueryNamed() {
        ObjectNode hits = SearchQueryBuilder.hitsOnly(builder.search(criteria("customs", List.of("a.txt"), List.of(),
                null, null, SortOrder.DATE, null), false), 11);
        String before = hits.toString();

        ObjectNode named = SearchQueryBuilder.withNamedScore(hits);

        assertThat(hits.toString()).as("not changed").isEqualTo(before);
        JsonNode bool = named.path("query").path("bool");
        assertThat(bool.path("_name").asText()).isEqualTo(SearchQueryBuilder.SCORE);
        assertThat(bool.path("must")).as("the page's query, filters included, as its only clause")
                .containsExactly(hits.path("query"));
        assertThat(bool.size()).isEqualTo(2);
        named.remove("query");
        ObjectNode rest = hits.deepCopy();
        rest.remove("query");
        assertThat(named).as("order, size, sources and highlights as the page asks them").isEqualTo(rest);
    }

    @Test
    void hitsOnlyKeepsQueryFiltersOrderCursorAndHighlightsWithoutCountingAgain() throws Exception {
        JsonNode after = JsonMapper.builder().build().readTree("[2.5, \"" + ID + "\"]");
        ObjectNode page = builder.search(criteria("customs authority", List.of("a.txt"), List.of(), null, null,
                SortOrder.RELEVANCE, SearchCursor.after(SortOrder.RELEVANCE, false, after)), false);
        String before = page.toString();
        JsonNode more = SearchQueryBuilder.hitsOnly(page, 31);
        assertThat(page.toString()).as("the page's body is left as it was").isEqualTo(before);
        assertThat(more.path("size").asInt()).isEqualTo(31);
        assertThat(more.has("aggs")).isFalse();
        assertThat(more.path("track_total_hits").asBoolean(true)).isFalse();
        for (String kept : List.of("sort", "search_after", "highlight", "_source")) {
            assertThat(more.path(kept)).as(kept).isEqualTo(page.path(kept));
        }
        assertThat(more.has("post_filter")).as("without facets the filters join the query").isFalse();
        JsonNode bool = more.path("query").path("bool");
        assertThat(bool.path("must")).as("the text query, as scored").isEqualTo(page.path("query").path("bool").path("must"));
        assertThat(bool.path("should")).as("its boosts").isEqualTo(page.path("query").path("bool").path("should"));
        assertThat(bool.path("filter")).as("the filters, not scoring").containsExactly(page.path("post_filter"));
    }

    @Test
    void hitsOnlyWrapsAQueryOtherThanABoolToFilterIt() {
        ObjectNode browse = builder.search(criteria(null, List.of("a.txt"), List.of(), null, null, SortOrder.DATE, null), false);
        JsonNode bool = SearchQueryBuilder.hitsOnly(browse, 11).path("query").path("bool");
        assertThat(bool.path("must")).containsExactly(browse.path("query"));
        assertThat(bool.path("filter")).containsExactly(browse.path("post_filter"));
        assertThat(SearchQueryBuilder.scoresApart(SearchQueryBuilder.hitsOnly(browse, 11)))
                .as("browsing one source has no scores to show").isFalse();
        ObjectNode unfiltered = builder.search(query("customs"), false);
        assertThat(SearchQueryBuilder.hitsOnly(unfiltered, 11).path("query")).isEqualTo(unfiltered.path("query"));
    }

    @Test
    void theFirstPageByRelevanceGivesTheBoostsOnlyToTheBestMatchesInARescore() {
        ObjectNode exact = SearchQueryBuilder.hitsOnly(builder.search(criteria("revenue rose percent", List.of("a.txt"),
                List.of(), null, null, SortOrder.RELEVANCE, null), false), 11);
        String before = exact.toString();
        ObjectNode rescored = builder.rescored(exact).orElseThrow();
        assertThat(exact.toString()).as("the exact body is left as it was").isEqualTo(before);

        JsonNode boosts = exact.path("query").path("bool").path("should");
        assertThat(boosts).as("every word again, the phrase, the words near each other").hasSize(3);
        assertThat(rescored.path("query").path("bool").has("should")).isFalse();
        assertThat(rescored.path("query").path("bool").path("must")).isEqualTo(exact.path("query").path("bool").path("must"));
        JsonNode rescore = rescored.path("rescore");
        assertThat(rescore.path("window_size").asInt()).isEqualTo(SearchQueryBuilder.DEFAULT_RESCORE_WINDOW);
        assertThat(rescore.path("query").path("rescore_query").path("bool").path("should")).isEqualTo(boosts);
        assertThat(rescore.path("query").has("score_mode")).as("the scores add up, as the query's clauses do")
                .isFalse();
        assertThat(rescored.has("sort")).as("the engine refuses a sort beside a rescore").isFalse();
        assertThat(rescored.path("size").asInt()).isEqualTo(11 + RescoredPage.TIE_ROOM);
        assertThat(rescored.path("highlight").path("highlight_query")).isEqualTo(exact.path("query"));
        for (String kept : List.of("_source", "track_total_hits")) {
            assertThat(rescored.path(kept)).as(kept).isEqualTo(exact.path(kept));
        }
    }

    @Test
    void aFirstPageOfAQueryThatRelaxesRanksOnlyTheMatchesOfEveryUnitAndAsksEachClausesBestScore() {
        SearchCriteria criteria = criteria("revenue rose percent", List.of("a.txt"), List.of(), null, null,
                SortOrder.RELEVANCE, null);
        ObjectNode exact = SearchQueryBuilder.hitsOnly(builder.search(criteria, false), 11);
        ObjectNode rescored = builder.rescored(exact).orElseThrow();
        SearchQueryBuilder.StrictFirst first = builder.strictFirst(criteria, exact).orElseThrow();

        JsonNode bool = first.body().path("query").path("bool");
        assertThat(bool.path("must")).as("scored by the units as a conjunction: on the matches of every unit, the"
                + " matching query's scores").containsExactlyElementsOf(units(exact));
        assertThat(bool.path("filter")).as("the source only: the must clauses already require every word, a strict"
                + " filter would walk their postings again").containsExactlyElementsOf(
                        rescored.path("query").path("bool").path("filter"));
        for (String kept : List.of("rescore", "size", "highlight", "_source")) {
            assertThat(first.body().path(kept)).as(kept).isEqualTo(rescored.path(kept));
        }
        assertThat(first.bound().lacking()).containsOnly(ScoreBound.Lacking.WORD);
        assertThat(first.bestOfClauses()).as("plain words only: no boost can reach a match lacking one").hasSize(3);
        for (int i = 0; i < 3; i++) {
            ObjectNode best = first.bestOfClauses().get(i);
            assertThat(best.path("query")).isEqualTo(units(exact).get(i));
            assertThat(best.path("size").asInt()).isOne();
            assertIdsOnly(best);
            assertThat(best.path("track_total_hits").asBoolean(true)).isFalse();
        }
    }

    @Test
    void aStrictFirstPageKeepsTheExclusionsAndFiltersOnTheStrictFormOfAUnitThatRelaxes() {
        SearchCriteria excluding = query("trusted trader permits -estonia");
        ObjectNode exact = SearchQueryBuilder.hitsOnly(builder.search(excluding, false), 11);
        JsonNode bool = builder.strictFirst(excluding, exact).orElseThrow().body().path("query").path("bool");
        assertThat(bool.path("must_not")).as("the excluded word").hasSize(1)
                .isEqualTo(exact.path("query").path("bool").path("must_not"));
        assertThat(bool.has("filter")).as("every unit is a single word").isFalse();

        // "remote learning" is one unit, matched by either word, strictly by both
        SearchCriteria term = query("remote learning for customs officers");
        ObjectNode termExact = SearchQueryBuilder.hitsOnly(builder.search(term, false), 11);
        JsonNode termBool = builder.strictFirst(term, termExact).orElseThrow().body().path("query").path("bool");
        JsonNode strict = termBool.path("filter").path(0).path("bool").path("filter");
        assertThat(strict).as("the term with both its words, then the other words, without scoring").hasSize(3);
        assertThat(strict.get(0).toString()).contains("\"query\":\"remote learning\"");
        assertThat(strict.get(0)).isNotEqualTo(termBool.path("must").get(0));
    }

    @Test
    void aClauseUnitAddsTheBoostsToTheClausesWhoseBestScoreIsAsked() {
        SearchCriteria criteria = query("(ghana OR senegal) transit guarantees");
        ObjectNode exact = SearchQueryBuilder.hitsOnly(builder.search(criteria, false), 11);
        SearchQueryBuilder.StrictFirst first = builder.strictFirst(criteria, exact).orElseThrow();
        assertThat(first.bound().lacking()).containsExactly(ScoreBound.Lacking.CLAUSE, ScoreBound.Lacking.WORD,
                ScoreBound.Lacking.WORD);
        assertThat(first.bestOfClauses()).as("three units, the phrase, the words near each other").hasSize(5);
        assertThat(first.bestOfClauses().get(3).path("query").path("multi_match").path("type").asText()).isEqualTo("phrase");
    }

    @Test
    void aStrictFirstAnswerTellsItsPageOrNamesTheBodyThatDoes() throws Exception {
        SearchCriteria criteria = query("inspection schedules kenya");
        ObjectNode exact = SearchQueryBuilder.hitsOnly(builder.search(criteria, false), 11);
        SearchQueryBuilder.StrictFirst first = builder.strictFirst(criteria, exact).orElseThrow();
        int fetched = first.body().path("size").asInt();
        JsonNode apart = answer(fetched, fetched);
        JsonNode tied = answer(fetched, 3);
        JsonNode someLeftOut = counts(500, 120);
        JsonNode noneLeftOut = counts(120, 120);
        // three plain words: a match lacking one scores at most the sum of the other two words' best scores
        List<JsonNode> low = best(2, 2, 2);
        List<JsonNode> high = best(50, 50, 50);

        assertThat(first.pageBody(apart, someLeftOut, low, 11)).as("every hit above the bound of 4")
                .isEqualTo(PageBody.FIRST);
        assertThat(first.pageBody(apart, someLeftOut, high, 11)).as("page 1 ends at 90, a match lacking a word"
                + " may reach 100: the rescored body tells the page").isEqualTo(PageBody.RESCORED);
        assertThat(first.pageBody(apart, someLeftOut, best(30, 45, 50), 11)).as("lacking \"inspection\" may reach 95")
                .isEqualTo(PageBody.RESCORED);
        assertThat(first.pageBody(apart, someLeftOut, best(45, 40, 2), 11)).as("lacking \"kenya\", at most 85")
                .isEqualTo(PageBody.FIRST);
        assertThat(first.pageBody(apart, noneLeftOut, high, 11)).as("every match has every word")
                .isEqualTo(PageBody.FIRST);
        assertThat(first.pageBody(tied, someLeftOut, low, 11)).as("ties at the end reach into the page, above the bound")
                .isEqualTo(PageBody.EXACT);
        assertThat(first.pageBody(tied, noneLeftOut, high, 11)).isEqualTo(PageBody.EXACT);
        assertThat(first.pageBody(tied, someLeftOut, high, 11)).as("tied hits under the bound")
                .isEqualTo(PageBody.RESCORED);
        assertThat(first.pageBody(answer(7, 7), someLeftOut, low, 11)).as("fewer matches of every word than the page")
                .isEqualTo(PageBody.RESCORED);
        assertThat(first.pageBody(answer(7, 7), noneLeftOut, high, 11)).as("fewer matches than the page, all of them")
                .isEqualTo(PageBody.FIRST);
        SearchQueryBuilder.StrictFirst.Told told = first.told(apart, someLeftOut, low, 11);
        assertThat(told.page().path("hits").path("hits")).as("the page in the exact order, told by the first answer")
                .hasSize(11);
        assertThat(told.page().path("hits").path("hits").path(10).path("_score").asDouble()).isEqualTo(90);
        assertThat(first.told(apart, someLeftOut, high, 11).page()).as("another body tells the page").isNull();
    }

    @Test
    void aTitleFirstAnswerTellsItsPageOnlyAboveTheBestArticleWithoutAQueryWordInTheTitle() throws Exception {
        SearchCriteria criteria = query("inspection schedules kenya");
        ObjectNode exact = SearchQueryBuilder.hitsOnly(builder.search(criteria, false), 11);
        SearchQueryBuilder.StrictFirst first = builder.strictFirst(criteria, exact).orElseThrow().titleFirst();
        int fetched = first.body().path("size").asInt();
        JsonNode apart = answer(fetched, fetched);
        JsonNode someLeftOut = counts(500, 120);
        JsonNode noneLeftOut = counts(120, 120);
        JsonNode noTitleFree = JsonMapper.builder().build().readTree("{\"hits\":{\"hits\":[]}}");
        List<JsonNode> low = best(2, 2, 2, 5);
        List<JsonNode> titleFreeHigh = best(2, 2, 2, 95);

        assertThat(first.pageBody(apart, someLeftOut, low, 11)).as("page 1 ends at 90, above 4 and 5")
                .isEqualTo(PageBody.FIRST);
        assertThat(first.pageBody(apart, someLeftOut, titleFreeHigh, 11)).as("an article with no query word in its"
                + " title may reach 95").isEqualTo(PageBody.RESCORED);
        assertThat(first.pageBody(apart, noneLeftOut, titleFreeHigh, 11)).as("every match has every word, but not"
                + " every one a word in the title").isEqualTo(PageBody.RESCORED);
        assertThat(first.pageBody(answer(7, 7), noneLeftOut, low, 11)).as("fewer matches with a word in the title"
                + " than the page").isEqualTo(PageBody.RESCORED);
        List<JsonNode> noneWithoutTitle = new ArrayList<>(best(2, 2, 2));
        noneWithoutTitle.add(noTitleFree);
        assertThat(first.pageBody(answer(7, 7), noneLeftOut, noneWithoutTitle, 11)).as("fewer matches than the page,"
                + " and every one has every word and a word in the title").isEqualTo(PageBody.FIRST);
        assertThat(first.pageBody(answer(fetched, 3), someLeftOut, titleFreeHigh, 11)).as("tied hits under the bound")
                .isEqualTo(PageBody.RESCORED);
        assertThat(first.pageBody(answer(fetched, 3), someLeftOut, low, 11)).isEqualTo(PageBody.EXACT);
        assertThat(first.boundFrom(low)).as("the bound of the matches lacking a word reads the first three")
                .isEqualTo(4 * (1 + ScoreBound.ROUNDING), org.assertj.core.data.Offset.offset(1e-9));
    }

    /** An answer of {@code hits} hits scoring 100, 99, ...; those from {@code distinct} on all score 10. */
    private static JsonNode answer(int hits, int distinct) throws Exception {
        StringBuilder json = new StringBuilder("{\"hits\":{\"hits\":[");
        for (int i = 0; i < hits; i++) {
            json.append(i == 0 ? "" : ",").append("{\"_id\":\"a").append(i).append("\",\"_score\":")
                    .append(i < distinct ? 100 - i : 10).append('}');
        }
        return JsonMapper.builder().build().readTree(json.append("]}}").toString());
    }

    private static JsonNode counts(long total, long strict) throws Exception {
        return JsonMapper.builder().build().readTree("{\"hits\":{\"total\":{\"value\":" + total
                + "}},\"aggregations\":{\"strict\":{\"doc_count\":" + strict + "}}}");
    }

    private static List<JsonNode> best(float... scores) throws Exception {
        List<JsonNode> answers = new ArrayList<>();
        for (float score : scores) {
            answers.add(JsonMapper.builder().build().readTree("{\"hits\":{\"hits\":[{\"_score\":" + score + "}]}}"));
        }
        return answers;
    }

    @Test
    void queriesThatDoNotRelaxOrHaveTwoUnitsAndPagesAskedExactlyAreNotAskedStrictFirst() {
        for (String q : List.of("customs", "\"risk management\"", "customs authority")) {
            ObjectNode exact = SearchQueryBuilder.hitsOnly(builder.search(query(q), false), 11);
            assertThat(builder.strictFirst(query(q), exact)).as(q).isEmpty();
        }
        SearchCriteria byDate = criteria("revenue rose percent", List.of(), List.of(), null, null, SortOrder.DATE, null);
        assertThat(builder.strictFirst(byDate, SearchQueryBuilder.hitsOnly(builder.search(byDate, false), 11))).isEmpty();
    }

    @Test
    void aWindowSmallerThanThePageStillCoversThePage() {
        SearchQueryBuilder small = new SearchQueryBuilder(20, 5, SearchVocabulary::builtIn, EntityValues.shared());
        ObjectNode exact = SearchQueryBuilder.hitsOnly(small.search(query("revenue rose percent"), false), 51);
        assertThat(small.rescored(exact).orElseThrow().path("rescore").path("window_size").asInt())
                .isEqualTo(51 + RescoredPage.TIE_ROOM);
    }

    @Test
    void laterPagesDateOrderAndQueriesWithoutBoostsAreAskedExactly() throws Exception {
        JsonNode after = JsonMapper.builder().build().readTree("[2.5, \"" + ID + "\"]");
        List<SearchCriteria> exactOnly = List.of(
                criteria("revenue rose percent", List.of(), List.of(), null, null, SortOrder.RELEVANCE,
                        SearchCursor.after(SortOrder.RELEVANCE, false, after)),
                criteria("revenue rose percent", List.of(), List.of(), null, null, SortOrder.DATE, null),
                query("customs"),
                query("-coffee"),
                criteria(null, List.of(), List.of(), null, null, SortOrder.DATE, null));
        for (SearchCriteria criteria : exactOnly) {
            ObjectNode exact = SearchQueryBuilder.hitsOnly(builder.search(criteria, false), 11);
            assertThat(builder.rescored(exact)).as(exact.toString()).isEmpty();
        }
    }

    @Test
    void everyPageOfAQueryCountsWithTheSameBodySoTheEngineCacheAnswersAllButTheFirst() throws Exception {
        JsonNode after = JsonMapper.builder().build().readTree("[2.5, \"" + ID + "\"]");
        ObjectNode first = builder.search(criteria("customs authority", List.of("a.txt"), List.of(), null, null,
                SortOrder.RELEVANCE, null), false);
        ObjectNode later = builder.search(criteria("customs authority", List.of("a.txt"), List.of(), null, null,
                SortOrder.RELEVANCE, SearchCursor.after(SortOrder.RELEVANCE, false, after)), false);
        String before = later.toString();
        JsonNode counts = SearchQueryBuilder.countsOnly(later);
        assertThat(later.toString()).as("the page's body is left as it was").isEqualTo(before);
        assertThat(counts).isEqualTo(SearchQueryBuilder.countsOnly(first));
        assertThat(counts.path("size").asInt(-1)).isZero();
        assertThat(counts.path("track_total_hits").asBoolean()).isTrue();
        for (String kept : List.of("query", "post_filter", "aggs")) {
            assertThat(counts.path(kept)).as(kept).isEqualTo(later.path(kept));
        }
        for (String dropped : List.of("sort", "search_after", "highlight", "_source", "track_scores")) {
            assertThat(counts.has(dropped)).as(dropped).isFalse();
        }
    }

    @Test
    void cursorBecomesSearchAfter() throws Exception {
        JsonNode after = JsonMapper.builder().build().readTree("[2.5, \"" + ID + "\"]");
        JsonNode body = builder.search(criteria("customs", List.of(), List.of(), null, null, SortOrder.RELEVANCE,
                SearchCursor.after(SortOrder.RELEVANCE, false, after)), false);
        assertThat(body.path("search_after").toString()).isEqualTo("[2.5,\"" + ID + "\"]");
    }

    @Test
    void highlightsEscapedHtmlWithASnippetEvenWithoutMatch() {
        JsonNode highlight = builder.search(query("customs"), false).path("highlight");
        assertThat(highlight.path("encoder").asText()).isEqualTo("html");
        assertThat(highlight.path("fields").path("body").path("no_match_size").asInt()).isPositive();
        assertThat(highlight.path("fields").path("title").path("number_of_fragments").asInt()).isZero();
    }

    @Test
    void theExactFieldsAreHighlightedOnlyForAQuotedPhrase() {
        // title and snippet take .exact's marks only where title and body have none: a phrase only .exact matches
        assertThat(highlighted(builder.search(query("revenue rose percent"), false)))
                .containsExactly("title", "body");
        assertThat(highlighted(builder.search(query("botswana \"single window\""), false)))
                .containsExactly("title", "body", "title.exact", "body.exact");
        // an acronym's full name from the vocabulary is a quoted phrase too
        assertThat(highlighted(builder.search(query("AEO"), false))).contains("title.exact", "body.exact");
        assertThat(highlighted(builder.related("articles", ID, 5, "20%", 0)))
                .doesNotContain("title.exact", "body.exact");
    }

    private static List<String> highlighted(JsonNode body) {
        List<String> fields = new ArrayList<>();
        body.path("highlight").path("fields").fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    @Test
    void suggestIsABoolPrefixOnTheSearchAsYouTypeField() {
        JsonNode match = builder.suggest("Botsw", 5).path("query").path("multi_match");
        assertThat(match.path("type").asText()).isEqualTo("bool_prefix");
        assertThat(match.path("query").asText()).isEqualTo("Botsw");
        assertThat(match.path("fields").toString()).contains("suggest._2gram").doesNotContain("suggest._3gram");
    }

    @Test
    void relatedIsMoreLikeThisWithoutTheArticleItself() {
        JsonNode query = builder.related("articles", ID, 5, "20%", 0).path("query").path("bool");
        JsonNode mlt = query.path("must").get(0).path("more_like_this");
        assertThat(mlt.has("max_doc_freq")).as("no cap asked").isFalse();
        assertThat(mlt.path("fields").toString()).isEqualTo("[\"title\",\"body\"]");
        assertThat(mlt.path("like").get(0).path("_id").asText()).isEqualTo(ID);
        assertThat(mlt.path("like").get(0).path("_index").asText()).isEqualTo("articles");
        assertThat(mlt.path("like").get(0).path("per_field_analyzer").toString())
                .as("the article's words as a query reads them, not the index's whole tokens")
                .isEqualTo("{\"title\":\"article_search\",\"body\":\"article_search\"}");
        assertThat(mlt.path("include").asBoolean()).isFalse();
        assertThat(query.path("must_not").get(0).path("term").path("id").asText()).isEqualTo(ID);
    }

    @Test
    void relatedLeavesOutWordsFoundInMoreThanTheShareOfALargeIndex() {
        assertThat(SearchQueryBuilder.relatedMaxDocFreq(1_000_000, 0.2)).isEqualTo(200_000);
        assertThat(SearchQueryBuilder.relatedMaxDocFreq(100_001, 0.2)).as("rounded up").isEqualTo(20_001);
        assertThat(SearchQueryBuilder.relatedMaxDocFreq(120, 0.2)).as("a small index: no word left out for its count")
                .isEqualTo(1_000);
        assertThat(SearchQueryBuilder.relatedMaxDocFreq(1_000_000, 0)).as("0: no cap").isZero();
        JsonNode mlt = builder.related("articles", ID, 5, "20%", 200_000).path("query").path("bool").path("must").get(0)
                .path("more_like_this");
        assertThat(mlt.path("max_doc_freq").asLong()).isEqualTo(200_000);
    }

    @Test
    void theHitsOfAFusedPageAreFetchedByIdWithTheirFieldsAndTheWindowsHighlights() {
        SearchCriteria criteria = criteria("\"risk management\" ports", List.of("weekly.txt"), List.of(), null, null,
                SortOrder.RELEVANCE, null);
        ObjectNode search = builder.search(criteria, false);
        ObjectNode window = SearchQueryBuilder.withoutFields(search);
        assertIdsOnly(window);
        assertThat(window.has("highlight")).isFalse();
        assertThat(window.path("query")).isEqualTo(search.path("query"));
        assertThat(search.has("highlight")).as("not changed").isTrue();

        JsonNode fetch = builder.fetch(criteria, List.of(ID, "b"), SearchQueryBuilder.highlightOf(search));
        assertThat(fetch.path("size").asInt()).isEqualTo(2);
        JsonNode filter = fetch.path("query").path("bool").path("filter");
        assertThat(filter.path(0).path("ids").path("values").toString()).isEqualTo("[\"" + ID + "\",\"b\"]");
        assertThat(filter.toString()).as("the request's filters still apply").contains("\"sourceName\":[\"weekly.txt\"]");
        assertThat(fetch.path("_source")).isEqualTo(search.path("_source"));
        assertThat(fetch.path("highlight").path("fields")).isEqualTo(search.path("highlight").path("fields"));
        assertThat(fetch.path("highlight").path("fields").has("body.exact")).as("a quoted phrase").isTrue();
        assertThat(fetch.path("highlight").path("highlight_query")).isEqualTo(search.path("query"));
    }

    @Test
    void semanticSearchFiltersTheNearestArticlesByFiltersPhrasesAndExclusions() {
        SearchCriteria criteria = criteria("port \"risk management\" -coffee", List.of("weekly.txt"), List.of(), null,
                null, SortOrder.RELEVANCE, null);
        float[] vector = new float[384];
        for (SearchEngine.Distribution engine : SearchEngine.Distribution.values()) {
            JsonNode body = builder.semantic(criteria, engine, vector, 50, false);
            JsonNode knn = body.path("query").path("knn");
            JsonNode filter = engine == SearchEngine.Distribution.OPENSEARCH ? knn.path("vector").path("filter")
                    : knn.path("filter");
            assertThat(body.path("size").asInt()).isEqualTo(50);
            assertThat(filter.path("bool").path("filter").toString()).as("%s", engine)
                    .contains("\"sourceName\":[\"weekly.txt\"]").contains("\\\"risk management\\\"");
            assertThat(filter.path("bool").path("must_not").toString()).contains("coffee");
            assertThat(body.has("aggs")).isFalse();
            assertIdsOnly(body);
            assertThat(body.has("highlight")).isFalse();
        }
        assertThat(builder.semanticHighlight(criteria).path("highlight_query").toString()).contains("port");
        assertThat(builder.semantic(criteria, SearchEngine.Distribution.OPENSEARCH, vector, 50, true).path("aggs")
                .has("country")).isTrue();
    }

    @Test
    void similarIsTheNearestArticlesButItself() {
        JsonNode knn = builder.similar(SearchEngine.Distribution.OPENSEARCH, new float[384], 5, ID).path("query")
                .path("knn").path("vector");
        assertThat(knn.path("k").asInt()).isEqualTo(5);
        assertThat(knn.path("filter").path("bool").path("must_not").get(0).path("term").path("id").asText())
                .isEqualTo(ID);
    }

    @Test
    void aHitsArticleIdComesFromItsSourceItsIdOrItsIdDocValue() {
        ObjectNode fromSource = JsonNodeFactory.instance.objectNode().put("_id", "other");
        fromSource.putObject("_source").put("id", "a1");
        ObjectNode fromDocValue = JsonNodeFactory.instance.objectNode();
        fromDocValue.putObject("fields").putArray("id").add("c3");

        assertThat(SearchQueryBuilder.articleId(fromSource)).isEqualTo("a1");
        assertThat(SearchQueryBuilder.articleId(JsonNodeFactory.instance.objectNode().put("_id", "b2"))).isEqualTo("b2");
        assertThat(SearchQueryBuilder.articleId(fromDocValue)).isEqualTo("c3");
        assertThat(SearchQueryBuilder.articleId(JsonNodeFactory.instance.objectNode())).isEmpty();
    }

    /** A body asking ids and scores only, each hit's id from the doc values: no source, no stored field. */
    static void assertIdsOnly(JsonNode body) {
        assertThat(body.has("_source")).as("no _source").isFalse();
        assertThat(body.path("stored_fields").asText()).isEqualTo("_none_");
        assertThat(body.path("docvalue_fields").toString()).isEqualTo("[\"id\"]");
    }
}
