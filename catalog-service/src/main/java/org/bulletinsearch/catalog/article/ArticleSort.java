package org.bulletinsearch.catalog.article;

import java.util.Locale;

/** Orders of {@code GET /articles}; both by first-seen time, ties broken by id. */
public enum ArticleSort {
    /** Most recently ingested first: the default. */
    NEWEST("desc", "<"),
    /** Earliest ingested first. */
    OLDEST("asc", ">");

    private final String direction;
    private final String after;

    ArticleSort(String direction, String after) {
        this.direction = direction;
        this.after = after;
    }

    /** The value of the {@code sort} parameter, e.g. {@code newest}. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** SQL direction, {@code asc} or {@code desc}. */
    String direction() {
        return direction;
    }

    /** Comparison that selects the rows after a keyset position in this order. */
    String after() {
        return after;
    }
}
