package org.bulletinsearch.catalog.lifecycle;

import java.time.Instant;
import org.bulletinsearch.catalog.article.ArticleDeletion;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry of the deletion audit.
 *
 * @param kind {@code article} (the article was deleted) or {@code sightings} (the sightings of {@code uploadId}
 *     were retracted; the article stayed)
 * @param deletedAt when the deletion was accepted
 * @param deletedBy the name of the API key that asked for it
 * @param reason why, as given; empty when none was
 * @param uploadId the retracted upload; null for a deletion of the article alone
 */
@Schema(name = "Deletion", description = "A deletion of the article, or a retraction of one upload's sightings of it.")
public record DeletionRecord(
        @Schema(enumeration = {ArticleDeletion.ARTICLE, ArticleDeletion.SIGHTINGS}, examples = ArticleDeletion.ARTICLE)
        String kind,
        @Schema(examples = "2026-03-10T08:00:00.123Z") Instant deletedAt,
        @Schema(description = "Name of the API key that asked for it (never the key).", examples = "ops")
        String deletedBy,
        @Schema(description = "Why, as given; empty when none was.", examples = "sent by mistake") String reason,
        @Schema(description = "The retracted upload; null for a deletion of the article alone.",
                examples = "9b2e4c1d-6a7f-4e8b-9c0d-1e2f3a4b5c6d", nullable = true)
        String uploadId) {

    static DeletionRecord of(ArticleDeletion row) {
        return new DeletionRecord(row.getKind(), row.getDeletedAt(), row.getDeletedBy(), row.getReason(), row.getUploadId());
    }
}
