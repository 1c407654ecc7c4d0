package org.bulletinsearch.catalog.lifecycle;

import java.util.List;

/**
 * {@code GET /articles/{id}/deletions}.
 *
 * @param articleId the article
 * @param deletions its deletions and retractions, oldest first
 */
public record ArticleDeletions(
        String articleId,
        List<DeletionRecord> deletions) {
}
