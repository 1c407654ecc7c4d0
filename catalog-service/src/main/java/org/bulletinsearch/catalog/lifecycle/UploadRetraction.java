package org.bulletinsearch.catalog.lifecycle;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code DELETE /uploads/{uploadId}}: what was published, in one transaction.
 *
 * @param uploadId the retracted upload
 * @param articlesDeleted articles seen only in this upload: deleted (a tombstone each)
 * @param sightingsRetracted sightings (file, position) of this upload removed from articles also seen in other
 *     uploads, which stay
 */
@Schema(name = "UploadRetraction", description = "What the retraction of an upload deletes and retracts.")
public record UploadRetraction(
        @Schema(examples = "9b2e4c1d-6a7f-4e8b-9c0d-1e2f3a4b5c6d") String uploadId,
        @Schema(description = "Articles seen only in this upload: deleted.", examples = "7") int articlesDeleted,
        @Schema(description = "Sightings of this upload removed from articles that stay (seen in other uploads too).",
                examples = "1") int sightingsRetracted) {
}
