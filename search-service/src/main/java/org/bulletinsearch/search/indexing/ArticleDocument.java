package org.bulletinsearch.search.indexing;

import java.time.Instant;
import org.bulletinsearch.events.ArticleEvent;

/**
 * An article as the index stores it. {@code id} repeats the document {@code _id} as a keyword field:
 * newer Elasticsearch versions refuse to sort on {@code _id}, and cursors tie-break on it.
 * {@code suggest} is the title again, in the search-as-you-type field.
 */
public record ArticleDocument(
        String id,
        String title,
        String body,
        String suggest,
        String sourceName,
        String uploadId,
        int position,
        Instant ingestedAt) {

    public static ArticleDocument of(ArticleEvent event) {
        return new ArticleDocument(event.articleId(), event.title(), event.body(), event.title(), event.sourceName(),
                event.uploadId(), event.position(), event.ingestedAt());
    }
}
