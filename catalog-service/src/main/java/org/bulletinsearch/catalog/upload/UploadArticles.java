package org.bulletinsearch.catalog.upload;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /uploads/{uploadId}}: the articles of one upload in file order, a page at a time. */
@Schema(name = "UploadArticles")
public record UploadArticles(
        @Schema(example = "9b2e4c1d-6a7f-4e8b-9c0d-1e2f3a4b5c6d") String uploadId,
        @Schema(description = "Name of the uploaded file.", example = "coastal-bulletin-2026-03-02.txt") String sourceName,
        @Schema(description = "When the ingest service accepted the upload.", example = "2026-03-02T09:15:00Z")
        Instant ingestedAt,
        @Schema(description = "Articles of this upload the catalog holds.", example = "10") long articleCount,
        @Schema(description = "This page of them, in position order.") List<UploadArticle> articles,
        @Schema(description = "Pass as `after` for the next page; null on the last page.", example = "100",
                nullable = true) Integer nextAfter) {
}
