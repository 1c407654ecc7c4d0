package org.bulletinsearch.catalog.upload;

import java.time.Instant;
import java.util.List;

/** {@code GET /uploads/{uploadId}}: the articles of one upload in file order, a page at a time. */
public record UploadArticles(
        String uploadId,
        String sourceName,
        Instant ingestedAt,
        long articleCount,
        List<UploadSource> sources,
        List<UploadArticle> articles,
        String nextCursor) {
}
