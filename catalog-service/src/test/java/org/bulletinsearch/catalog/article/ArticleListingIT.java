package org.bulletinsearch.catalog.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bulletinsearch.catalog.support.Bulletins;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Paging and filtering of GET /articles and GET /uploads/{id} over a few hundred articles in three
 * uploads, and the answers to bad requests.
 *
 * <p>The uploads are dated in May 2031, a month no other test uses, so that the time-range filter
 * isolates them from the articles other test classes store in the same database.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class ArticleListingIT {

    static final Instant MAY_1 = Instant.parse("2031-05-01T08:00:00Z");
    static final Instant MAY_2 = Instant.parse("2031-05-02T08:00:00Z");
    static final Instant MAY_3 = Instant.parse("2031-05-03T08:00:00Z");
    static final String RANGE = "from=2031-05-01T00:00:00Z&to=2031-06-01T00:00:00Z";

    /** Set up once for the class: the Quarkus application (and its consumer) must be running first. */
    static Fixture fixture;

    record Fixture(String tag, String first, String second, String third, String morningSource, String eveningSource,
            List<ArticleEvent> firstEvents, List<ArticleEvent> secondEvents, List<ArticleEvent> thirdEvents) {

        /** Every distinct article with its first-seen time. */
        Map<String, Instant> firstSeen() {
            Map<String, Instant> seen = new HashMap<>();
            Stream.of(firstEvents, secondEvents, thirdEvents).flatMap(List::stream)
                    .forEach(e -> seen.putIfAbsent(e.articleId(), e.ingestedAt()));
            return seen;
        }
    }

    @BeforeEach
    void publishOnce() {
        if (fixture != null) {
            return;
        }
        String tag = "paging-" + Bulletins.newUploadId();
        String morningSource = "morning-" + tag + ".txt";
        String eveningSource = "evening-" + tag + ".txt";
        String first = Bulletins.newUploadId();
        String second = Bulletins.newUploadId();
        String third = Bulletins.newUploadId();
        List<ArticleEvent> firstEvents = Bulletins.upload(first, morningSource, MAY_1, Bulletins.articles(tag, 0, 120));
        List<ArticleEvent> secondEvents = Bulletins.upload(second, eveningSource, MAY_2, Bulletins.articles(tag, 120, 100));
        // The third upload repeats ten articles of the first (they keep their May 1 first-seen time).
        List<Bulletins.Article> thirdArticles = new ArrayList<>(Bulletins.articles(tag, 220, 70));
        thirdArticles.addAll(Bulletins.articles(tag, 50, 10));
        List<ArticleEvent> thirdEvents = Bulletins.upload(third, morningSource, MAY_3, thirdArticles);

        ArticlesTopic.publish(firstEvents);
        ArticlesTopic.publish(secondEvents);
        ArticlesTopic.publish(thirdEvents);
        await("290 articles stored").atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            given().get("/uploads/{id}?size=1", third).then().statusCode(200).body("articleCount", equalTo(80));
            given().get("/articles?size=1&" + RANGE).then().statusCode(200).body("total", equalTo(290));
        });
        fixture = new Fixture(tag, first, second, third, morningSource, eveningSource, firstEvents, secondEvents,
                thirdEvents);
    }

    @Test
    void walksEveryArticleNewestFirstWithoutGapOrRepeat() {
        List<Map<String, Object>> walked = walk("/articles?size=37&" + RANGE, 290);

        List<String> ids = walked.stream().map(a -> (String) a.get("id")).toList();
        assertThat(new HashSet<>(ids)).hasSize(290).isEqualTo(fixture.firstSeen().keySet());
        Comparator<Map<String, Object>> newestFirst = Comparator
                .comparing((Map<String, Object> a) -> Instant.parse((String) a.get("firstSeenAt"))).reversed()
                .thenComparing(a -> (String) a.get("id"), Comparator.reverseOrder());
        assertThat(walked).isSortedAccordingTo(newestFirst);
        for (Map<String, Object> article : walked) {
            assertThat(Instant.parse((String) article.get("firstSeenAt")))
                    .isEqualTo(fixture.firstSeen().get((String) article.get("id")));
        }
    }

    @Test
    void walksOldestFirstInTheReverseOrder() {
        List<String> newest = walk("/articles?size=100&" + RANGE, 290).stream().map(a -> (String) a.get("id")).toList();
        List<String> oldest = walk("/articles?size=29&sort=oldest&" + RANGE, 290).stream()
                .map(a -> (String) a.get("id")).toList();
        List<String> reversed = new ArrayList<>(newest);
        Collections.reverse(reversed);
        assertThat(oldest).isEqualTo(reversed);
    }

    @Test
    void filtersByUploadSourceAndTimeRange() {
        given().get("/articles?size=5&uploadId={u}", fixture.third()).then().statusCode(200)
                .body("total", equalTo(80)).body("totalAccuracy", equalTo("exact")).body("items.size()", equalTo(5));
        given().get("/articles?uploadId={u}", fixture.second()).then().statusCode(200).body("total", equalTo(100));
        // Morning source: the first upload's 120 and the third's 70 new articles (its 10 repeats are among the 120).
        given().get("/articles?source={s}", fixture.morningSource()).then().statusCode(200).body("total", equalTo(190));
        given().get("/articles?source={s}", fixture.eveningSource()).then().statusCode(200).body("total", equalTo(100));
        given().get("/articles?source={s}&from=2031-05-03T00:00:00Z", fixture.morningSource()).then().statusCode(200)
                .body("total", equalTo(70));
        // from is inclusive, to exclusive.
        given().get("/articles?from={f}&to=2031-06-01T00:00:00Z", MAY_2.toString()).then().statusCode(200)
                .body("total", equalTo(170));
        given().get("/articles?from=2031-05-01T00:00:00Z&to={t}", MAY_2.toString()).then().statusCode(200)
                .body("total", equalTo(120));
        // Offsets other than Z are understood.
        given().urlEncodingEnabled(false).get("/articles?from=2031-05-02T10:00:00%2B02:00&to=2031-05-02T10:00:01%2B02:00").then().statusCode(200)
                .body("total", equalTo(100));
        given().get("/articles?uploadId=no-such-upload").then().statusCode(200)
                .body("total", equalTo(0)).body("items.size()", equalTo(0)).body("nextCursor", equalTo(null));

        List<Map<String, Object>> thirdUpload = walk("/articles?size=30&uploadId=" + fixture.third(), 80);
        Set<String> expected = new HashSet<>(fixture.thirdEvents().stream().map(ArticleEvent::articleId).toList());
        assertThat(thirdUpload).extracting(a -> (String) a.get("id")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void listsAnUploadInPositionOrderPageByPage() {
        List<String> ids = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        while (cursor != null) {
            JsonPath page = given().urlEncodingEnabled(false).get("/uploads/{id}?size=30" + cursor, fixture.third())
                    .then().statusCode(200)
                    .body("uploadId", equalTo(fixture.third()))
                    .body("sourceName", equalTo(fixture.morningSource()))
                    .body("ingestedAt", equalTo(MAY_3.toString()))
                    .body("articleCount", equalTo(80))
                    .body("sources.name", contains(fixture.morningSource()))
                    .body("sources.articleCount", contains(80))
                    .extract().jsonPath();
            ids.addAll(page.getList("articles.id", String.class));
            positions.addAll(page.getList("articles.position", Integer.class));
            String next = page.get("nextCursor");
            cursor = next == null ? null : "&cursor=" + next;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(positions).isEqualTo(IntStream.rangeClosed(1, 80).boxed().toList());
        assertThat(ids).isEqualTo(fixture.thirdEvents().stream().map(ArticleEvent::articleId).toList());
        given().get("/uploads/{id}", fixture.first()).then().statusCode(200)
                .body("articles.size()", equalTo(100)).body("nextCursor", not(equalTo(null)));
    }

    @Test
    void defaultsToTwentyNewestArticles() {
        JsonPath page = given().get("/articles").then().statusCode(200).extract().jsonPath();
        assertThat(page.getInt("size")).isEqualTo(20);
        assertThat(page.getList("items")).hasSize(20);
        assertThat(page.getLong("total")).isGreaterThanOrEqualTo(290);
        assertThat(page.getString("nextCursor")).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/articles?size=101                               | size",
            "/articles?size=0                                 | size",
            "/articles?size=ten                               | size",
            "/articles?sort=sideways                          | sort",
            "/articles?from=yesterday                         | from",
            "/articles?to=31.05.2031                          | to",
            "/articles?to=%2B999999999-12-31                  | to",
            "/articles?from=10000-01-01T00:00:00Z             | from",
            "/articles?from=2031-05-02T00:00:00Z&to=2031-05-01T00:00:00Z | to",
            "/articles?cursor=bm90LWEtY3Vyc29y                | cursor",
            "/articles?cursor=%25%25%25                       | cursor",
            "/articles?uploadId=%20                           | uploadId",
            "/articles/NOT-AN-ID                              | id",
            "/articles/3F7A9C0E5B1D4A2F8E6C7B9A0D1E2F3A       | id",
            "/uploads/some-upload?size=1001                   | size",
            "/uploads/some-upload?cursor=bm90LWEtY3Vyc29y     | cursor",
            "/articles?source=a%00b                           | source",
            "/articles?source=%E2%80%8B%00                    | source",
    })
    void answersBadRequestsWithAProblemNamingTheParameter(String path, String parameter) {
        given().urlEncodingEnabled(false).get(path.strip()).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("https://bulletinsearch.org/problems/invalid-parameter"))
                .body("title", equalTo("Invalid request parameter"))
                .body("parameter", equalTo(parameter.strip()))
                .body("detail", not(containsString("Exception")))
                .body("stackTrace", equalTo(null));
    }

    @Test
    void refusesACursorOfAnotherSortOrder() {
        String cursor = given().get("/articles?size=5&" + RANGE).then().statusCode(200).extract().path("nextCursor");
        given().get("/articles?size=5&sort=oldest&cursor={c}&" + RANGE, cursor).then().statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("cursor"))
                .body("detail", containsString("sort=newest"));
    }

    @Test
    void answersNotFoundForUnknownArticlesAndUploads() {
        given().get("/articles/{id}", "0123456789abcdef0123456789abcdef").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://bulletinsearch.org/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("resource", equalTo("article"))
                .body("detail", containsString("0123456789abcdef0123456789abcdef"));
        given().get("/uploads/{id}", "never-uploaded").then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"))
                .body("resource", equalTo("upload"));
        given().get("/nowhere").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://bulletinsearch.org/problems/not-found"));
    }

    /**
     * Follows nextCursor from the first page to the last; fails on a repeat, a page over the expected total, a
     * first page without the exact total or a later page with a total.
     */
    static List<Map<String, Object>> walk(String firstPage, int expectedTotal) {
        List<Map<String, Object>> all = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String cursor = null;
        do {
            String url = cursor == null ? firstPage : firstPage + "&cursor=" + cursor;
            JsonPath page = given().urlEncodingEnabled(false).get(url).then().statusCode(200).extract().jsonPath();
            if (cursor == null) {
                assertThat(page.getInt("total")).as("total of the first page").isEqualTo(expectedTotal);
                assertThat(page.getString("totalAccuracy")).as("totalAccuracy of the first page").isEqualTo("exact");
            } else {
                assertThat(page.getMap("$")).as("a later page").doesNotContainKeys("total", "totalAccuracy");
            }
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                assertThat(seen.add((String) item.get("id"))).as("article %s returned twice", item.get("id")).isTrue();
            }
            all.addAll(items);
            cursor = page.getString("nextCursor");
            assertThat(all.size()).isLessThanOrEqualTo(expectedTotal);
        } while (cursor != null);
        assertThat(all).hasSize(expectedTotal);
        return all;
    }
}
