package org.bulletinsearch.search.indexing;

import java.time.Instant;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.TextForms;

/**
 * An article as the index stores it. {@code id} repeats the document {@code _id} as a keyword field:
 * newer Elasticsearch versions refuse to sort on {@code _id}, and cursors tie-break on it.
 * {@code suggest} is the title again, in the search-as-you-type field.
 *
 * <p>Title and body are stored in NFC, the form queries are normalized to: the engine has no Unicode
 * normalization of its own without the ICU plugin, and events published before ingest normalized
 * text (still on the compacted topic, replayed by a reindex) may be decomposed. Invisible format
 * characters stay in the stored text (a soft hyphen still hints where to break a line); the index's
 * analyzers drop them.
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
        String title = TextForms.nfc(event.title());
        return new ArticleDocument(event.articleId(), title, TextForms.nfc(event.body()), title,
                TextForms.nfc(event.sourceName()), event.uploadId(), event.position(), event.ingestedAt());
    }
}
