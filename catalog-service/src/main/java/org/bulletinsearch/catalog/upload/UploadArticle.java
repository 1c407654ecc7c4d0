package org.bulletinsearch.catalog.upload;

import java.time.Instant;
import org.bulletinsearch.catalog.article.ArticleSighting;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One article of an upload, at its position in its file. */
@Schema(name = "UploadArticle")
public record UploadArticle(
        @Schema(description = "Name of the file the article is in.", examples = "coastal-bulletin-2026-03-02.txt")
        String sourceName,
        @Schema(description = "1-based position in that file.", examples = "1") int position,
        @Schema(examples = "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a") String id,
        @Schema(examples = "Harbour pilots extend the night pilotage trial") String title,
        @Schema(examples = "The port authority will keep night pilotage open for another season after a quiet first year.")
        String body,
        @Schema(description = "When the article was first ingested, possibly in an earlier upload.",
                examples = "2026-03-02T09:15:00Z") Instant firstSeenAt) {

    static UploadArticle of(ArticleSighting sighting) {
        var article = sighting.getArticle();
        return new UploadArticle(sighting.getSourceName(), sighting.getPosition(), article.getId(), article.getTitle(),
                article.getBody(), article.getFirstSeenAt());
    }
}
