package org.bulletinsearch.catalog.article;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article in a list. */
@Schema(name = "ArticleSummary", description = "An article of the catalog, as listed by GET /articles.")
public record ArticleSummary(
        @Schema(description = "Content-derived id: 32 lowercase hex characters.", examples = "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a")
        String id,
        @Schema(examples = "Harbour pilots extend the night pilotage trial")
        String title,
        @Schema(examples = "The port authority will keep night pilotage open for another season after a quiet first year.")
        String body,
        @Schema(description = "ingestedAt of the first upload the article was stored from.", examples = "2026-03-02T09:15:00Z")
        Instant firstSeenAt,
        @Schema(description = "ingestedAt of the latest upload the article appeared in.", examples = "2026-03-09T07:40:00Z")
        Instant lastSeenAt) {

    static ArticleSummary of(Article article) {
        return new ArticleSummary(article.getId(), article.getTitle(), article.getBody(), article.getFirstSeenAt(),
                article.getLastSeenAt());
    }
}
