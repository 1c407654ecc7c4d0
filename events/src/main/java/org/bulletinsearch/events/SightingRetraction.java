package org.bulletinsearch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;

/**
 * The sightings of an article in one upload are withdrawn (the upload was retracted) while the article
 * stays, because other uploads hold it too. Published on {@link Topics#ARTICLES} under the article id.
 *
 * @param schemaVersion version of this contract ({@value ArticleEvent#SCHEMA_VERSION})
 * @param kind always {@value #KIND}: how consumers tell it from an {@link ArticleEvent}
 * @param articleId the article that stays
 * @param uploadId the upload whose sightings go
 * @param retractedAt when the retraction was accepted
 * @param retractedBy the name of the API key that asked for it (never the key itself)
 * @param reason why, as given by the caller (may be empty)
 * @param current the sighting that now represents the article (its latest remaining one), so that a consumer
 *     holding one sighting per article (the search index) can re-point it without asking anyone
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "kind", "articleId", "uploadId", "retractedAt", "retractedBy", "reason", "current"})
public record SightingRetraction(int schemaVersion, String kind, String articleId, String uploadId,
        Instant retractedAt, String retractedBy, String reason, Sighting current) implements ArticleRecord {

    /**
     * Where an article was seen.
     *
     * @param uploadId the upload
     * @param sourceName the file within it
     * @param position 1-based position in the file
     * @param ingestedAt when that upload was accepted
     */
    public record Sighting(String uploadId, String sourceName, int position, Instant ingestedAt) {
    }

    /** The {@code kind} of every retraction. */
    public static final String KIND = "sighting-retraction";

    public SightingRetraction {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(retractedAt, "retractedAt");
        Objects.requireNonNull(current, "current");
    }

    /** A retraction of {@code uploadId}'s sightings of {@code articleId}. */
    public static SightingRetraction of(String articleId, String uploadId, Instant retractedAt, String retractedBy,
            String reason, Sighting current) {
        return new SightingRetraction(ArticleEvent.SCHEMA_VERSION, KIND, articleId, uploadId, retractedAt,
                retractedBy, reason, current);
    }
}
