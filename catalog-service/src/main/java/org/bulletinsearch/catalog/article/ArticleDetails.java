package org.bulletinsearch.catalog.article;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /articles/{id}}: the article, its story ({@code GET /stories/{storyId}} lists every version; while
 * {@code storyPending}, the article has not been compared with the others yet and is its own story) and its
 * provenance.
 */
public record ArticleDetails(
        String id,
        String title,
        String body,
        Instant firstSeenAt,
        Instant lastSeenAt,
        Instant storedAt,
        EntityFacets entities,
        String supersedes,
        String storyId,
        boolean storyPending,
        List<Sighting> provenance) {

    static ArticleDetails of(Article article, List<ArticleSighting> sightings) {
        return new ArticleDetails(article.getId(), article.getTitle(), article.getBody(), article.getFirstSeenAt(),
                article.getLastSeenAt(), article.getStoredAt(), article.getEntities(), article.getSupersedes(),
                article.getStoryId(), article.isStoryPending(),
                sightings.stream().map(Sighting::of).toList());
    }
}
