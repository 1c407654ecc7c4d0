package org.bulletinsearch.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bulletinsearch.search.support.SearchApi.ids;
import static org.bulletinsearch.search.support.SearchApi.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.Entities;
import org.bulletinsearch.events.LifecycleHeaders;
import org.bulletinsearch.events.SightingRetraction;
import org.bulletinsearch.events.SightingRetraction.Sighting;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.support.SearchApi;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.junit.jupiter.api.Test;

/**
 * The article lifecycle as the index applies it, through Kafka and the real engine: a tombstone deletes the
 * document and a later sighting brings it back; a sighting retraction re-points the sighting fields; a
 * correction replaces the article it supersedes; entities come from the event, or are derived when it has none.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
class LifecycleIT {

    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

    @Inject
    SearchEngine engine;

    @Inject
    IndexManager indexManager;

    private static ArticleEvent article(String marker, String text, String uploadId, Instant at) {
        return ArticleEvent.of("Lifecycle " + marker + " " + text, "The " + text + " article carries the marker "
                + marker + " so that the test finds it.", "lifecycle.txt", uploadId, 1, at);
    }

    private static ProducerRecord<byte[], byte[]> tombstone(String articleId) {
        ProducerRecord<byte[], byte[]> record = ArticlesTopic.raw(null, articleId, null);
        record.headers().add(LifecycleHeaders.DELETED_BY, ArticlesTopic.utf8("ops"))
                .add(LifecycleHeaders.DELETED_AT, ArticlesTopic.utf8(Instant.now().toString()))
                .add(LifecycleHeaders.DELETE_REASON, ArticlesTopic.utf8("sent by mistake"));
        return record;
    }

    private Optional<JsonNode> document(String id) {
        return engine.find("/" + indexManager.alias() + "/_doc/" + id).filter(doc -> doc.path("found").asBoolean())
                .map(doc -> doc.path("_source"));
    }

    private static long hits(String marker) {
        return search("q", marker, "size", 0).getLong("total");
    }

    @Test
    void aTombstoneDeletesTheDocumentAndOnlyALaterSightingBringsItBack() {
        String marker = "tomb" + UUID.randomUUID().toString().substring(0, 8);
        String uploadId = "tombstone-" + UUID.randomUUID();
        ArticleEvent event = article(marker, "withdrawn", uploadId, MONDAY);
        ArticlesTopic.publish(List.of(event));
        SearchApi.awaitIndexed(uploadId, 1);

        // the older sighting, redelivered before the deletion in the log, then the deletion
        ArticlesTopic.publishRecords(List.of(ArticlesTopic.record(event), tombstone(event.articleId())));
        await().atMost(Duration.ofSeconds(60)).until(() -> hits(marker) == 0);
        assertThat(document(event.articleId())).isEmpty();

        // a later upload of the same text: a new sighting after the deletion brings the article back
        String laterUpload = "reupload-" + UUID.randomUUID();
        ArticleEvent again = ArticleEvent.of(event.title(), event.body(), "again.txt", laterUpload, 1,
                MONDAY.plusSeconds(3600));
        assertThat(again.articleId()).isEqualTo(event.articleId());
        ArticlesTopic.publish(List.of(again));
        SearchApi.awaitIndexed(laterUpload, 1);
        assertThat(hits(marker)).isEqualTo(1);
    }

    @Test
    void aTombstoneAndASightingOfOneArticleInOneBatchApplyInLogOrder() {
        String marker = "order" + UUID.randomUUID().toString().substring(0, 8);
        String uploadId = "order-" + UUID.randomUUID();
        ArticleEvent gone = article(marker, "deleted after its sighting", uploadId, MONDAY);
        ArticleEvent back = article(marker, "sighted after its deletion", uploadId, MONDAY);
        ArticlesTopic.publishRecords(List.of(ArticlesTopic.record(gone), tombstone(gone.articleId()),
                tombstone(back.articleId()), ArticlesTopic.record(back)));
        SearchApi.awaitIndexed(uploadId, 1);
        assertThat(ids(search("uploadId", uploadId))).containsExactly(back.articleId());
    }

    @Test
    void aRetractionRepointsTheSightingFieldsAndKeepsTheArticle() {
        String marker = "retract" + UUID.randomUUID().toString().substring(0, 8);
        String kept = "kept-" + UUID.randomUUID();
        String retracted = "retracted-" + UUID.randomUUID();
        ArticleEvent first = ArticleEvent.of("Lifecycle " + marker + " seen twice", "Seen in two uploads, marker "
                + marker + ".", "first.txt", kept, 3, MONDAY);
        ArticleEvent second = ArticleEvent.of(first.title(), first.body(), "second.txt", retracted, 7,
                MONDAY.plusSeconds(60));
        ArticlesTopic.publish(List.of(first));
        ArticlesTopic.publish(List.of(second));
        SearchApi.awaitIndexed(retracted, 1);

        SightingRetraction retraction = SightingRetraction.of(first.articleId(), retracted, Instant.now(), "ops",
                "wrong upload", new Sighting(kept, "first.txt", 3, MONDAY));
        ArticlesTopic.publishRecords(List.of(ArticlesTopic.raw(null, first.articleId(), ArticlesTopic.CODEC.toJson(retraction))));

        SearchApi.awaitIndexed(kept, 1);
        assertThat(search("uploadId", retracted, "size", 0).getLong("total")).isZero();
        JsonNode document = document(first.articleId()).orElseThrow();
        assertThat(document.path("sourceName").asText()).isEqualTo("first.txt");
        assertThat(document.path("position").asInt()).isEqualTo(3);
        assertThat(Instant.parse(document.path("ingestedAt").asText())).isEqualTo(MONDAY);
        assertThat(document.path("title").asText()).isEqualTo(first.title());
    }

    @Test
    void aRetractionOfAnArticleTheIndexDoesNotHoldLeavesItAbsent() {
        String uploadId = "absent-" + UUID.randomUUID();
        ArticleEvent never = article("absent" + UUID.randomUUID().toString().substring(0, 8), "never indexed", uploadId,
                MONDAY);
        ArticleEvent marker = article("after" + UUID.randomUUID().toString().substring(0, 8), "indexed after", uploadId,
                MONDAY);
        SightingRetraction retraction = SightingRetraction.of(never.articleId(), "some-upload", Instant.now(), "ops", "",
                new Sighting(uploadId, "other.txt", 1, MONDAY));
        ArticlesTopic.publishRecords(List.of(ArticlesTopic.raw(null, never.articleId(), ArticlesTopic.CODEC.toJson(retraction)),
                ArticlesTopic.record(marker)));
        SearchApi.awaitIndexed(uploadId, 1);
        assertThat(document(never.articleId())).isEmpty();
    }

    @Test
    void aCorrectionReplacesTheArticleItSupersedes() {
        String marker = "fix" + UUID.randomUUID().toString().substring(0, 8);
        String uploadId = "correction-" + UUID.randomUUID();
        ArticleEvent wrong = article(marker, "with a wrong figure of 12 tonnes", uploadId, MONDAY);
        ArticlesTopic.publish(List.of(wrong));
        SearchApi.awaitIndexed(uploadId, 1);

        ArticleEvent corrected = article(marker, "with the right figure of 21 tonnes", uploadId, MONDAY.plusSeconds(60))
                .withSupersedes(wrong.articleId());
        ArticlesTopic.publish(List.of(corrected));

        await().atMost(Duration.ofSeconds(60)).until(() -> ids(search("q", marker)).equals(List.of(corrected.articleId())));
        assertThat(document(wrong.articleId())).isEmpty();
    }

    @Test
    void entitiesComeFromTheEventOrAreDerivedWhenItHasNone() {
        String marker = "entity" + UUID.randomUUID().toString().substring(0, 8);
        String uploadId = "entities-" + UUID.randomUUID();
        ArticleEvent withEntities = ArticleEvent.of("Lifecycle " + marker + " declared entities",
                "Marker " + marker + ": the event names its entities itself.", "e.txt", uploadId, 1, MONDAY)
                .withEntities(new Entities(List.of("Kenya"), List.of("Africa"), List.of(), List.of(), List.of(2026)));
        ArticleEvent withoutEntities = ArticleEvent.of("Kenya Revenue Authority joins the WCO programme " + marker,
                "Marker " + marker + ": in 2025 the Kenya Revenue Authority extended its Authorized Economic Operator"
                        + " programme with the World Customs Organization.", "e.txt", uploadId, 2, MONDAY);
        assertThat(withoutEntities.entities()).isNull();
        ArticlesTopic.publish(List.of(withEntities, withoutEntities));
        SearchApi.awaitIndexed(uploadId, 2);

        JsonNode declared = document(withEntities.articleId()).orElseThrow();
        assertThat(declared.path("country").toString()).isEqualTo("[\"Kenya\"]");
        assertThat(declared.path("region").toString()).isEqualTo("[\"Africa\"]");
        assertThat(declared.path("year").toString()).isEqualTo("[2026]");

        JsonNode derived = document(withoutEntities.articleId()).orElseThrow();
        var expected = org.bulletinsearch.vocabulary.EntityExtractor.shared()
                .extract(withoutEntities.title(), withoutEntities.body());
        assertThat(expected.countries()).contains("Kenya");
        assertThat(texts(derived.path("country"))).isEqualTo(expected.countries());
        assertThat(texts(derived.path("organization"))).isEqualTo(expected.organizations());
        assertThat(texts(derived.path("programme"))).isEqualTo(expected.programmes());
        assertThat(derived.path("year").toString()).isEqualTo(expected.years().toString().replace(" ", ""));
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
