package org.bulletinsearch.catalog.upload;

import java.time.Instant;
import org.bulletinsearch.catalog.article.ArticleSighting;

/** One article of an upload, at its position in its file. */
public record UploadArticle(
        String sourceName,
        int position,
        String id,
        String title,
        String body,
        Instant firstSeenAt) {

    static UploadArticle of(ArticleSighting sighting) {
        var article = sighting.getArticle();
        return new UploadArticle(sighting.getSourceName(), sighting.getPosition(), article.getId(), article.getTitle(),
                article.getBody(), article.getFirstSeenAt());
    }
}
