package org.bulletinsearch.catalog.lifecycle;

import java.time.Instant;

/**
 * {@code DELETE /articles/{id}}: the tombstone is published; the catalog and the index drop the article when
 * they consume it (usually within a second).
 *
 * @param articleId the deleted article
 * @param deletedAt when the deletion was accepted, as the audit records it
 * @param status always {@value #ACCEPTED}
 */
public record DeletionAccepted(
        String articleId,
        Instant deletedAt,
        String status) {

    /** The only status: published, not yet applied. */
    public static final String ACCEPTED = "accepted";
}
