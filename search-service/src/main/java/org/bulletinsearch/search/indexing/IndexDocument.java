package org.bulletinsearch.search.indexing;

import java.util.Objects;

/** One document to write: its {@code _id} and the source the engine stores (normally an {@link ArticleDocument}). */
public record IndexDocument(String id, Object source) {

    public IndexDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
    }

    public static IndexDocument of(ArticleDocument article) {
        return new IndexDocument(article.id(), article);
    }
}
