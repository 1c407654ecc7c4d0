package org.bulletinsearch.catalog.article;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /articles/{id}}: the article and its provenance. */
@Schema(name = "ArticleDetails", description = "An article with every upload it appeared in.")
public record ArticleDetails(
        @Schema(examples = "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a")
        String id,
        @Schema(examples = "Harbour pilots extend the night pilotage trial")
        String title,
        @Schema(examples = "The port authority will keep night pilotage open for another season after a quiet first year.")
        String body,
        @Schema(examples = "2026-03-02T09:15:00Z")
        Instant firstSeenAt,
        @Schema(examples = "2026-03-09T07:40:00Z")
        Instant lastSeenAt,
        @Schema(description = "When the catalog first stored the article.", examples = "2026-03-02T09:15:01.204Z")
        Instant storedAt,
        @Schema(description = "What the article is about: countries, regions, organizations, programmes, years.")
        EntityFacets entities,
        @Schema(description = "The id of the earlier article this one corrects (that one now redirects here); null"
                + " when it corrects nothing.", examples = "0c7d3a4e9f1b2c5d6e7f8091a2b3c4d5", nullable = true)
        String supersedes,
        @Schema(description = "Every (upload, file, position) the article was seen in, oldest first.")
        List<Sighting> provenance) {

    static ArticleDetails of(Article article, List<ArticleSighting> sightings) {
        return new ArticleDetails(article.getId(), article.getTitle(), article.getBody(), article.getFirstSeenAt(),
                article.getLastSeenAt(), article.getStoredAt(), article.getEntities(), article.getSupersedes(),
                sightings.stream().map(Sighting::of).toList());
    }
}
