package org.bulletinsearch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;

/**
 * One article of an uploaded bulletin, as published on {@link Topics#ARTICLES}.
 *
 * <p>The Kafka record key is {@link #articleId()}, so every event about the same text lands on the
 * same partition and consumers see them in order. The id is derived from the content alone
 * ({@link ArticleId#of}), which is what makes re-uploads and redeliveries harmless: they carry an id
 * the consumers already hold.
 *
 * @param schemaVersion version of this contract; consumers refuse versions they do not know
 * @param articleId content-derived id of the normalized title and body
 * @param title the article title, whitespace-normalized
 * @param body the body paragraph, whitespace-normalized
 * @param sourceName the name of the uploaded file (or the one given by the client)
 * @param uploadId id of the upload this article came in
 * @param position 1-based position of the article within its file
 * @param ingestedAt when the ingest service accepted the upload
 * @param supersedes the id of an earlier article this one corrects, or null; consumers show only the correction
 * @param entities what the article is about, extracted at ingest, or null in events published before entities
 *     existed (consumers then derive them from the text with the same gazetteer)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "articleId", "title", "body", "sourceName", "uploadId", "position", "ingestedAt",
        "supersedes", "entities"})
public record ArticleEvent(
        int schemaVersion,
        String articleId,
        String title,
        String body,
        String sourceName,
        String uploadId,
        int position,
        Instant ingestedAt,
        String supersedes,
        Entities entities) implements ArticleRecord {

    public static final int SCHEMA_VERSION = 1;

    public ArticleEvent {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
    }

    /** Builds the event for an article, deriving its id from the text. */
    public static ArticleEvent of(String title, String body, String sourceName, String uploadId, int position,
            Instant ingestedAt) {
        String normalizedTitle = ArticleId.normalize(title);
        String normalizedBody = ArticleId.normalize(body);
        return new ArticleEvent(SCHEMA_VERSION, ArticleId.ofNormalized(normalizedTitle, normalizedBody), normalizedTitle,
                normalizedBody, sourceName, uploadId, position, ingestedAt, null, null);
    }

    /** This event, declaring that it corrects the article {@code earlierId} (null: corrects nothing). */
    public ArticleEvent withSupersedes(String earlierId) {
        return new ArticleEvent(schemaVersion, articleId, title, body, sourceName, uploadId, position, ingestedAt,
                earlierId, entities);
    }

    /** This event with the entities extracted from its text. */
    public ArticleEvent withEntities(Entities extracted) {
        return new ArticleEvent(schemaVersion, articleId, title, body, sourceName, uploadId, position, ingestedAt,
                supersedes, extracted);
    }
}
