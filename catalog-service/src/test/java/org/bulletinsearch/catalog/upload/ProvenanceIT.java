package org.bulletinsearch.catalog.upload;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.catalog.support.Bulletins;
import org.bulletinsearch.catalog.support.CatalogDatabase;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.junit.jupiter.api.Test;

/**
 * Provenance is exact (issue 13): every (upload, file, position) an article was seen at is kept, walked
 * and counted, also when two files of one upload share articles, and file names compare as text.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class ProvenanceIT {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void oneUploadOfTwoFilesIsWalkedCompletelyWithItsCursor() {
        String uploadId = Bulletins.newUploadId();
        String tag = "two-files-" + uploadId;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<ArticleEvent> events = new ArrayList<>(Bulletins.upload(uploadId, "a-morning.txt", at, Bulletins.articles(tag, 0, 2)));
        events.addAll(Bulletins.upload(uploadId, "b-evening.txt", at, Bulletins.articles(tag, 2, 2)));

        ArticlesTopic.publish(events);

        awaitUploadCount(uploadId, 4);
        List<Map<String, Object>> walked = walkUpload(uploadId, 1);
        assertThat(walked).extracting(a -> a.get("sourceName"), a -> a.get("position"), a -> a.get("id")).containsExactly(
                tuple("a-morning.txt", 1, events.get(0).articleId()), tuple("a-morning.txt", 2, events.get(1).articleId()),
                tuple("b-evening.txt", 1, events.get(2).articleId()), tuple("b-evening.txt", 2, events.get(3).articleId()));
        given().get("/uploads/{id}", uploadId).then().statusCode(200)
                .body("sources.name", contains("a-morning.txt", "b-evening.txt"))
                .body("sources.articleCount", contains(2, 2));
    }

    @Test
    void twoFilesOfOneUploadWithIdenticalContentKeepEverySighting() {
        String uploadId = Bulletins.newUploadId();
        String tag = "identical-files-" + uploadId;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Bulletins.Article> content = Bulletins.articles(tag, 0, 2);
        List<ArticleEvent> events = new ArrayList<>(Bulletins.upload(uploadId, "first.txt", at, content));
        events.addAll(Bulletins.upload(uploadId, "second.txt", at, content));

        ArticlesTopic.publish(events);

        // The ingest report of this upload says 4 articles, 2 per file: so must the catalog.
        awaitUploadCount(uploadId, 4);
        given().get("/uploads/{id}", uploadId).then().statusCode(200)
                .body("sources.name", contains("first.txt", "second.txt"))
                .body("sources.articleCount", contains(2, 2));
        given().get("/articles?uploadId={u}&source=second.txt", uploadId).then().statusCode(200)
                .body("total", equalTo(2));
        assertThat(walkUpload(uploadId, 1)).hasSize(4);

        String shared = events.get(0).articleId();
        JsonPath article = given().get("/articles/{id}", shared).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> provenance = article.getList("provenance");
        assertThat(provenance).extracting(p -> p.get("uploadId"), p -> p.get("sourceName"), p -> p.get("position"))
                .containsExactly(tuple(uploadId, "first.txt", 1), tuple(uploadId, "second.txt", 1));
        CatalogDatabase database = new CatalogDatabase(dataSource);
        assertThat(database.articleRows(shared)).isEqualTo(1);
        assertThat(database.sightingsOfUpload(uploadId)).isEqualTo(4);
    }

    @Test
    void aFileNameIsFoundWhicheverUnicodeFormItWasWrittenIn() {
        String uploadId = Bulletins.newUploadId();
        String decomposed = "Cafe\u0301-" + uploadId + ".txt";
        String composed = "Caf\u00e9-" + uploadId + ".txt";
        ArticlesTopic.publish(Bulletins.upload(uploadId, decomposed, Instant.now(), Bulletins.articles("nfc-" + uploadId, 0, 3)));

        awaitUploadCount(uploadId, 3);
        given().get("/uploads/{id}", uploadId).then().statusCode(200).body("sources.name", contains(composed));
        given().get("/articles?source={s}", composed).then().statusCode(200).body("total", equalTo(3));
        given().get("/articles?source={s}", decomposed).then().statusCode(200).body("total", equalTo(3));
    }

    private static void awaitUploadCount(String uploadId, int articles) {
        await("upload " + uploadId + " stored").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().get("/uploads/{id}?size=1", uploadId)
                        .then().statusCode(200).body("articleCount", equalTo(articles)));
    }

    /** Every article of the upload, following nextCursor from the first page; fails on a repeat. */
    private static List<Map<String, Object>> walkUpload(String uploadId, int size) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().queryParam("size", size).queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/uploads/{id}", uploadId).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> articles = page.getList("articles");
            assertThat(articles).hasSizeLessThanOrEqualTo(size);
            for (Map<String, Object> article : articles) {
                assertThat(all).as("walked twice: %s", article).doesNotContain(article);
            }
            all.addAll(articles);
            cursor = page.getString("nextCursor");
            assertThat(all.size()).as("walk of %s runs past its count", uploadId).isLessThanOrEqualTo(page.getInt("articleCount"));
        } while (cursor != null);
        return all;
    }
}
