package org.bulletinsearch.catalog.lifecycle;

import java.time.Instant;
import org.bulletinsearch.catalog.article.ArticleDeletion;

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
public record DeletionRecord(
        String kind,
        Instant deletedAt,
        String deletedBy,
        String reason,
        String uploadId) {

    static DeletionRecord of(ArticleDeletion row) {
        return new DeletionRecord(row.getKind(), row.getDeletedAt(), row.getDeletedBy(), row.getReason(), row.getUploadId());
    }
}
