package org.bulletinsearch.catalog.story;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.catalog.support.Bulletins;
import org.bulletinsearch.catalog.support.Lifecycle;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.bulletinsearch.servicetesting.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * Stories (issue 18) as the catalog keeps them (grouped in the background, awaited here): a re-telling joins the
 * story of what it re-tells, an event
 * written from the same template elsewhere does not, the story id does not depend on the order of arrival,
 * and a deletion that removes the bridge between two groups splits them again. Each test writes about its
 * own subject, so that the tests' stories never meet.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class StoryIT {

    @Test
    void aRetellingJoinsTheStoryAndAnotherEventFromTheSameTemplateStaysApart() {
        String first = Bulletins.newUploadId();
        String second = Bulletins.newUploadId();
        Instant monday = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(2, ChronoUnit.DAYS);
        List<ArticleEvent> events = new ArrayList<>(Bulletins.upload(first, "pacific-weekly-12.txt", monday,
                List.of(new Bulletins.Article(StoryTexts.SAMOA, StoryTexts.SAMOA_BODY))));
        events.addAll(Bulletins.upload(second, "island-digest-40.txt", monday.plus(1, ChronoUnit.DAYS), List.of(
                new Bulletins.Article(StoryTexts.SAMOA_RETOLD, StoryTexts.SAMOA_RETOLD_BODY),
                new Bulletins.Article(StoryTexts.TONGA, StoryTexts.TONGA_BODY))));

        ArticlesTopic.publish(events);
        Lifecycle.awaitUploadStored(second, 2);
        awaitGrouped(events);

        String samoa = events.get(0).articleId();
        String retold = events.get(1).articleId();
        String tonga = events.get(2).articleId();
        String story = storyOf(samoa);
        assertThat(story).isNotNull();
        assertThat(storyOf(retold)).as("the re-telling's story").isEqualTo(story);
        assertThat(storyOf(tonga)).as("the other country's story").isEqualTo(tonga).isNotEqualTo(story);
        assertThat(story).isEqualTo(Collections.min(List.of(samoa, retold)));

        JsonPath listed = given().get("/stories/{id}", story).then().statusCode(200)
                .body("id", equalTo(story)).body("articleCount", equalTo(2)).extract().jsonPath();
        assertThat(listed.getList("articles.id", String.class)).containsExactly(samoa, retold);
        assertThat(listed.getList("articles.provenance.sourceName.flatten()", String.class))
                .containsExactly("pacific-weekly-12.txt", "island-digest-40.txt");
        assertThat(listed.getList("articles.firstSeenAt", String.class)).allSatisfy(at -> assertThat(at).isNotBlank());

        JsonPath memberships = given().queryParam("articleId", retold, tonga, retold).get("/stories").then().statusCode(200)
                .extract().jsonPath();
        assertThat(memberships.getList("stories.id", String.class)).containsExactlyInAnyOrder(story, tonga);
        assertThat(memberships.getList("stories.find { it.id == '" + story + "' }.articleIds", String.class))
                .containsExactly(samoa, retold);
        assertThat(memberships.getInt("stories.find { it.id == '" + tonga + "' }.articleCount")).isEqualTo(1);
        assertThat(memberships.getList("stories.pending", Boolean.class)).as("grouped stories are settled").containsOnly(false);
    }

    @Test
    void theStoryIdIsTheSmallestArticleIdWhateverTheOrderAndABridgeMergesStories() {
        List<Bulletins.Article> chain = StoryTexts.chain(System.nanoTime());
        List<String> ids = chain.stream().map(a -> ArticleEvent.of(a.title(), a.body(), "x", "u", 1, Instant.now()).articleId()).toList();
        String smallest = Collections.min(ids);
        // Both ends first (two stories), then the middle article that re-tells both.
        String ends = Bulletins.newUploadId();
        List<ArticleEvent> endEvents = upload(ends, "ends.txt", List.of(chain.get(2), chain.get(0)));
        ArticlesTopic.publish(endEvents);
        Lifecycle.awaitUploadStored(ends, 2);
        awaitGrouped(endEvents);
        assertThat(storyOf(ids.get(0))).as("an end before the bridge").isEqualTo(ids.get(0));
        assertThat(storyOf(ids.get(2))).as("the other end before the bridge").isEqualTo(ids.get(2));

        String bridge = Bulletins.newUploadId();
        List<ArticleEvent> bridgeEvents = upload(bridge, "bridge.txt", List.of(chain.get(1)));
        ArticlesTopic.publish(bridgeEvents);
        Lifecycle.awaitUploadStored(bridge, 1);
        awaitGrouped(bridgeEvents);

        assertThat(ids).extracting(StoryIT::storyOf).containsOnly(smallest);
        given().get("/stories/{id}", smallest).then().statusCode(200).body("articleCount", equalTo(3));
        String mergedAway = ids.get(0).equals(smallest) ? ids.get(2) : ids.get(0);
        RawHttp.Answer redirect = Lifecycle.get("/stories/" + mergedAway);
        assertThat(redirect.status()).as("a merged story's old id").isEqualTo(308);
        assertThat(redirect.header("Location")).endsWith("/stories/" + smallest);
    }

    @Test
    void deletingTheArticleThatBridgedTwoGroupsSplitsTheStory() {
        List<Bulletins.Article> chain = StoryTexts.chain(System.nanoTime());
        String upload = Bulletins.newUploadId();
        List<ArticleEvent> events = upload(upload, "chain.txt", chain);
        ArticlesTopic.publish(events);
        Lifecycle.awaitUploadStored(upload, 3);
        awaitGrouped(events);
        List<String> ids = events.stream().map(ArticleEvent::articleId).toList();
        assertThat(ids).extracting(StoryIT::storyOf).containsOnly(Collections.min(ids));

        assertThat(Lifecycle.delete("/articles/" + ids.get(1) + "?reason=split", Lifecycle.KEY_ONE).status()).isEqualTo(202);
        Lifecycle.awaitArticleStatus(ids.get(1), 404);

        assertThat(ids).as("stories of %s after the middle went", ids).extracting(StoryIT::storyOf)
                .containsExactly(ids.get(0), null, ids.get(2));
    }

    @Test
    void aCorrectedVersionIsHiddenFromItsStoryAsEverywhereElse() {
        Bulletins.Article first = StoryTexts.chain(System.nanoTime()).get(0);
        String monday = Bulletins.newUploadId();
        String tuesday = Bulletins.newUploadId();
        ArticleEvent old = upload(monday, "monday.txt", List.of(first)).get(0);
        ArticleEvent correction = upload(tuesday, "tuesday.txt",
                List.of(new Bulletins.Article(first.title(), first.body() + " Corrected."))).get(0).withSupersedes(old.articleId());
        ArticlesTopic.publish(List.of(old));
        Lifecycle.awaitUploadStored(monday, 1);
        ArticlesTopic.publish(List.of(correction));
        Lifecycle.awaitArticleStatus(old.articleId(), 308);
        awaitGrouped(List.of(correction));

        String story = storyOf(correction.articleId());
        assertThat(story).isEqualTo(Collections.min(List.of(old.articleId(), correction.articleId())));
        given().get("/stories/{id}", story).then().statusCode(200)
                .body("articleCount", equalTo(1)).body("articles.id", contains(correction.articleId()));
        given().queryParam("articleId", correction.articleId()).get("/stories").then().statusCode(200)
                .body("stories[0].articleIds", contains(correction.articleId()));
    }

    @Test
    void anUnknownStoryIsANotFoundProblemAndMalformedIdsAreBadParameters() {
        given().get("/stories/{id}", "0123456789abcdef0123456789abcdef").then().statusCode(404)
                .contentType("application/problem+json").body("resource", equalTo("story"));
        given().get("/stories/{id}", "not-a-story").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("id"));
        given().get("/stories").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("articleId"));
        given().queryParam("articleId", "NOT-AN-ID").get("/stories").then().statusCode(400)
                .body("parameter", equalTo("articleId"));
        given().queryParam("articleId", "0123456789abcdef0123456789abcdef").get("/stories").then().statusCode(200)
                .body("stories.size()", equalTo(0));
    }

    private static List<ArticleEvent> upload(String uploadId, String source, List<Bulletins.Article> articles) {
        return Bulletins.upload(uploadId, source, Instant.now().truncatedTo(ChronoUnit.MILLIS), articles);
    }

    /** Waits until the background grouping has compared every article of the events with the others. */
    private static void awaitGrouped(List<ArticleEvent> events) {
        for (ArticleEvent event : events) {
            await("article " + event.articleId() + " grouped").atMost(Lifecycle.APPLIED_WITHIN)
                    .pollInterval(Duration.ofMillis(100)).untilAsserted(() -> given().get("/articles/{id}", event.articleId())
                            .then().statusCode(200).body("storyPending", equalTo(false)));
        }
    }

    /** The story of an article as {@code GET /articles/{id}} gives it. */
    private static String storyOf(String articleId) {
        Map<String, Object> article = given().get("/articles/{id}", articleId).then().extract().as(Map.class);
        return (String) article.get("storyId");
    }
}
