package org.bulletinsearch.catalog.lifecycle;


/**
 * {@code DELETE /uploads/{uploadId}}: what was published, in one transaction.
 *
 * @param uploadId the retracted upload
 * @param articlesDeleted articles seen only in this upload: deleted (a tombstone each)
 * @param sightingsRetracted sightings (file, position) of this upload removed from articles also seen in other
 *     uploads, which stay
 */
public record UploadRetraction(
        String uploadId,
        int articlesDeleted,
        int sightingsRetracted) {
}
