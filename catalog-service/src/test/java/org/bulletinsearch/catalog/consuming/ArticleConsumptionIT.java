package org.bulletinsearch.catalog.consuming;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bulletinsearch.catalog.support.Bulletins;
import org.bulletinsearch.catalog.support.CatalogDatabase;
import org.bulletinsearch.catalog.support.Metrics;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events in, catalog out: what is stored, with which provenance, and that nothing is stored twice. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class ArticleConsumptionIT {

    private static final Duration STORED_WITHIN = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    CatalogDatabase database;

    @BeforeEach
    void database() {
        database = new CatalogDatabase(dataSource);
    }

    @Test
    void storesEveryArticleOfAnUploadWithItsFields() {
        String uploadId = Bulletins.newUploadId();
        Instant ingestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<ArticleEvent> events = Bulletins.upload(uploadId, "harbour-notes.txt", ingestedAt,
                Bulletins.articles("fields-" + uploadId, 0, 12));

        ArticlesTopic.publish(events);

        awaitUploadStored(uploadId, 12);
        JsonPath upload = given().get("/uploads/{id}", uploadId).then().statusCode(200).extract().jsonPath();
        assertThat(upload.getString("sourceName")).isEqualTo("harbour-notes.txt");
        assertThat(Instant.parse(upload.getString("ingestedAt"))).isEqualTo(ingestedAt);
        assertThat(upload.getList("articles.position", Integer.class))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(upload.getList("articles.id", String.class))
                .containsExactlyElementsOf(events.stream().map(ArticleEvent::articleId).toList());
        assertThat(upload.getList("articles.title", String.class))
                .containsExactlyElementsOf(events.stream().map(ArticleEvent::title).toList());

        ArticleEvent fifth = events.get(4);
        JsonPath article = given().get("/articles/{id}", fifth.articleId()).then().statusCode(200)
                .extract().jsonPath();
        assertThat(article.getString("id")).isEqualTo(fifth.articleId());
        assertThat(article.getString("title")).isEqualTo(fifth.title());
        assertThat(article.getString("body")).isEqualTo(fifth.body());
        assertThat(Instant.parse(article.getString("firstSeenAt"))).isEqualTo(ingestedAt);
        assertThat(Instant.parse(article.getString("lastSeenAt"))).isEqualTo(ingestedAt);
        assertThat(article.getList("provenance")).hasSize(1);
        assertThat(article.getString("provenance[0].uploadId")).isEqualTo(uploadId);
        assertThat(article.getString("provenance[0].sourceName")).isEqualTo("harbour-notes.txt");
        assertThat(article.getInt("provenance[0].position")).isEqualTo(5);
        assertThat(Instant.parse(article.getString("provenance[0].ingestedAt"))).isEqualTo(ingestedAt);

        assertThat(database.articlesOfUpload(uploadId)).isEqualTo(12);
        assertThat(database.sightingsOfUpload(uploadId)).isEqualTo(12);
        given().get("/articles?uploadId={id}", uploadId).then().statusCode(200).body("total", equalTo(12));
    }

    @Test
    void keepsOneRowAndEveryProvenanceWhenAnArticleComesAgainInAnotherUpload() {
        String tag = "provenance-" + Bulletins.newUploadId();
        String morning = Bulletins.newUploadId();
        String evening = Bulletins.newUploadId();
        Instant morningAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(8, ChronoUnit.HOURS);
        Instant eveningAt = morningAt.plus(8, ChronoUnit.HOURS);
        List<ArticleEvent> first = Bulletins.upload(morning, "morning-edition.txt", morningAt,
                Bulletins.articles(tag, 0, 3));
        // The evening edition repeats the morning's second article at its top, then has a new one.
        List<ArticleEvent> second = Bulletins.upload(evening, "evening-edition.txt", eveningAt,
                List.of(Bulletins.article(tag, 1), Bulletins.article(tag, 3)));
        double knownBefore = Metrics.value("catalog_events_duplicate_total", "kind=\"known-article\"");

        ArticlesTopic.publish(first);
        awaitUploadStored(morning, 3);
        ArticlesTopic.publish(second);
        awaitUploadStored(evening, 2);

        String repeated = first.get(1).articleId();
        assertThat(second.get(0).articleId()).isEqualTo(repeated);
        assertThat(database.articleRows(repeated)).isEqualTo(1);
        assertThat(database.sightingRows(repeated)).isEqualTo(2);

        JsonPath article = given().get("/articles/{id}", repeated).then().statusCode(200).extract().jsonPath();
        assertThat(Instant.parse(article.getString("firstSeenAt"))).isEqualTo(morningAt);
        assertThat(Instant.parse(article.getString("lastSeenAt"))).isEqualTo(eveningAt);
        List<Map<String, Object>> provenance = article.getList("provenance");
        assertThat(provenance).extracting(p -> p.get("uploadId"), p -> p.get("sourceName"), p -> p.get("position"))
                .containsExactly(
                        tuple(morning, "morning-edition.txt", 2),
                        tuple(evening, "evening-edition.txt", 1));

        // The evening upload lists the repeated article as stored: with its original first-seen time.
        JsonPath upload = given().get("/uploads/{id}", evening).then().statusCode(200).extract().jsonPath();
        assertThat(upload.getString("articles[0].id")).isEqualTo(repeated);
        assertThat(Instant.parse(upload.getString("articles[0].firstSeenAt"))).isEqualTo(morningAt);

        assertThat(Metrics.value("catalog_events_duplicate_total", "kind=\"known-article\""))
                .isGreaterThanOrEqualTo(knownBefore + 1);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        String uploadId = Bulletins.newUploadId();
        List<ArticleEvent> events = Bulletins.upload(uploadId, "replayed.txt", Instant.now(),
                Bulletins.articles("replay-" + uploadId, 0, 6));
        List<ProducerRecord<byte[], byte[]>> records = ArticlesTopic.records(null, events);
        ArticlesTopic.send(records);
        awaitUploadStored(uploadId, 6);
        List<String> before = new ArrayList<>();
        for (ArticleEvent event : events) {
            before.add(given().get("/articles/{id}", event.articleId()).then().statusCode(200).extract().asString());
        }
        double redeliveredBefore = Metrics.value("catalog_events_duplicate_total", "kind=\"redelivered\"");

        // The very same records, twice more: what a producer retry or a consumer restart delivers.
        ArticlesTopic.send(records);
        ArticlesTopic.send(records);

        await("both replays consumed").atMost(STORED_WITHIN).untilAsserted(() ->
                assertThat(Metrics.value("catalog_events_duplicate_total", "kind=\"redelivered\""))
                        .isGreaterThanOrEqualTo(redeliveredBefore + 12));
        assertThat(database.articlesOfUpload(uploadId)).isEqualTo(6);
        assertThat(database.sightingsOfUpload(uploadId)).isEqualTo(6);
        for (int i = 0; i < events.size(); i++) {
            assertThat(database.articleRows(events.get(i).articleId())).isEqualTo(1);
            // Same JSON, recordedAt and storedAt included: the replays wrote nothing.
            assertThat(given().get("/articles/{id}", events.get(i).articleId()).then().statusCode(200).extract().asString())
                    .isEqualTo(before.get(i));
        }
    }

    @Test
    void neverStoresTheEventsOfAnAbortedUpload() {
        String aborted = Bulletins.newUploadId();
        String committed = Bulletins.newUploadId();
        Instant now = Instant.now();
        List<ArticleEvent> abortedEvents = Bulletins.upload(aborted, "aborted.txt", now,
                Bulletins.articles("aborted-" + aborted, 0, 3));
        List<ArticleEvent> committedEvents = Bulletins.upload(committed, "committed.txt", now,
                Bulletins.articles("committed-" + committed, 0, 3));

        // Ingest publishes an upload in one Kafka transaction. Both uploads go to partition 0 so that
        // once the committed one is stored, the aborted one (earlier offsets) has been read past.
        ArticlesTopic.publishAborted(ArticlesTopic.records(0, abortedEvents));
        ArticlesTopic.publishRecords(ArticlesTopic.records(0, committedEvents));

        awaitUploadStored(committed, 3);
        given().get("/uploads/{id}", aborted).then().statusCode(404);
        assertThat(database.sightingsOfUpload(aborted)).isZero();
        for (ArticleEvent event : abortedEvents) {
            given().get("/articles/{id}", event.articleId()).then().statusCode(404);
        }
    }

    static void awaitUploadStored(String uploadId, int articles) {
        await("upload " + uploadId + " stored").atMost(STORED_WITHIN).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().get("/uploads/{id}?size=1", uploadId)
                        .then().statusCode(200).body("articleCount", equalTo(articles)));
    }
}
