package org.bulletinsearch.catalog.upload;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /uploads/{uploadId}}: the articles of one upload in file order, a page at a time. */
@Schema(name = "UploadArticles")
public record UploadArticles(
        @Schema(examples = "9b2e4c1d-6a7f-4e8b-9c0d-1e2f3a4b5c6d") String uploadId,
        @Schema(description = "Name of the upload's first file by name (every file: sources).",
                examples = "coastal-bulletin-2026-03-02.txt") String sourceName,
        @Schema(description = "When the ingest service accepted the upload.", examples = "2026-03-02T09:15:00Z")
        Instant ingestedAt,
        @Schema(description = "Articles of this upload the catalog holds, one per (file, position): equal to the"
                + " ingest report's articleCount once consumed.", examples = "10") long articleCount,
        @Schema(description = "The upload's files, by name.") List<UploadSource> sources,
        @Schema(description = "This page of the articles, by file name, then position.") List<UploadArticle> articles,
        @Schema(description = "Pass as `cursor` for the next page; null on the last page.",
                examples = "dTF8MXwzZjdhOWMwZTViMWQ0YTJmOGU2YzdiOWEwZDFlMmYzYXxjb2FzdGFsLWJ1bGxldGluLTIwMjYtMDMtMDIudHh0",
                nullable = true)
        String nextCursor) {
}
