package org.bulletinsearch.catalog.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.bulletinsearch.catalog.support.Lifecycle.KEY_ONE;
import static org.bulletinsearch.catalog.support.Lifecycle.KEY_ONE_NAME;
import static org.bulletinsearch.catalog.support.Lifecycle.OPS_KEY;
import static org.bulletinsearch.catalog.support.Lifecycle.OPS_NAME;
import static org.bulletinsearch.catalog.support.Lifecycle.awaitArticleStatus;
import static org.bulletinsearch.catalog.support.Lifecycle.awaitUploadStored;
import static org.bulletinsearch.catalog.support.Lifecycle.delete;
import static org.bulletinsearch.catalog.support.Lifecycle.get;
import static org.bulletinsearch.servicetesting.Problems.assertInvalidParameter;
import static org.bulletinsearch.servicetesting.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bulletinsearch.catalog.support.Bulletins;
import org.bulletinsearch.catalog.support.CatalogDatabase;
import org.bulletinsearch.catalog.support.Metrics;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.ArticleRecord;
import org.bulletinsearch.events.Entities;
import org.bulletinsearch.events.LifecycleHeaders;
import org.bulletinsearch.events.SightingRetraction;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.bulletinsearch.servicetesting.CommittedArticles;
import org.bulletinsearch.servicetesting.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The article lifecycle end to end through Kafka: a deletion, a retraction and a correction are published by the
 * API, read back from the topic as every consumer reads them, and applied by the catalog's own consumer; what
 * {@code GET /articles/{id}}, its audit, the listing and the export then answer.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class ArticleLifecycleIT {

    @Inject
    AgroalDataSource dataSource;

    CatalogDatabase database;

    @BeforeEach
    void database() {
        database = new CatalogDatabase(dataSource);
    }

    @Test
    void aDeletedArticleIsGoneAuditedAndNotBroughtBackByAnOlderEvent() throws Exception {
        String uploadId = Bulletins.newUploadId();
        List<ArticleEvent> events = Bulletins.upload(uploadId, "harbour.txt", now().minus(1, ChronoUnit.HOURS),
                Bulletins.articles("delete-" + uploadId, 0, 3));
        ArticlesTopic.publish(events);
        awaitUploadStored(uploadId, 3);
        ArticleEvent deleted = events.get(1);

        RawHttp.Answer answer;
        List<ConsumerRecord<String, byte[]>> published;
        try (CommittedArticles topic = ArticlesTopic.readCommitted()) {
            answer = delete("/articles/" + deleted.articleId() + "?reason=" + RawHttp.encode("withdrawn: légal"), OPS_KEY);
            published = topic.readSettled();
        }

        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
        JsonNode accepted = answer.json();
        assertThat(accepted.path("articleId").asText()).isEqualTo(deleted.articleId());
        assertThat(accepted.path("status").asText()).isEqualTo("accepted");
        Instant deletedAt = Instant.parse(accepted.path("deletedAt").asText());
        // The tombstone: the article's key, no value, who (the key's name, never the key), when and why.
        assertThat(published).hasSize(1);
        ConsumerRecord<String, byte[]> tombstone = published.get(0);
        assertThat(tombstone.key()).isEqualTo(deleted.articleId());
        assertThat(tombstone.value()).isNull();
        assertThat(ArticlesTopic.header(tombstone, LifecycleHeaders.DELETED_BY)).isEqualTo(OPS_NAME);
        assertThat(Instant.parse(ArticlesTopic.header(tombstone, LifecycleHeaders.DELETED_AT))).isEqualTo(deletedAt);
        assertThat(ArticlesTopic.header(tombstone, LifecycleHeaders.DELETE_REASON)).isEqualTo("withdrawn: légal");
        assertThat(ArticlesTopic.header(tombstone, LifecycleHeaders.DELETED_UPLOAD)).isNull();
        assertThat(headerValues(tombstone)).noneMatch(value -> value.contains(OPS_KEY));

        awaitArticleStatus(deleted.articleId(), 404);
        JsonNode problem = assertProblem(get("/articles/" + deleted.articleId()), 404, "not-found");
        assertThat(problem.path("detail").asText()).contains("deleted", deletedAt.toString(), OPS_NAME);
        assertThat(database.articleRows(deleted.articleId())).isZero();
        assertThat(database.sightingRows(deleted.articleId())).isZero();
        assertThat(given().get("/uploads/{id}", uploadId).then().statusCode(200).extract().jsonPath()
                .getList("articles.id", String.class)).containsExactly(events.get(0).articleId(), events.get(2).articleId());
        JsonPath audit = given().get("/articles/{id}/deletions", deleted.articleId()).then().statusCode(200)
                .extract().jsonPath();
        assertThat(audit.getList("deletions")).hasSize(1);
        assertThat(audit.getString("deletions[0].kind")).isEqualTo("article");
        assertThat(audit.getString("deletions[0].deletedBy")).isEqualTo(OPS_NAME);
        assertThat(Instant.parse(audit.getString("deletions[0].deletedAt"))).isEqualTo(deletedAt);
        assertThat(audit.getString("deletions[0].reason")).isEqualTo("withdrawn: légal");
        assertThat(audit.getString("deletions[0].uploadId")).isNull();

        // The same event again, after the tombstone (a producer that publishes late, a replay by hand): ignored.
        double ignoredBefore = Metrics.value("catalog_events_ignored_total", "");
        RecordMetadata replayed = ArticlesTopic.send(List.of(ArticlesTopic.record(deleted))).get(0);
        awaitMarkerAfter(replayed.partition());
        assertThat(get("/articles/" + deleted.articleId()).status()).isEqualTo(404);
        assertThat(database.articleRows(deleted.articleId())).isZero();
        assertThat(database.sightingRows(deleted.articleId())).isZero();
        assertThat(Metrics.value("catalog_events_ignored_total", "")).isGreaterThanOrEqualTo(ignoredBefore + 1);

        // A redelivered tombstone changes nothing either: one audit row.
        ArticlesTopic.send(List.of(new ProducerRecord<byte[], byte[]>(tombstone.topic(), tombstone.partition(),
                ArticlesTopic.utf8(tombstone.key()), null, tombstone.headers())));
        awaitMarkerAfter(tombstone.partition());
        assertThat(given().get("/articles/{id}/deletions", deleted.articleId()).then().statusCode(200)
                .extract().jsonPath().getList("deletions")).hasSize(1);
    }

    @Test
    void aLaterUploadOfTheSameTextBringsADeletedArticleBack() {
        String first = Bulletins.newUploadId();
        Bulletins.Article text = Bulletins.article("comeback-" + first, 0);
        ArticleEvent original = Bulletins.upload(first, "first.txt", now().minus(2, ChronoUnit.HOURS), List.of(text)).get(0);
        ArticlesTopic.publish(List.of(original));
        awaitUploadStored(first, 1);
        assertThat(delete("/articles/" + original.articleId(), KEY_ONE).status()).isEqualTo(202);
        awaitArticleStatus(original.articleId(), 404);

        String later = Bulletins.newUploadId();
        Instant laterAt = now();
        ArticlesTopic.publish(Bulletins.upload(later, "later.txt", laterAt, List.of(text)));

        awaitArticleStatus(original.articleId(), 200);
        JsonPath article = given().get("/articles/{id}", original.articleId()).then().statusCode(200).extract().jsonPath();
        assertThat(Instant.parse(article.getString("firstSeenAt"))).isEqualTo(laterAt);
        List<Map<String, Object>> provenance = article.getList("provenance");
        assertThat(provenance).extracting(p -> p.get("uploadId"), p -> p.get("sourceName"))
                .containsExactly(tuple(later, "later.txt"));
        // The audit keeps the deletion of the article that came back.
        JsonPath audit = given().get("/articles/{id}/deletions", original.articleId()).then().statusCode(200)
                .extract().jsonPath();
        assertThat(audit.getList("deletions.kind", String.class)).containsExactly("article");
        assertThat(audit.getString("deletions[0].deletedBy")).isEqualTo(KEY_ONE_NAME);
        assertThat(audit.getString("deletions[0].reason")).isEmpty();
    }

    @Test
    void retractingAnUploadDeletesWhatOnlyItHeldAndRetractsItsSightingsOfTheRest() throws Exception {
        String tag = "retract-" + Bulletins.newUploadId();
        String retracted = Bulletins.newUploadId();
        String kept = Bulletins.newUploadId();
        Instant retractedAt = now().minus(2, ChronoUnit.HOURS);
        Instant keptAt = retractedAt.plus(1, ChronoUnit.HOURS);
        List<Bulletins.Article> a = Bulletins.articles(tag, 0, 4);
        // Upload "retracted": two files, article 2 in both. Upload "kept" repeats articles 2 and 3.
        List<ArticleEvent> firstFile = Bulletins.upload(retracted, "a-1.txt", retractedAt, List.of(a.get(0), a.get(1), a.get(2)));
        List<ArticleEvent> secondFile = Bulletins.upload(retracted, "a-2.txt", retractedAt, List.of(a.get(2), a.get(3)));
        List<ArticleEvent> keptEvents = Bulletins.upload(kept, "b.txt", keptAt,
                List.of(a.get(2), a.get(3), Bulletins.article(tag, 4)));
        ArticlesTopic.publish(Stream.concat(firstFile.stream(), secondFile.stream()).toList());
        ArticlesTopic.publish(keptEvents);
        awaitUploadStored(retracted, 5);
        awaitUploadStored(kept, 3);

        RawHttp.Answer answer;
        List<ConsumerRecord<String, byte[]>> published;
        try (CommittedArticles topic = ArticlesTopic.readCommitted()) {
            answer = delete("/uploads/" + retracted + "?reason=duplicate+upload", KEY_ONE);
            published = topic.readSettled();
        }

        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
        assertThat(answer.json().path("uploadId").asText()).isEqualTo(retracted);
        assertThat(answer.json().path("articlesDeleted").asInt()).isEqualTo(2);
        assertThat(answer.json().path("sightingsRetracted").asInt()).isEqualTo(3);
        String only0 = firstFile.get(0).articleId();
        String only1 = firstFile.get(1).articleId();
        String shared2 = firstFile.get(2).articleId();
        String shared3 = secondFile.get(1).articleId();
        assertThat(published).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(only0, only1, shared2, shared3);
        for (ConsumerRecord<String, byte[]> record : published) {
            assertThat(headerValues(record)).noneMatch(value -> value.contains(KEY_ONE));
            if (record.key().equals(only0) || record.key().equals(only1)) {
                assertThat(record.value()).isNull();
                assertThat(ArticlesTopic.header(record, LifecycleHeaders.DELETED_UPLOAD)).isEqualTo(retracted);
                assertThat(ArticlesTopic.header(record, LifecycleHeaders.DELETED_BY)).isEqualTo(KEY_ONE_NAME);
            } else {
                ArticleRecord decoded = ArticlesTopic.CODEC.decode(record.value());
                assertThat(decoded).isInstanceOf(SightingRetraction.class);
                SightingRetraction retraction = (SightingRetraction) decoded;
                assertThat(retraction.uploadId()).isEqualTo(retracted);
                assertThat(retraction.retractedBy()).isEqualTo(KEY_ONE_NAME);
                assertThat(retraction.reason()).isEqualTo("duplicate upload");
                assertThat(retraction.current().uploadId()).isEqualTo(kept);
                assertThat(retraction.current().ingestedAt()).isEqualTo(keptAt);
            }
        }

        awaitArticleStatus(only0, 404);
        awaitArticleStatus(only1, 404);
        assertProblem(get("/uploads/" + retracted), 404, "not-found");
        for (String shared : List.of(shared2, shared3)) {
            JsonPath article = given().get("/articles/{id}", shared).then().statusCode(200).extract().jsonPath();
            assertThat(article.getList("provenance.uploadId", String.class)).containsExactly(kept);
            assertThat(Instant.parse(article.getString("lastSeenAt"))).isEqualTo(keptAt);
            JsonPath audit = given().get("/articles/{id}/deletions", shared).then().statusCode(200).extract().jsonPath();
            assertThat(audit.getList("deletions")).hasSize(1);
            assertThat(audit.getString("deletions[0].kind")).isEqualTo("sightings");
            assertThat(audit.getString("deletions[0].uploadId")).isEqualTo(retracted);
            assertThat(audit.getString("deletions[0].deletedBy")).isEqualTo(KEY_ONE_NAME);
            assertThat(audit.getString("deletions[0].reason")).isEqualTo("duplicate upload");
        }
        assertThat(given().get("/articles/{id}/deletions", only0).then().statusCode(200).extract().jsonPath()
                .getString("deletions[0].uploadId")).isEqualTo(retracted);
        assertThat(database.sightingsOfUpload(retracted)).isZero();
        assertThat(database.sightingsOfUpload(kept)).isEqualTo(3);
        assertThat(given().get("/uploads/{id}", kept).then().statusCode(200).extract().jsonPath()
                .getList("articles.id", String.class)).containsExactlyElementsOf(keptEvents.stream().map(ArticleEvent::articleId).toList());

        // An older event of the retracted upload, published late: its sighting stays retracted.
        RecordMetadata late = ArticlesTopic.send(List.of(ArticlesTopic.record(secondFile.get(0)))).get(0);
        awaitMarkerAfter(late.partition());
        assertThat(database.sightingsOfUpload(retracted)).isZero();
    }

    @Test
    void aCorrectionSendsReadersOfTheOldIdToTheNewOneAndHidesTheOld() {
        String firstUpload = Bulletins.newUploadId();
        String correctionUpload = Bulletins.newUploadId();
        String tag = "correct-" + firstUpload;
        ArticleEvent old = Bulletins.upload(firstUpload, "monday.txt", now().minus(1, ChronoUnit.DAYS),
                List.of(Bulletins.article(tag, 0))).get(0);
        ArticleEvent correction = Bulletins.upload(correctionUpload, "tuesday.txt", now(),
                List.of(Bulletins.article(tag, 1))).get(0).withSupersedes(old.articleId());
        ArticlesTopic.publish(List.of(old));
        awaitUploadStored(firstUpload, 1);

        ArticlesTopic.publish(List.of(correction));
        awaitArticleStatus(old.articleId(), 308);

        RawHttp.Answer redirect = get("/articles/" + old.articleId());
        assertThat(redirect.header("Location")).endsWith("/articles/" + correction.articleId());
        assertThat(redirect.json().path("id").asText()).isEqualTo(old.articleId());
        assertThat(redirect.json().path("supersededBy").asText()).isEqualTo(correction.articleId());
        assertThat(given().get("/articles/{id}", correction.articleId()).then().statusCode(200).extract().jsonPath()
                .getString("supersedes")).isEqualTo(old.articleId());
        // Listings show the current version only.
        given().get("/articles?uploadId={id}", firstUpload).then().statusCode(200)
                .body("total", equalTo(0));
        assertThat(given().get("/articles?uploadId={id}", correctionUpload).then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).containsExactly(correction.articleId());
        assertThat(exportIds()).contains(correction.articleId()).doesNotContain(old.articleId());
    }

    @Test
    void theExportWalksEveryCurrentArticleOnceWithEntitiesAndTheLatestSighting() {
        String tag = "export-" + Bulletins.newUploadId();
        String morning = Bulletins.newUploadId();
        String evening = Bulletins.newUploadId();
        Instant morningAt = now().minus(3, ChronoUnit.HOURS);
        Instant eveningAt = morningAt.plus(2, ChronoUnit.HOURS);
        Bulletins.Article kenya = new Bulletins.Article("Kenya joins the WCO pilot on data exchange " + tag,
                "Kenya will exchange export declarations with the World Customs Organization from 2026. (" + tag + ")");
        List<ArticleEvent> first = Bulletins.upload(morning, "morning.txt", morningAt,
                List.of(kenya, Bulletins.article(tag, 1), Bulletins.article(tag, 2), Bulletins.article(tag, 3)));
        // The evening edition carries entities as ingest extracts them now, and repeats the Kenya article.
        List<ArticleEvent> second = Bulletins.upload(evening, "evening.txt", eveningAt, List.of(Bulletins.article(tag, 4), kenya));
        ArticleEvent withEntities = second.get(0)
                .withEntities(new Entities(List.of("Uganda"), List.of("Africa"), List.of(), List.of(), List.of(2027)));
        ArticlesTopic.publish(first);
        ArticlesTopic.publish(List.of(withEntities, second.get(1)));
        awaitUploadStored(morning, 4);
        awaitUploadStored(evening, 2);
        // One deleted, one corrected: neither is exported.
        String deleted = first.get(2).articleId();
        String corrected = first.get(3).articleId();
        assertThat(delete("/articles/" + deleted, OPS_KEY).status()).isEqualTo(202);
        ArticlesTopic.publish(Bulletins.upload(Bulletins.newUploadId(), "fix.txt", now(), List.of(Bulletins.article(tag, 5)))
                .stream().map(event -> event.withSupersedes(corrected)).toList());
        awaitArticleStatus(deleted, 404);
        awaitArticleStatus(corrected, 308);

        List<JsonPath> pages = exportPages(7);

        assertThat(pages.get(0).getLong("total")).isPositive();
        assertThat(pages.subList(1, pages.size())).allSatisfy(page -> assertThat(page.getMap("$")).doesNotContainKey("total"));
        List<Map<String, Object>> items = new ArrayList<>();
        pages.forEach(page -> items.addAll(page.getList("items")));
        List<String> ids = items.stream().map(item -> (String) item.get("id")).toList();
        assertThat(ids).as("ordered by id, each once").isSorted().doesNotHaveDuplicates();
        assertThat((long) ids.size()).isEqualTo(pages.get(0).getLong("total"));
        assertThat(ids).contains(first.get(0).articleId(), first.get(1).articleId(), withEntities.articleId())
                .doesNotContain(deleted, corrected);
        Map<String, Object> kenyaItem = items.get(ids.indexOf(first.get(0).articleId()));
        assertThat(kenyaItem).containsEntry("uploadId", evening).containsEntry("sourceName", "evening.txt")
                .containsEntry("position", 2).containsEntry("ingestedAt", eveningAt.toString())
                .containsEntry("title", kenya.title()).containsEntry("supersedes", null);
        @SuppressWarnings("unchecked")
        Map<String, List<Object>> kenyaEntities = (Map<String, List<Object>>) kenyaItem.get("entities");
        assertThat(kenyaEntities.get("country")).contains("Kenya");
        assertThat(kenyaEntities.get("organization")).contains("World Customs Organization (WCO)");
        assertThat(kenyaEntities.get("year")).contains(2026);
        assertThat(items.get(ids.indexOf(withEntities.articleId())).get("entities")).isEqualTo(Map.of(
                "country", List.of("Uganda"), "region", List.of("Africa"), "organization", List.of(),
                "programme", List.of(), "year", List.of(2027)));
        assertThat(given().get("/articles/{id}", withEntities.articleId()).then().statusCode(200).extract().jsonPath()
                .getList("entities.country", String.class)).containsExactly("Uganda");
    }

    @Test
    void bothDeletionsNeedAnApiKey() throws Exception {
        String uploadId = Bulletins.newUploadId();
        List<ArticleEvent> events = Bulletins.upload(uploadId, "keys.txt", now(), Bulletins.articles("keys-" + uploadId, 0, 1));
        ArticlesTopic.publish(events);
        awaitUploadStored(uploadId, 1);
        String article = "/articles/" + events.get(0).articleId();

        try (CommittedArticles topic = ArticlesTopic.readCommitted()) {
            RawHttp.Answer missing = delete(article, null);
            assertProblem(missing, 401, "missing-api-key");
            assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
            assertProblem(delete("/uploads/" + uploadId, null), 401, "missing-api-key");
            assertProblem(delete(article, "not-a-key"), 403, "invalid-api-key");
            assertProblem(delete("/uploads/" + uploadId, "not-a-key"), 403, "invalid-api-key");
            assertThat(topic.readSettled()).as("nothing published").isEmpty();
        }
        assertThat(get(article).status()).isEqualTo(200);
        assertThat(database.sightingsOfUpload(uploadId)).isEqualTo(1);
    }

    @Test
    void unknownIdsAndBadParametersAreProblemsAndPublishNothing() throws Exception {
        String uploadId = Bulletins.newUploadId();
        List<ArticleEvent> events = Bulletins.upload(uploadId, "params.txt", now(), Bulletins.articles("params-" + uploadId, 0, 1));
        ArticlesTopic.publish(events);
        awaitUploadStored(uploadId, 1);
        String article = "/articles/" + events.get(0).articleId();

        try (CommittedArticles topic = ArticlesTopic.readCommitted()) {
            assertThat(assertProblem(delete("/articles/0123456789abcdef0123456789abcdef", OPS_KEY), 404, "not-found")
                    .path("resource").asText()).isEqualTo("article");
            assertThat(assertProblem(delete("/uploads/" + Bulletins.newUploadId(), OPS_KEY), 404, "not-found")
                    .path("resource").asText()).isEqualTo("upload");
            assertProblem(get("/articles/0123456789abcdef0123456789abcdef/deletions"), 404, "not-found");
            assertInvalidParameter(delete("/articles/not-an-id", OPS_KEY), "id");
            assertInvalidParameter(delete("/uploads/" + "u".repeat(65), OPS_KEY), "uploadId");
            String tooLong = "é".repeat(501);
            assertInvalidParameter(delete(article + "?reason=" + RawHttp.encode(tooLong), OPS_KEY), "reason");
            assertInvalidParameter(delete("/uploads/" + uploadId + "?reason=" + RawHttp.encode(tooLong), OPS_KEY), "reason");
            assertInvalidParameter(delete(article + "?reason=bad%01reason", OPS_KEY), "reason");
            assertInvalidParameter(delete("/uploads/" + uploadId + "?reason=nul%00", OPS_KEY), "reason");
            assertInvalidParameter(get("/articles/export?size=0"), "size");
            assertInvalidParameter(get("/articles/export?size=2001"), "size");
            assertInvalidParameter(get("/articles/export?cursor=forged"), "cursor");
            assertThat(topic.readSettled()).as("nothing published").isEmpty();
        }
        // 500 characters exactly are fine, in any script: 500 emoji are 6,000 characters once percent-encoded.
        String longest = "\uD83D\uDEA2".repeat(500);
        assertThat(delete(article + "?reason=" + RawHttp.encode(longest), OPS_KEY).status()).isEqualTo(202);
        awaitArticleStatus(events.get(0).articleId(), 404);
        assertThat(given().get(article + "/deletions").then().statusCode(200).extract().jsonPath()
                .getString("deletions[0].reason")).isEqualTo(longest);
    }

    /** Sends a marker article on {@code partition} and waits until the catalog stored it: all before it is applied. */
    private static void awaitMarkerAfter(int partition) {
        String marker = Bulletins.newUploadId();
        ArticleEvent event = Bulletins.upload(marker, "marker.txt", now(), Bulletins.articles("marker-" + marker, 0, 1)).get(0);
        ArticlesTopic.send(List.of(ArticlesTopic.record(partition, event)));
        awaitUploadStored(marker, 1);
    }

    private static List<String> exportIds() {
        List<String> ids = new ArrayList<>();
        exportPages(500).forEach(page -> ids.addAll(page.getList("items.id", String.class)));
        return ids;
    }

    /** Every page of the export, walked with its cursor. */
    private static List<JsonPath> exportPages(int size) {
        List<JsonPath> pages = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = (cursor == null ? given().queryParam("size", size)
                    : given().queryParam("size", size).queryParam("cursor", cursor))
                    .get("/articles/export").then().statusCode(200).extract().jsonPath();
            pages.add(page);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return pages;
    }

    private static List<String> headerValues(ConsumerRecord<?, ?> record) {
        List<String> values = new ArrayList<>();
        record.headers().forEach(header -> values.add(ArticlesTopic.text(header.value())));
        return values;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
