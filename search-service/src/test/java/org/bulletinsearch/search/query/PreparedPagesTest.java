package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.vocabulary.SearchVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedPagesTest {

    private static final SearchQueryBuilder BUILDER = new SearchQueryBuilder(20);
    private static final SearchEngine ENGINE = new SearchEngine(null, new ObjectMapper());
    private static final SearchVocabulary BUILT_IN = SearchVocabulary.builtIn();

    private final AtomicInteger builds = new AtomicInteger();

    private static SearchCriteria criteria(String q, List<String> sources, SortOrder sort, int size,
            SearchCursor cursor) {
        return new SearchCriteria(q == null ? null : UserQuery.parse(q), sources, List.of(), null, null, sort, size,
                cursor);
    }

    private static SearchCriteria first(String q) {
        return criteria(q, List.of(), SortOrder.RELEVANCE, 10, null);
    }

    private PreparedPage page(PreparedPages pages, SearchCriteria criteria, SearchVocabulary vocabulary) {
        return pages.of(criteria, vocabulary, true, given -> {
            builds.incrementAndGet();
            return PreparedPage.of(BUILDER, given, criteria, null, true, ENGINE);
        });
    }

    @Test
    void theSameFirstPageAskedAgainIsNotBuiltAgain() {
        PreparedPages pages = new PreparedPages(100);
        PreparedPage once = page(pages, first("customs authority"), BUILT_IN);

        assertThat(page(pages, first("customs authority"), BUILT_IN)).as("parsed again, same text").isSameAs(once);
        assertThat(page(pages, criteria(null, List.of(), SortOrder.DATE, 10, null), BUILT_IN))
                .isSameAs(page(pages, criteria(null, List.of(), SortOrder.DATE, 10, null), BUILT_IN));
        assertThat(builds).hasValue(2);
    }

    @Test
    void aPageAndWhatItLearnedAreBuiltAnewOnceTheRecheckIsDue() {
        AtomicLong nanos = new AtomicLong();
        PreparedPages pages = new PreparedPages(100, nanos::get);
        PreparedPage learned = page(pages, first("revenue rose percent"), BUILT_IN);
        PreparedPage.FirstRequest plain = learned.request(PageBody.FIRST);
        learned.sawMatches(SearchQueryBuilder.StrictFirst.TITLE_UNITS_MATCHES);
        learned.titleFirstFailed(3);

        nanos.addAndGet(PageBodies.RECHECK_AFTER.toNanos() - 1);
        assertThat(page(pages, first("revenue rose percent"), BUILT_IN)).as("just before the recheck")
                .isSameAs(learned);
        nanos.addAndGet(1);
        PreparedPage anew = page(pages, first("revenue rose percent"), BUILT_IN);
        assertThat(anew).as("the recheck is due").isNotSameAs(learned);
        anew.sawMatches(SearchQueryBuilder.StrictFirst.TITLE_UNITS_MATCHES);
        assertThat(anew.request(PageBody.FIRST).sent()).as("title first is tried again, every unit in the title")
                .isEqualTo(plain.strictFirst().orElseThrow().titleFirst(3).body());
        assertThat(builds).hasValue(2);
    }

    @Test
    void anythingTheBodiesAreBuiltFromBuildsThemAnew() {
        PreparedPages pages = new PreparedPages(100);
        PreparedPage asked = page(pages, first("customs authority"), BUILT_IN);

        assertThat(List.of(page(pages, first("customs authorities"), BUILT_IN),
                page(pages, criteria("customs authority", List.of("port-news.txt"), SortOrder.RELEVANCE, 10, null),
                        BUILT_IN),
                page(pages, criteria("customs authority", List.of(), SortOrder.DATE, 10, null), BUILT_IN),
                page(pages, criteria("customs authority", List.of(), SortOrder.RELEVANCE, 20, null), BUILT_IN),
                page(pages, first("\"customs authority\""), BUILT_IN)))
                .allSatisfy(other -> assertThat(other).isNotSameAs(asked));
        assertThat(builds).hasValue(6);
    }

    @Test
    void aVocabularyReadAgainBuildsTheBodiesAnew(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("vocabulary.txt");
        Files.writeString(file, "manidae, pangolin\n", StandardCharsets.UTF_8);
        PreparedPages pages = new PreparedPages(100);
        PreparedPage before = page(pages, first("manidae"), BUILT_IN);

        PreparedPage after = page(pages, first("manidae"), SearchVocabulary.load(file));

        assertThat(after).isNotSameAs(before);
        assertThat(builds).hasValue(2);
    }

    @Test
    void aPageIsBuiltWithTheVocabularyItIsKeptUnder(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("vocabulary.txt");
        Files.writeString(file, "tobacco, pangolin\n", StandardCharsets.UTF_8);
        SearchVocabulary operator = SearchVocabulary.load(file);
        PreparedPages pages = new PreparedPages(100);
        // the builder's own vocabulary changes on every read, as a file read again while a page is built would
        AtomicInteger reads = new AtomicInteger();
        SearchQueryBuilder reloading = new SearchQueryBuilder(20, SearchQueryBuilder.DEFAULT_RESCORE_WINDOW,
                () -> reads.getAndIncrement() % 2 == 0 ? BUILT_IN : operator, EntityValues.shared());
        SearchCriteria criteria = first("tobacco duty stamps");

        PreparedPage page = pages.of(criteria, operator, true,
                given -> PreparedPage.of(reloading, given, criteria, null, true, ENGINE));
        PreparedPage loosened = PreparedPage.of(reloading, operator, criteria, UnaryOperator.identity(), true, ENGINE);

        assertThat(page.hits().toString()).contains("pangolin");
        assertThat(page.request(PageBody.FIRST).strictFirst().orElseThrow().body().toString()).contains("pangolin");
        assertThat(page.countsRequest().ndjson()).asString(StandardCharsets.UTF_8).contains("pangolin");
        assertThat(loosened.hits().toString()).contains("pangolin");
        assertThat(reads).as("the vocabulary in force is not read while a page is built").hasValue(0);
    }

    @Test
    void aBoundBuilderExpandsWithItsVocabularyAlone(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("vocabulary.txt");
        Files.writeString(file, "tobacco, pangolin\n", StandardCharsets.UTF_8);
        SearchCriteria criteria = first("tobacco");

        assertThat(BUILDER.with(SearchVocabulary.load(file)).search(criteria, false).toString()).contains("pangolin");
        assertThat(BUILDER.search(criteria, false).toString()).doesNotContain("pangolin");
    }

    @Test
    void laterPagesAreBuiltEachTime() {
        PreparedPages pages = new PreparedPages(100);
        SearchCursor cursor = SearchCursor.after(SortOrder.RELEVANCE, false,
                new ObjectMapper().createArrayNode().add(5.25f).add("0123456789abcdef0123456789abcdef"));
        SearchCriteria later = criteria("customs authority", List.of(), SortOrder.RELEVANCE, 10, cursor);

        assertThat(page(pages, later, BUILT_IN)).isNotSameAs(page(pages, later, BUILT_IN));
        assertThat(builds).hasValue(2);
    }

    @Test
    void noneAreKeptWithoutCapacity() {
        PreparedPages pages = new PreparedPages(0);

        page(pages, first("customs authority"), BUILT_IN);
        page(pages, first("customs authority"), BUILT_IN);

        assertThat(builds).hasValue(2);
    }

    @Test
    void aPagesRequestIsWrittenOnceForEachBodyThatTellsIt() {
        SearchCriteria criteria = first("revenue rose percent");
        PreparedPage page = PreparedPage.of(BUILDER, BUILT_IN, criteria, null, true, ENGINE);

        PreparedPage.FirstRequest strictFirst = page.request(PageBody.FIRST);
        assertThat(page.request(PageBody.FIRST)).isSameAs(strictFirst);
        assertThat(strictFirst.strictFirst()).isPresent();
        assertThat(strictFirst.sent()).isEqualTo(strictFirst.strictFirst().get().body());
        assertThat(strictFirst.searches().searches()).as("hits, counts and the three words' best scores").isEqualTo(5);
        assertThat(headers(strictFirst)).containsExactly("{\"request_cache\":false}", "{\"request_cache\":true}",
                "{\"request_cache\":true}", "{\"request_cache\":true}", "{\"request_cache\":true}");

        PreparedPage.FirstRequest exact = page.request(PageBody.EXACT);
        assertThat(exact.sent()).isSameAs(page.hits());
        assertThat(exact.strictFirst()).isEmpty();
        assertThat(headers(exact)).as("asked before, so the engine may keep it")
                .containsExactly("{\"request_cache\":true}", "{\"request_cache\":true}");

        PreparedPage.FirstRequest rescored = page.request(PageBody.RESCORED);
        assertThat(rescored.sent()).isEqualTo(BUILDER.rescored(page.hits()).orElseThrow());
        assertThat(rescored.strictFirst()).isEmpty();
    }

    @Test
    void aStrictFirstPageIsAskedTitleFirstOnceItsCountsShowedManyMatches() {
        PreparedPage page = PreparedPage.of(BUILDER, BUILT_IN, first("revenue rose percent"), null, true, ENGINE);
        PreparedPage.FirstRequest plain = page.request(PageBody.FIRST);

        page.sawMatches(SearchQueryBuilder.StrictFirst.TITLE_FIRST_MATCHES - 1);
        assertThat(page.request(PageBody.FIRST)).as("fewer matches: every one is scored").isSameAs(plain);

        page.sawMatches(SearchQueryBuilder.StrictFirst.TITLE_UNITS_MATCHES);
        SearchQueryBuilder.StrictFirst strictFirst = plain.strictFirst().orElseThrow();
        PreparedPage.FirstRequest titleFirst = page.request(PageBody.FIRST);
        assertThat(titleFirst.strictFirst()).as("the three words in the title").contains(strictFirst.titleFirst(3));
        assertThat(titleFirst.sent()).isEqualTo(titleFirst.strictFirst().orElseThrow().body());
        assertThat(titleFirst.searches().searches()).as("hits, counts, the three words' best scores and the best"
                + " score with each pair of them out of the title").isEqualTo(8);
        assertThat(page.request(PageBody.FIRST)).as("written once").isSameAs(titleFirst);
        page.sawMatches(3);
        assertThat(page.request(PageBody.FIRST)).as("a query that matched many stays title first").isSameAs(titleFirst);
        assertThat(page.request(PageBody.RESCORED).sent()).as("a page another body told goes to that body")
                .isEqualTo(BUILDER.rescored(page.hits()).orElseThrow());

        page.titleFirstFailed(3);
        assertThat(page.request(PageBody.FIRST).strictFirst()).as("three could not tell it: two words in the title")
                .contains(strictFirst.titleFirst(2));
        page.titleFirstFailed(3);
        assertThat(page.request(PageBody.FIRST).strictFirst()).as("a late answer of three changes nothing")
                .contains(strictFirst.titleFirst(2));
        page.titleFirstFailed(2);
        PreparedPage.FirstRequest oneWord = page.request(PageBody.FIRST);
        assertThat(oneWord.strictFirst()).as("then one word").contains(strictFirst.titleFirst());
        assertThat(oneWord.searches().searches()).as("hits, counts, the three words' best scores and the best"
                + " score without the title").isEqualTo(6);
        page.titleFirstFailed(1);
        assertThat(page.request(PageBody.FIRST)).as("title first could not tell it: plain strict first again")
                .isSameAs(plain);
        page.sawMatches(SearchQueryBuilder.StrictFirst.TITLE_FIRST_MATCHES);
        assertThat(page.request(PageBody.FIRST)).as("and for good").isSameAs(plain);

        PreparedPage rescoredOnly = PreparedPage.of(BUILDER, BUILT_IN, first("customs authority"), null, true, ENGINE);
        rescoredOnly.sawMatches(SearchQueryBuilder.StrictFirst.TITLE_FIRST_MATCHES);
        assertThat(rescoredOnly.request(PageBody.FIRST).strictFirst()).as("two units: never strict first").isEmpty();
    }

    @Test
    void aQueryOfManyMatchesButNotVeryManyAsksOneUnitInTheTitle() {
        PreparedPage page = PreparedPage.of(BUILDER, BUILT_IN, first("revenue rose percent"), null, true, ENGINE);
        SearchQueryBuilder.StrictFirst strictFirst = page.request(PageBody.FIRST).strictFirst().orElseThrow();

        page.sawMatches(SearchQueryBuilder.StrictFirst.TITLE_UNITS_MATCHES - 1);
        PreparedPage.FirstRequest oneUnit = page.request(PageBody.FIRST);
        assertThat(oneUnit.strictFirst()).as("a word of the query in the title").contains(strictFirst.titleFirst());
        assertThat(oneUnit.searches().searches()).as("hits, counts, the three words' best scores and the best"
                + " score without the title").isEqualTo(6);
        page.sawMatches(SearchQueryBuilder.StrictFirst.TITLE_UNITS_MATCHES);
        assertThat(page.request(PageBody.FIRST)).as("a later count of more matches changes nothing").isSameAs(oneUnit);
        page.titleFirstFailed(1);
        assertThat(page.request(PageBody.FIRST).strictFirst()).as("then plain strict first")
                .contains(strictFirst);
    }

    @Test
    void buildingTheRequestsLeavesTheSharedBodiesAsBuilt() {
        SearchCriteria criteria = first("(ghana OR senegal) transit guarantees");
        PreparedPage page = PreparedPage.of(BUILDER, BUILT_IN, criteria, null, true, ENGINE);
        for (PageBody body : PageBody.values()) {
            page.request(body);
        }
        page.namedScoreBody();
        page.countsRequest();

        assertThat(page.hits()).isEqualTo(SearchQueryBuilder.hitsOnly(BUILDER.search(criteria, false), 11));
    }

    @Test
    void aFusedWindowAsksIdsAndScoresOnlyAndKeepsItsHighlightsForTheHitsShown() {
        SearchCriteria criteria = first("revenue rose percent");
        PreparedPage window = PreparedPage.of(BUILDER, BUILT_IN, criteria, null, false, ENGINE);
        assertThat(window.countsRequest().ndjson()).as("the counting body of the page shown, for the request cache")
                .isEqualTo(PreparedPage.of(BUILDER, BUILT_IN, criteria, null, true, ENGINE).countsRequest().ndjson());
        window.sawMatches(SearchQueryBuilder.StrictFirst.TITLE_UNITS_MATCHES);

        List<JsonNode> bodies = new ArrayList<>(List.of(window.hits()));
        for (PageBody body : PageBody.values()) {
            bodies.add(window.request(body).sent());
        }
        for (int units = 3; units >= 1; units--) {
            window.titleFirstFailed(units);
            bodies.add(window.request(PageBody.FIRST).sent());
        }
        assertThat(bodies).as("hits, three words in the title, rescored, exact, two words, one, strict first")
                .hasSize(7)
                .allSatisfy(body -> {
                    SearchQueryBuilderTest.assertIdsOnly(body);
                    assertThat(body.has("highlight")).isFalse();
                });
        ObjectNode shown = BUILDER.search(criteria, false);
        assertThat(window.highlight()).isEqualTo(SearchQueryBuilder.highlightOf(shown));
        assertThat(window.highlight().path("highlight_query")).isEqualTo(shown.path("query"));
        PreparedPage page = PreparedPage.of(BUILDER, BUILT_IN, criteria, null, true, ENGINE);
        assertThat(page.hits().path("highlight")).as("a page shown").isEqualTo(shown.path("highlight"));
        assertThat(page.highlight()).isNull();

        PreparedPages pages = new PreparedPages(100);
        PreparedPage kept = pages.of(criteria, BUILT_IN, false, given -> window);
        assertThat(pages.of(criteria, BUILT_IN, true, given -> PreparedPage.of(BUILDER, given, criteria, null, true,
                ENGINE))).as("the same request shown").isNotSameAs(kept);
        assertThat(pages.of(criteria, BUILT_IN, false, given -> null)).isSameAs(kept);
    }

    @Test
    void theTypoTolerantQueryIsNeverAskedStrictFirst() {
        SearchCriteria criteria = first("revenue rose percent");
        PreparedPage page = PreparedPage.of(BUILDER, BUILT_IN, criteria, UnaryOperator.identity(), true, ENGINE);

        assertThat(page.request(PageBody.FIRST).strictFirst()).isEmpty();
        assertThat(page.request(PageBody.FIRST).sent()).isEqualTo(BUILDER.rescored(page.hits()).orElseThrow());
    }

    private static List<String> headers(PreparedPage.FirstRequest request) {
        String[] lines = new String(request.searches().ndjson(), StandardCharsets.UTF_8).split("\n");
        return IntStream.range(0, lines.length).filter(i -> i % 2 == 0).mapToObj(i -> lines[i]).toList();
    }
}
