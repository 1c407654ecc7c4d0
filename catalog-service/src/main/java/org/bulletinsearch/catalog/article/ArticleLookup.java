package org.bulletinsearch.catalog.article;

/** What {@code GET /articles/{id}} finds: the article, or the correction that replaced it. */
public sealed interface ArticleLookup {

    /**
     * The article is current.
     *
     * @param details the article and its provenance
     */
    record Found(ArticleDetails details) implements ArticleLookup {
    }

    /**
     * The article was corrected: readers are sent to the correction.
     *
     * @param correction which article replaced it
     */
    record Superseded(Correction correction) implements ArticleLookup {
    }
}
