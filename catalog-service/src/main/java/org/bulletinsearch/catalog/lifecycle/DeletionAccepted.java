package org.bulletinsearch.catalog.lifecycle;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code DELETE /articles/{id}}: the tombstone is published; the catalog and the index drop the article when
 * they consume it (usually within a second).
 *
 * @param articleId the deleted article
 * @param deletedAt when the deletion was accepted, as the audit records it
 * @param status always {@value #ACCEPTED}
 */
@Schema(name = "DeletionAccepted", description = "The deletion is published; it takes effect when consumed.")
public record DeletionAccepted(
        @Schema(examples = "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a") String articleId,
        @Schema(examples = "2026-03-10T08:00:00.123Z") Instant deletedAt,
        @Schema(examples = ACCEPTED, enumeration = ACCEPTED) String status) {

    /** The only status: published, not yet applied. */
    public static final String ACCEPTED = "accepted";
}
