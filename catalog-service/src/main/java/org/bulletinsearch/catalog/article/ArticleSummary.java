package org.bulletinsearch.catalog.article;

import java.time.Instant;

/** An article in a list. */
public record ArticleSummary(
        String id,
        String title,
        String body,
        Instant firstSeenAt,
        Instant lastSeenAt) {

    static ArticleSummary of(Article article) {
        return new ArticleSummary(article.getId(), article.getTitle(), article.getBody(), article.getFirstSeenAt(),
                article.getLastSeenAt());
    }
}
