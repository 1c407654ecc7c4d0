package org.bulletinsearch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lifecycle records of the articles topic: corrections, entities and sighting retractions. */
class ArticleRecordCodecTest {

    private final ArticleEventCodec codec = new ArticleEventCodec();
    private final ArticleEvent event = ArticleEvent.of("Kenya Opens One-Stop Border Post", "Trucks now clear once.",
            "harbour.txt", "u-1", 1, Instant.parse("2026-11-30T10:00:00Z"));

    @Test
    void aCorrectionWithEntitiesRoundTrips() throws Exception {
        String earlier = ArticleId.of("Kenya Opens One-Stop Border Post", "Trucks now clear twice.");
        ArticleEvent correction = event.withSupersedes(earlier).withEntities(new Entities(List.of("Kenya"),
                List.of("Africa", "Eastern Africa"), List.of(), List.of("One-Stop Border Post (OSBP)"), List.of(2026)));

        ArticleRecord read = codec.decode(codec.toJson(correction));

        assertThat(read).isEqualTo(correction);
        assertThat(((ArticleEvent) read).entities().country()).containsExactly("Kenya");
    }

    @Test
    void anEventWithoutTheNewFieldsIsStillValid() throws Exception {
        String older = "{\"schemaVersion\":1,\"articleId\":\"" + event.articleId() + "\",\"title\":\"" + event.title()
                + "\",\"body\":\"" + event.body() + "\",\"sourceName\":\"harbour.txt\",\"uploadId\":\"u-1\",\"position\":1,"
                + "\"ingestedAt\":\"2026-11-30T10:00:00Z\"}";
        ArticleEvent read = (ArticleEvent) codec.decode(older.getBytes(StandardCharsets.UTF_8));
        assertThat(read.supersedes()).isNull();
        assertThat(read.entities()).isNull();
    }

    @Test
    void aRetractionRoundTripsAndIsNotAnEvent() throws Exception {
        SightingRetraction retraction = SightingRetraction.of(event.articleId(), "u-1",
                Instant.parse("2026-12-01T08:00:00Z"), "ops", "sent by mistake",
                new SightingRetraction.Sighting("u-2", "weekly.txt", 3, Instant.parse("2026-11-29T09:00:00Z")));
        byte[] json = codec.toJson(retraction);

        assertThat(codec.decode(json)).isEqualTo(retraction);
        assertThatThrownBy(() -> codec.fromJson(json)).isInstanceOf(InvalidArticleEventException.class);
    }

    @Test
    void aRetractionWithoutItsUploadIsRefusedNamingTheSchema() {
        String json = "{\"schemaVersion\":1,\"kind\":\"sighting-retraction\",\"articleId\":\"" + event.articleId()
                + "\",\"retractedAt\":\"2026-12-01T08:00:00Z\"}";
        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidArticleEventException.class).hasMessageContaining("sighting-retraction-v1");
    }

    @Test
    void aMalformedSupersedesIdIsRefused() {
        assertThatThrownBy(() -> codec.decode(codec.toJson(event.withSupersedes("not-an-id"))))
                .isInstanceOf(InvalidArticleEventException.class).hasMessageContaining("supersedes");
    }
}
