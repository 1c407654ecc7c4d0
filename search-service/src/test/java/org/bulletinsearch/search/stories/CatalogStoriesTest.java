package org.bulletinsearch.search.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.search.page.StubServer;
import org.bulletinsearch.search.page.TestConfigs;
import org.junit.jupiter.api.Test;

/** Search's client of the catalog's {@code GET /stories?articleId=…}, against a stub answering as the catalog does. */
class CatalogStoriesTest {

    private static final String A = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String B = "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a";
    private static final String C = "c4d5e6f70a1b4c2d8e3f4a5b6c7d8e9f";

    private record Config(Duration timeout, Duration cacheTtl, Duration pendingTtl, int cacheSize)
            implements StoryConfig {
    }

    /** A clock the test moves. */
    private static final class Clock implements Ticker {
        long nanos;

        @Override
        public long read() {
            return nanos;
        }
    }

    /** A client that keeps nothing: every call asks the catalog. */
    private static CatalogStories client(URI catalog) {
        return new CatalogStories(TestConfigs.catalog(catalog),
                new Config(Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO, 10), new ObjectMapper());
    }

    /** A client that keeps answers about grouped articles for a minute and about pending ones not at all. */
    private static CatalogStories keeping(URI catalog) {
        return new CatalogStories(TestConfigs.catalog(catalog),
                new Config(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ZERO, 10), new ObjectMapper());
    }

    private static String story(String id, int count, boolean pending, String... ids) {
        return "{\"id\":\"" + id + "\",\"articleCount\":" + count + ",\"pending\":" + pending + ",\"articleIds\":[\""
                + String.join("\",\"", ids) + "\"]}";
    }

    @Test
    void keepsTheStoriesOfGroupedArticlesButAsksAgainAboutPendingOnes() {
        String answer = "{\"stories\":[" + story(A, 2, false, A, B) + "," + story(C, 1, true, C) + "]}";
        try (StubServer catalog = new StubServer().answer(200, "application/json", answer, Map.of())) {
            CatalogStories stories = keeping(catalog.uri());
            assertThat(stories.ofArticles(List.of(B, C)).orElseThrow()).containsKeys(A, B, C);
            assertThat(catalog.received).hasSize(1);

            catalog.answer(200, "application/json", "{\"stories\":[" + story(A, 2, false, A, C) + "]}", Map.of());
            Map<String, Story> again = stories.ofArticles(List.of(A, B, C)).orElseThrow();
            assertThat(catalog.received).as("only the pending article is asked about again").hasSize(2);
            assertThat(catalog.received.get(1).query()).isEqualTo("articleId=" + C);
            assertThat(again.get(C).id()).as("grouped since: it joined A's story").isEqualTo(A);

            assertThat(stories.ofArticles(List.of(A, B, C)).orElseThrow()).containsKeys(A, B, C);
            assertThat(catalog.received).as("all grouped now: nothing asked").hasSize(2);
        }
    }

    @Test
    void keepsAnswersAboutPendingArticlesForTheirOwnShorterTime() {
        String answer = "{\"stories\":[" + story(A, 2, false, A, B) + "," + story(C, 1, true, C) + "]}";
        try (StubServer catalog = new StubServer().answer(200, "application/json", answer, Map.of())) {
            Clock clock = new Clock();
            CatalogStories stories = new CatalogStories(TestConfigs.catalog(catalog.uri()),
                    new Config(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1), 10),
                    new ObjectMapper(), clock);
            stories.ofArticles(List.of(B, C)).orElseThrow();

            clock.nanos = Duration.ofMillis(900).toNanos();
            assertThat(stories.ofArticles(List.of(A, B, C)).orElseThrow()).containsKeys(A, B, C);
            assertThat(catalog.received).as("within a second the pending answer stands").hasSize(1);

            catalog.answer(200, "application/json", "{\"stories\":[" + story(A, 3, false, A, B, C) + "]}", Map.of());
            clock.nanos = Duration.ofMillis(1100).toNanos();
            Map<String, Story> later = stories.ofArticles(List.of(A, B, C)).orElseThrow();
            assertThat(catalog.received).as("past it, only the pending article is asked about").hasSize(2);
            assertThat(catalog.received.get(1).query()).isEqualTo("articleId=" + C);
            assertThat(later.get(C).id()).as("grouped since: it joined A's story").isEqualTo(A);
            assertThat(later.get(B).articleCount()).as("the story's newest answer stands for all its articles")
                    .isEqualTo(3);

            clock.nanos = Duration.ofMillis(5500).toNanos();
            stories.ofArticles(List.of(A, B, C)).orElseThrow();
            assertThat(catalog.received).as("A and B answered again at 1.1 s: kept from then on, not from 0 s")
                    .hasSize(2);
        }
    }

    @Test
    void keepsTheAnswerThatTheCatalogDoesNotHoldAnArticleForThePendingTime() {
        try (StubServer catalog = new StubServer().answer(200, "application/json",
                "{\"stories\":[" + story(A, 1, false, A) + "]}", Map.of())) {
            Clock clock = new Clock();
            CatalogStories stories = new CatalogStories(TestConfigs.catalog(catalog.uri()),
                    new Config(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1), 10),
                    new ObjectMapper(), clock);
            assertThat(stories.ofArticles(List.of(A, B)).orElseThrow()).containsOnlyKeys(A);

            clock.nanos = Duration.ofMillis(900).toNanos();
            assertThat(stories.ofArticles(List.of(A, B)).orElseThrow()).containsOnlyKeys(A);
            assertThat(catalog.received).as("within a second, B is known not to be in the catalog").hasSize(1);

            catalog.answer(200, "application/json", "{\"stories\":[" + story(A, 2, false, A, B) + "]}", Map.of());
            clock.nanos = Duration.ofMillis(1100).toNanos();
            assertThat(stories.ofArticles(List.of(A, B)).orElseThrow().get(B).id())
                    .as("past it, B is asked about again and found in A's story").isEqualTo(A);
            assertThat(catalog.received).hasSize(2);
            assertThat(catalog.received.get(1).query()).isEqualTo("articleId=" + B);
        }
        try (StubServer catalog = new StubServer().answer(200, "application/json", "{\"stories\":[]}", Map.of())) {
            CatalogStories stories = keeping(catalog.uri());
            stories.ofArticles(List.of(B));
            stories.ofArticles(List.of(B));
            assertThat(catalog.received).as("pending-ttl 0: asked every time").hasSize(2);
        }
    }

    @Test
    void aPendingAnswerArrivingLateDoesNotReplaceAGroupedOne() {
        CatalogStories.Membership grouped = new CatalogStories.Membership(new Story(A, 2, List.of(A, C)), false);
        CatalogStories.Membership pending = new CatalogStories.Membership(new Story(C, 1, List.of(C)), true);
        assertThat(CatalogStories.settled(grouped, pending)).isSameAs(grouped);
        assertThat(CatalogStories.settled(pending, grouped)).isSameAs(grouped);
        CatalogStories.Membership larger = new CatalogStories.Membership(new Story(A, 3, List.of(A, B, C)), false);
        assertThat(CatalogStories.settled(grouped, larger)).isSameAs(larger);
        CatalogStories.Membership notHeld = CatalogStories.Membership.NOT_HELD;
        assertThat(CatalogStories.settled(pending, notHeld)).as("a story named stands against not held")
                .isSameAs(pending);
        assertThat(CatalogStories.settled(notHeld, pending)).isSameAs(pending);
    }

    @Test
    void negativeTimesToLiveAreRefused() {
        assertThatThrownBy(() -> new CatalogStories(TestConfigs.catalog(URI.create("http://127.0.0.1:1")),
                new Config(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(-1), 10),
                new ObjectMapper())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pending-ttl");
    }

    @Test
    void aPendingAnswerIsNeverKeptLongerThanAGroupedOne() {
        String answer = "{\"stories\":[" + story(C, 1, true, C) + "]}";
        try (StubServer catalog = new StubServer().answer(200, "application/json", answer, Map.of())) {
            Clock clock = new Clock();
            CatalogStories stories = new CatalogStories(TestConfigs.catalog(catalog.uri()),
                    new Config(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(30), 10),
                    new ObjectMapper(), clock);
            stories.ofArticles(List.of(C)).orElseThrow();
            clock.nanos = Duration.ofMillis(2100).toNanos();
            stories.ofArticles(List.of(C)).orElseThrow();
            assertThat(catalog.received).hasSize(2);
        }
    }

    @Test
    void everyArticleOfAStoryGetsTheAnswerListingMostVersions() {
        Story before = new Story(A, 2, List.of(A, B));
        Story after = new Story(A, 3, List.of(A, B, C));
        Map<String, Story> settled = CatalogStories.largestOfEachStory(Map.of(A, before, B, before, C, after));
        assertThat(settled.values()).containsOnly(after);
    }

    @Test
    void givesEachArticleItsStory() {
        String answer = "{\"stories\":[{\"id\":\"" + A + "\",\"articleCount\":3,\"articleIds\":[\"" + A + "\",\"" + B + "\"]},"
                + "{\"id\":\"" + C + "\",\"articleCount\":1,\"articleIds\":[\"" + C + "\"]}]}";
        try (StubServer catalog = new StubServer().answer(200, "application/json", answer, Map.of())) {
            Map<String, Story> stories = client(catalog.uri()).ofArticles(List.of(B, C, B)).orElseThrow();
            assertThat(catalog.received).hasSize(1);
            assertThat(catalog.received.get(0).path()).isEqualTo("/stories");
            assertThat(stories.get(B)).isEqualTo(new Story(A, 3, List.of(A, B)));
            assertThat(stories.get(A)).isSameAs(stories.get(B));
            assertThat(stories.get(C)).isEqualTo(new Story(C, 1, List.of(C)));
        }
    }

    @Test
    void asksTwoHundredIdsAtATime() {
        try (StubServer catalog = new StubServer().answer(200, "application/json", "{\"stories\":[]}", Map.of())) {
            List<String> ids = java.util.stream.IntStream.range(0, 450).mapToObj(i -> String.format("%032x", i)).toList();
            assertThat(client(catalog.uri()).ofArticles(ids)).contains(Map.of());
            assertThat(catalog.received).hasSize(3);
        }
    }

    @Test
    void aCatalogThatCannotAnswerGivesNoStories() {
        try (StubServer catalog = new StubServer().answer(503, "application/problem+json", "{\"status\":503}", Map.of())) {
            assertThat(client(catalog.uri()).ofArticles(List.of(A))).isEmpty();
            catalog.answer(200, "application/json", "[1,2]", Map.of());
            assertThat(client(catalog.uri()).ofArticles(List.of(A))).isEmpty();
            catalog.answer(200, "application/json", "{not json", Map.of());
            assertThat(client(catalog.uri()).ofArticles(List.of(A))).isEmpty();
        }
        assertThat(client(URI.create("http://127.0.0.1:1")).ofArticles(List.of(A))).isEmpty();
    }
}
