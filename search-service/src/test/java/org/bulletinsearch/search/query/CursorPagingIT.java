package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulletinsearch.search.support.SearchApi.allIds;
import static org.bulletinsearch.search.support.SearchApi.ids;
import static org.bulletinsearch.search.support.SearchApi.search;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.indexing.IndexManager;
import org.bulletinsearch.search.support.SearchApi;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paging through a few hundred hits with the cursor: every hit exactly once, in order, the first page by relevance
 * asked rescored ({@link SearchQueryBuilder#rescored}) or strict first ({@link SearchQueryBuilder#strictFirst}) as the
 * others exactly.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
class CursorPagingIT {

    @Inject
    SearchEngine engine;

    @Inject
    IndexManager indexManager;

    @Inject
    MeterRegistry registry;

    private static final int PER_UPLOAD = 100;
    private static final String[] WORDS = {"cargo", "manifest", "berth", "crane", "tonnage", "pilot", "tug", "harbour",
            "container", "vessel", "draught", "ballast", "mooring", "lighter", "bunker", "wharf", "stevedore", "lashing"};
    private static List<String> uploads;

    @BeforeEach
    void publish() {
        synchronized (CursorPagingIT.class) {
            if (uploads != null) {
                return;
            }
            Random random = new Random(42);
            List<String> created = new ArrayList<>();
            for (int u = 0; u < 3; u++) {
                String uploadId = "paging-" + UUID.randomUUID();
                Instant ingestedAt = Instant.parse("2024-09-01T12:00:00Z").plusSeconds(86_400L * u);
                List<ArticleEvent> events = new ArrayList<>();
                for (int i = 1; i <= PER_UPLOAD; i++) {
                    int n = u * PER_UPLOAD + i;
                    StringBuilder body = new StringBuilder();
                    // 1 to 3 mentions of the shared word give a spread of scores, many of them tied
                    int mentions = 1 + random.nextInt(3);
                    for (int w = 0; w < 12; w++) {
                        body.append(w < mentions ? "quayside" : WORDS[random.nextInt(WORDS.length)]).append(' ');
                    }
                    body.append("note ").append(n).append('.');
                    events.add(ArticleEvent.of("Tonnage note " + n, body.toString(), "paging-" + u + ".txt", uploadId, i,
                            ingestedAt));
                }
                ArticlesTopic.publish(events);
                created.add(uploadId);
            }
            SearchApi.awaitIndexed(created, 3L * PER_UPLOAD);
            // Relevance cursors assume the index holds still: the vector filler's updates while the pages are
            // walked re-index the documents and shift the term statistics, hence the scores.
            SearchApi.awaitVectors();
            uploads = created;
        }
    }

    @Test
    void relevancePagesCoverEveryHitExactlyOnce() {
        List<String> ids = allIds(7, "q", "quayside", "uploadId", uploads);
        assertThat(ids).hasSize(300);
        assertThat(new HashSet<>(ids)).hasSize(300);
        assertThat(search("q", "quayside", "uploadId", uploads, "size", 0).getLong("total")).isEqualTo(300);
    }

    @Test
    void pagesAfterARescoredFirstPageFollowTheExactRankingTiesIncluded() {
        String q = "quayside note";
        ObjectNode exact = SearchQueryBuilder.hitsOnly(new SearchQueryBuilder(20).search(new SearchCriteria(
                UserQuery.parse(q), List.of(), uploads, null, null, SortOrder.RELEVANCE, 300, null), false), 300);
        ObjectNode rescored = new SearchQueryBuilder(20).rescored(exact).orElseThrow();
        JsonNode exactHits = engine.send("POST", "/" + indexManager.alias() + "/_search", exact).path("hits").path("hits");
        JsonNode rescoredHits = engine.send("POST", "/" + indexManager.alias() + "/_search", rescored).path("hits")
                .path("hits");
        assertThat(scores(rescoredHits)).as("within the window the rescored scores are the exact query's")
                .isEqualTo(scores(exactHits)).hasSize(300);

        List<String> ranking = new ArrayList<>();
        exactHits.forEach(hit -> ranking.add(hit.path("_id").asText()));
        for (int size : List.of(1, 7, 10, 40)) {
            assertThat(allIds(size, "q", q, "uploadId", uploads)).as("pages of %d", size).containsExactlyElementsOf(ranking);
        }

        float best = rescoredHits.path(0).path("_score").floatValue();
        assertThat(scores(rescoredHits).values()).filteredOn(score -> score == best)
                .as("hits tied at the best score, more than a rescored page 1 of 10 asks").hasSizeGreaterThan(21);
        double followUps = followUps();
        double forTies = followUps(FollowUp.TIES);
        assertThat(ids(search("q", q, "uploadId", uploads, "size", 9))).containsExactlyElementsOf(ranking.subList(0, 9));
        assertThat(followUps()).as("a page of 9 asked for the first time: its rescored answer ends in ties, so its"
                + " exact body is asked after it").isEqualTo(followUps + 1);
        assertThat(followUps(FollowUp.TIES)).as("counted for its ties").isEqualTo(forTies + 1);
        long cacheHits = requestCacheHits();
        JsonPath again = search("q", q, "uploadId", uploads, "size", 9);
        assertThat(ids(again)).containsExactlyElementsOf(ranking.subList(0, 9));
        assertThat(followUps()).as("the same page again goes straight to its exact body, found tied before")
                .isEqualTo(followUps + 1);
        assertThat(requestCacheHits()).as("the same page again: its counts, and its exact page, from the engine's"
                + " request cache").isGreaterThanOrEqualTo(cacheHits + 2);
        assertThat(ids(search("q", q, "uploadId", uploads, "size", 9, "cursor", again.getString("nextCursor"))))
                .as("the page after it, from its cursor").containsExactlyElementsOf(ranking.subList(9, 18));
    }

    /** Searches the service sent after a page's first answer could not tell the page alone. */
    private double followUps() {
        return registry.find("search.query.follow-ups").counters().stream().mapToDouble(Counter::count).sum();
    }

    /** {@link #followUps()} for one reason. */
    private double followUps(FollowUp reason) {
        return registry.find("search.query.follow-ups").tag("reason", reason.tag()).counter().count();
    }

    @Test
    void aStrictFirstPageIsTheExactPageAndAMatchLackingAWordThatOutranksTheOthersStillLeadsIt() {
        List<String> upload = List.of(publishStrictFirstFixture());
        Map<String, List<String>> rankings = new HashMap<>();
        for (String q : List.of("beacon lantern glow", "lighthouse keeper log", "lantern glow keeper")) {
            ObjectNode exact = exactHits(q, upload, 200);
            List<String> ranking = new ArrayList<>();
            rankings.put(q, ranking);
            engine.send("POST", "/" + indexManager.alias() + "/_search", exact).path("hits").path("hits")
                    .forEach(hit -> ranking.add(hit.path("_id").asText()));
            assertThat(ranking).as(q).hasSizeGreaterThanOrEqualTo(40);
            for (int size : List.of(1, 10, 40)) {
                assertThat(allIds(size, "q", q, "uploadId", upload)).as("%s, pages of %d", q, size)
                        .containsExactlyElementsOf(ranking);
            }
        }
        assertThat(strictFirstHolds("beacon lantern glow", upload)).as("every hit of page 1 above the bound").isTrue();
        assertThat(strictFirstHolds("lighthouse keeper log", upload)).as("the keeper's log can outrank").isFalse();
        assertThat(search("q", "lighthouse keeper log", "uploadId", upload).getString("hits[0].title"))
                .isEqualTo("Keeper log, keeper log");
        double followUps = followUps();
        double forBound = followUps(FollowUp.SCORE_BOUND);
        assertThat(ids(search("q", "lighthouse keeper log", "uploadId", upload, "size", 5)))
                .containsExactlyElementsOf(rankings.get("lighthouse keeper log").subList(0, 5));
        assertThat(followUps()).as("a page of 5 asked for the first time: the keeper's log may outrank the strict-first"
                + " answer, so its rescored body is asked after it").isEqualTo(followUps + 1);
        assertThat(followUps(FollowUp.SCORE_BOUND)).as("counted for its score bound").isEqualTo(forBound + 1);
        long cacheHits = requestCacheHits();
        assertThat(ids(search("q", "lighthouse keeper log", "uploadId", upload, "size", 5)))
                .containsExactlyElementsOf(rankings.get("lighthouse keeper log").subList(0, 5));
        assertThat(followUps()).as("the same page again goes straight to its rescored body").isEqualTo(followUps + 1);
        assertThat(requestCacheHits()).as("the same page again: its rescored page and its counts from the engine's"
                + " request cache").isGreaterThanOrEqualTo(cacheHits + 2);
        cacheHits = requestCacheHits();
        search("q", "beacon lantern glow", "uploadId", upload);
        assertThat(requestCacheHits()).as("the same search again: its counts and the best score of each of its words"
                + " from the engine's request cache").isGreaterThanOrEqualTo(cacheHits + 4);
    }

    @Test
    void aStrictFirstPageFoundTiedIsAskedByItsExactBodyTheNextTime() {
        String uploadId = "strict-tied-" + UUID.randomUUID();
        List<ArticleEvent> events = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            // the same body, and titles of the same length without the query's words: every match scores the same
            events.add(ArticleEvent.of("Harbour note " + i, "flare signal mast cargo berth crane tonnage.",
                    "strict-tied.txt", uploadId, i, Instant.parse("2024-11-01T12:00:00Z")));
        }
        ArticlesTopic.publish(events);
        SearchApi.awaitIndexed(List.of(uploadId), events.size());
        SearchApi.awaitVectors();
        String q = "flare signal mast";
        List<String> upload = List.of(uploadId);
        SearchCriteria criteria = new SearchCriteria(UserQuery.parse(q), List.of(), upload, null, null,
                SortOrder.RELEVANCE, 10, null);
        assertThat(new SearchQueryBuilder(20).strictFirst(criteria, exactHits(q, upload, 11))).as("asked strict first")
                .isPresent();
        List<String> ranking = new ArrayList<>();
        engine.send("POST", "/" + indexManager.alias() + "/_search", exactHits(q, upload, 30)).path("hits").path("hits")
                .forEach(hit -> ranking.add(hit.path("_id").asText()));
        assertThat(ranking).hasSize(30);

        double followUps = followUps();
        assertThat(ids(search("q", q, "uploadId", upload))).containsExactlyElementsOf(ranking.subList(0, 10));
        assertThat(followUps()).as("every hit of the strict-first answer tied: the exact body asked after it")
                .isEqualTo(followUps + 1);
        assertThat(ids(search("q", q, "uploadId", upload))).containsExactlyElementsOf(ranking.subList(0, 10));
        assertThat(followUps()).as("the same page again: its exact body at once").isEqualTo(followUps + 1);
    }

    @Test
    void aPageWhoseRescoredAnswerTiesTooIsAskedByItsExactBodyTheNextTime() {
        String uploadId = "rescored-tied-" + UUID.randomUUID();
        List<ArticleEvent> events = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            // every match of all three words scores the same, and no title has a word of the query
            // long bodies, so that each word scores little (BM25's length norm), the words far apart, so that no
            // phrase or proximity boost adds to them
            events.add(ArticleEvent.of("Quay ledger " + i, "kelp quay ledger harbour dues paid tide at the east gate"
                    + " by every vessel buoy owner before the morning bell rang twice.", "rescored-tied.txt",
                    uploadId, i, Instant.parse("2024-11-02T12:00:00Z")));
        }
        // lacking "buoy", it outranks them all by far (both words in a short title, weighted 3, and a short body):
        // the strict-first answer cannot tell the page, nor can the rescored one
        events.add(ArticleEvent.of("Kelp tide", "kelp tide kelp tide quay.",
                "rescored-tied.txt", uploadId, 31, Instant.parse("2024-11-02T12:00:00Z")));
        ArticlesTopic.publish(events);
        SearchApi.awaitIndexed(List.of(uploadId), events.size());
        SearchApi.awaitVectors();
        String q = "kelp tide buoy";
        List<String> upload = List.of(uploadId);
        assertThat(strictFirstHolds(q, upload)).as("the article lacking a word can outrank").isFalse();
        List<String> ranking = new ArrayList<>();
        engine.send("POST", "/" + indexManager.alias() + "/_search", exactHits(q, upload, 31)).path("hits").path("hits")
                .forEach(hit -> ranking.add(hit.path("_id").asText()));
        assertThat(ranking).hasSize(31);

        double followUps = followUps();
        JsonPath first = search("q", q, "uploadId", upload);
        assertThat(ids(first)).containsExactlyElementsOf(ranking.subList(0, 10));
        assertThat(first.getString("hits[0].title")).isEqualTo("Kelp tide");
        assertThat(followUps()).as("the strict-first answer's bound failed, then the rescored answer tied: the rescored"
                + " and the exact body asked after it").isEqualTo(followUps + 2);
        assertThat(ids(search("q", q, "uploadId", upload))).containsExactlyElementsOf(ranking.subList(0, 10));
        assertThat(followUps()).as("the same page again: its exact body at once").isEqualTo(followUps + 2);
    }

    @Test
    void aTitleFirstAnswerTellsThePageOfTheExactRankingOrLeavesItToAnotherBody() {
        // every body has the three words (each scores little there), half of the titles two of them
        String uploadId = "title-first-" + UUID.randomUUID();
        Random random = new Random(11);
        List<ArticleEvent> events = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            StringBuilder body = new StringBuilder("zephyr quokka lagoon ");
            for (int w = 0; w < 6 + i % 7; w++) {
                body.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            String title = i <= 20 ? "Zephyr quokka notes " + i : "Harbour bulletin " + i;
            events.add(ArticleEvent.of(title, body.append("end.").toString(), "title-first.txt", uploadId, i,
                    Instant.parse("2024-11-03T12:00:00Z")));
        }
        // the words rare in bodies, and one article without them in its title that says them over and over
        String rareId = "title-first-rare-" + UUID.randomUUID();
        List<ArticleEvent> rare = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            String body = i <= 20 ? "lagoon dues paid at the east gate by every vessel owner before the bell " + i
                    : "gulls over the lagoon where the zephyr rose and a quokka slept by the pier " + i;
            rare.add(ArticleEvent.of(i <= 20 ? "Zephyr quokka notes " + i : "Pier log " + i, body + ".",
                    "title-first-rare.txt", rareId, i, Instant.parse("2024-11-03T12:00:00Z")));
        }
        ArticleEvent sayer = ArticleEvent.of("Pier log 31", "zephyr quokka lagoon, zephyr quokka lagoon.",
                "title-first-rare.txt", rareId, 31, Instant.parse("2024-11-03T12:00:00Z"));
        rare.add(sayer);
        events.addAll(rare);
        ArticlesTopic.publish(events);
        SearchApi.awaitIndexed(List.of(uploadId, rareId), events.size());
        SearchApi.awaitVectors();
        String q = "zephyr quokka lagoon";

        List<String> ranking = exactRanking(q, List.of(uploadId), 40);
        TitleFirstAnswer told = titleFirst(q, List.of(uploadId));
        assertThat(told.answered()).as("articles with two words in the title, as many as the page asks")
                .hasSizeGreaterThanOrEqualTo(11);
        assertThat(told.told().body()).as("every other article scores below the page's last hit")
                .isEqualTo(PageBody.FIRST);
        assertThat(hitIds(told.told().page().path("hits").path("hits"))).as("the page of the exact ranking")
                .containsExactlyElementsOf(ranking.subList(0, 11));

        List<String> rareRanking = exactRanking(q, List.of(rareId), 31);
        assertThat(rareRanking.get(0)).as("the article saying the words over and over outranks every title")
                .isEqualTo(sayer.articleId());
        assertThat(titleFirst(q, List.of(rareId)).told().body()).as("its score is above the page's: another body"
                + " tells the page").isEqualTo(PageBody.RESCORED);

        assertThat(titleFirst(q, List.of(uploadId), 3).told().body()).as("no title holds the three words: another"
                + " body tells the page").isEqualTo(PageBody.RESCORED);
        TitleFirstAnswer two = titleFirst(q, List.of(uploadId), 2);
        assertThat(two.told().body()).as("two words in the title: every other article scores below the page")
                .isEqualTo(PageBody.FIRST);
        assertThat(hitIds(two.told().page().path("hits").path("hits"))).containsExactlyElementsOf(
                ranking.subList(0, 11));
        assertThat(titleFirst(q, List.of(rareId), 2).told().body()).isEqualTo(PageBody.RESCORED);
    }

    @Test
    void anArticleWithOneQueryWordInItsTitleThatOutranksThoseWithTwoIsNotLeftOutOfTheirPage() {
        // two of the words in long titles, the third in the body; one short title with the third word alone
        String uploadId = "title-units-" + UUID.randomUUID();
        List<ArticleEvent> events = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            String title = i <= 20 ? "Notes on the walrus and the kestrel from the harbour office, part " + i
                    : "Pier log " + i;
            String body = i <= 20 ? "fjord dues paid at the east gate by every vessel owner before the bell " + i
                    : "gulls over the fjord at dawn; a long wait by the pier until noon brought the walrus; at dusk"
                            + " came one kestrel " + i;
            events.add(ArticleEvent.of(title, body + ".", "title-units.txt", uploadId, i,
                    Instant.parse("2024-11-03T12:00:00Z")));
        }
        ArticleEvent watch = ArticleEvent.of("Fjord", "One walrus and one kestrel.", "title-units.txt", uploadId, 31,
                Instant.parse("2024-11-03T12:00:00Z"));
        events.add(watch);
        ArticlesTopic.publish(events);
        SearchApi.awaitIndexed(List.of(uploadId), events.size());
        SearchApi.awaitVectors();
        // words of their own: the bounds are best scores over the whole index, other tests' articles included
        String q = "walrus kestrel fjord";

        assertThat(exactRanking(q, List.of(uploadId), 31).get(0)).as("one word in a short title"
                + " outranks two in long ones").isEqualTo(watch.articleId());
        TitleFirstAnswer one = titleFirst(q, List.of(uploadId), 1);
        assertThat(one.answered()).contains(watch.articleId());
        TitleFirstAnswer two = titleFirst(q, List.of(uploadId), 2);
        assertThat(two.answered()).as("left out by the filter").hasSizeGreaterThanOrEqualTo(11)
                .doesNotContain(watch.articleId());
        assertThat(two.told().body()).as("its title word is in one of the bounds: another body tells the page")
                .isEqualTo(PageBody.RESCORED);
    }

    /** The engine's answers to a title-first request of page 1 (10 hits and one more) and what they tell. */
    private record TitleFirstAnswer(List<String> answered, SearchQueryBuilder.StrictFirst.Told told) {
    }

    private TitleFirstAnswer titleFirst(String q, List<String> upload) {
        return titleFirst(q, upload, 1);
    }

    /** The same with {@code units} units of the query in the title ({@link SearchQueryBuilder.StrictFirst}). */
    private TitleFirstAnswer titleFirst(String q, List<String> upload, int units) {
        SearchCriteria criteria = new SearchCriteria(UserQuery.parse(q), List.of(), upload, null, null,
                SortOrder.RELEVANCE, 10, null);
        SearchQueryBuilder builder = new SearchQueryBuilder(20);
        ObjectNode search = builder.search(criteria, false);
        SearchQueryBuilder.StrictFirst first = builder.strictFirst(criteria,
                SearchQueryBuilder.hitsOnly(search, 11)).orElseThrow().titleFirst(units);
        String path = "/" + indexManager.alias() + "/_search";
        List<JsonNode> best = new ArrayList<>();
        first.bestOfClauses().forEach(body -> best.add(engine.send("POST", path, body)));
        first.bestLeftOut().forEach(body -> best.add(engine.send("POST", path, body)));
        JsonNode answer = engine.send("POST", path, first.body());
        JsonNode counts = engine.send("POST", path, SearchQueryBuilder.countsOnly(search));
        return new TitleFirstAnswer(hitIds(answer.path("hits").path("hits")), first.told(answer, counts, best, 11));
    }

    private List<String> exactRanking(String q, List<String> upload, int size) {
        return hitIds(engine.send("POST", "/" + indexManager.alias() + "/_search", exactHits(q, upload, size))
                .path("hits").path("hits"));
    }

    private static List<String> hitIds(JsonNode hits) {
        List<String> ids = new ArrayList<>();
        hits.forEach(hit -> ids.add(hit.path("_id").asText()));
        return ids;
    }

    /**
     * Articles with all three words of "beacon lantern glow" side by side and of "lighthouse keeper log" far apart,
     * articles with two of them, and one whose title and body say "keeper log" over and over and never
     * "lighthouse". Every match of "lantern glow keeper" has all three words.
     */
    private static String publishStrictFirstFixture() {
        String uploadId = "strict-first-" + UUID.randomUUID();
        Instant ingestedAt = Instant.parse("2024-10-01T12:00:00Z");
        Random random = new Random(7);
        List<ArticleEvent> events = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            StringBuilder body = new StringBuilder(i <= 40 ? "lighthouse beacon lantern glow "
                    : i <= 50 ? "lighthouse beacon lantern " : "beacon lantern ");
            // lengths apart, so that scores differ and few tie
            for (int w = 0; w < 8 + i % 9; w++) {
                body.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            body.append(i <= 40 ? "keeper log." : i <= 50 ? "log." : "end.");
            events.add(ArticleEvent.of("Coastal bulletin " + i, body.toString(), "strict-first.txt", uploadId, i, ingestedAt));
        }
        events.add(ArticleEvent.of("Keeper log, keeper log", "keeper log keeper log keeper log keeper log cargo berth.",
                "strict-first.txt", uploadId, 61, ingestedAt));
        ArticlesTopic.publish(events);
        SearchApi.awaitIndexed(List.of(uploadId), events.size());
        SearchApi.awaitVectors();
        return uploadId;
    }

    private static ObjectNode exactHits(String q, List<String> upload, int size) {
        return SearchQueryBuilder.hitsOnly(new SearchQueryBuilder(20).search(new SearchCriteria(UserQuery.parse(q),
                List.of(), upload, null, null, SortOrder.RELEVANCE, 10, null), false), size);
    }

    /** Whether page 1 of {@code q} (10 hits and one more) scores above the bound of the matches lacking a word. */
    private boolean strictFirstHolds(String q, List<String> upload) {
        SearchCriteria criteria = new SearchCriteria(UserQuery.parse(q), List.of(), upload, null, null,
                SortOrder.RELEVANCE, 10, null);
        SearchQueryBuilder builder = new SearchQueryBuilder(20);
        SearchQueryBuilder.StrictFirst first = builder.strictFirst(criteria,
                SearchQueryBuilder.hitsOnly(builder.search(criteria, false), 11)).orElseThrow();
        List<JsonNode> best = first.bestOfClauses().stream()
                .map(body -> engine.send("POST", "/" + indexManager.alias() + "/_search", body)).toList();
        JsonNode hits = engine.send("POST", "/" + indexManager.alias() + "/_search", first.body()).path("hits").path("hits");
        float eleventh = scores(hits).values().stream().sorted((a, b) -> Float.compare(b, a)).skip(10).findFirst().orElse(0f);
        return eleventh > first.boundFrom(best);
    }

    @Test
    void inDateOrderEachHitShowsItsRelevanceScore() {
        String q = "quayside note";
        Map<String, Float> byRelevance = new HashMap<>();
        JsonPath relevance = search("q", q, "uploadId", uploads, "size", 100);
        JsonPath date = search("q", q, "uploadId", uploads, "size", 100, "sort", "date");
        List<String> relevanceIds = ids(relevance);
        List<Float> relevanceScores = relevance.getList("hits.score", Float.class);
        for (int i = 0; i < relevanceIds.size(); i++) {
            byRelevance.put(relevanceIds.get(i), relevanceScores.get(i));
        }
        List<String> dateIds = ids(date);
        List<Float> dateScores = date.getList("hits.score", Float.class);
        assertThat(dateScores).hasSize(100).doesNotContainNull();
        int shared = 0;
        for (int i = 0; i < dateIds.size(); i++) {
            if (byRelevance.containsKey(dateIds.get(i))) {
                assertThat(dateScores.get(i)).as(dateIds.get(i)).isEqualTo(byRelevance.get(dateIds.get(i)));
                shared++;
            }
        }
        assertThat(shared).as("hits on both first pages").isPositive();

        long cacheHits = requestCacheHits();
        assertThat(search("q", q, "uploadId", uploads, "size", 100, "sort", "date").getList("hits.score", Float.class))
                .isEqualTo(dateScores);
        assertThat(requestCacheHits()).as("the same page again: its counts from the engine's request cache, and no"
                + " search for its scores apart (which the cache would answer too): they came with its hits")
                .isEqualTo(cacheHits + 1);
    }

    private static Map<String, Float> scores(JsonNode hits) {
        Map<String, Float> scores = new HashMap<>();
        hits.forEach(hit -> scores.put(hit.path("_id").asText(), hit.path("_score").isNumber()
                ? hit.path("_score").floatValue() : hit.path("sort").path(0).floatValue()));
        return scores;
    }

    @Test
    void datePagesCoverEveryHitExactlyOnceNewestFirst() {
        List<String> ids = allIds(100, "uploadId", uploads, "sort", "date");
        assertThat(ids).hasSize(300).doesNotHaveDuplicates();

        List<String> times = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = cursor == null
                    ? search("uploadId", uploads, "sort", "date", "size", 33)
                    : search("uploadId", uploads, "sort", "date", "size", 33, "cursor", cursor);
            times.addAll(page.getList("hits.ingestedAt", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(times).hasSize(300);
        assertThat(times).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
    }

    @Test
    void typoTolerantResultsPageWithTheSameLooseQuery() {
        JsonPath first = search("q", "quaysyde", "uploadId", uploads, "size", 40);
        assertThat(first.getBoolean("fuzzy")).isTrue();
        assertThat(first.getLong("total")).isEqualTo(300);
        List<String> ids = allIds(40, "q", "quaysyde", "uploadId", uploads);
        assertThat(ids).hasSize(300).doesNotHaveDuplicates();
    }

    @Test
    void laterPagesKeepTheFirstPagesTotalAndFacetsWithoutCountingAgain() {
        JsonPath first = search("q", "quayside", "uploadId", uploads, "size", 10);
        long cacheHits = requestCacheHits();
        JsonPath second = search("q", "quayside", "uploadId", uploads, "size", 10, "cursor", first.getString("nextCursor"));
        assertThat(second.getLong("total")).isEqualTo(first.getLong("total")).isEqualTo(300);
        assertThat(second.getList("facets.sourceName")).hasSize(3).isEqualTo(first.getList("facets.sourceName"));
        assertThat(second.getList("facets.uploadId")).isEqualTo(first.getList("facets.uploadId"));
        assertThat(ids(second)).hasSize(10).doesNotContainAnyElementsOf(ids(first));
        assertThat(requestCacheHits()).as("the engine's request cache answered the second page's counts")
                .isGreaterThan(cacheHits);
    }

    /** Searches the engine's shard request cache answered so far, over every index. */
    private long requestCacheHits() {
        return engine.send("GET", "/_stats/request_cache", null).path("_all").path("total").path("request_cache")
                .path("hit_count").asLong();
    }

    @Test
    void theLastPageHasNoCursor() {
        JsonPath page = search("q", "quayside", "uploadId", uploads, "size", 100);
        assertThat(page.getList("hits")).hasSize(100);
        assertThat(page.getString("nextCursor")).isNotBlank();
        JsonPath exact = search("q", "\"note 42\"", "uploadId", uploads, "size", 10);
        assertThat(exact.getList("hits")).hasSize(1);
        assertThat(exact.getString("nextCursor")).isNull();
    }
}
