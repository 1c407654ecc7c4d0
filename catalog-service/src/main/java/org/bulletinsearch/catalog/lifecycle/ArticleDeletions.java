package org.bulletinsearch.catalog.lifecycle;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /articles/{id}/deletions}.
 *
 * @param articleId the article
 * @param deletions its deletions and retractions, oldest first
 */
@Schema(name = "ArticleDeletions", description = "The deletion audit of one article, oldest first.")
public record ArticleDeletions(
        @Schema(examples = "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a") String articleId,
        List<DeletionRecord> deletions) {
}
