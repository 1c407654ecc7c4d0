package org.bulletinsearch.catalog.article;

import java.util.Arrays;
import java.util.Optional;

/** Orders of {@code GET /articles}; both by first-seen time, ties broken by id. */
public enum ArticleSort {
    /** Most recently ingested first: the default. */
    NEWEST("newest", "desc", "<"),
    OLDEST("oldest", "asc", ">");

    private final String parameter;
    private final String direction;
    private final String after;

    ArticleSort(String parameter, String direction, String after) {
        this.parameter = parameter;
        this.direction = direction;
        this.after = after;
    }

    public String parameter() {
        return parameter;
    }

    /** SQL direction, {@code asc} or {@code desc}. */
    String direction() {
        return direction;
    }

    /** Comparison that selects the rows after a keyset position in this order. */
    String after() {
        return after;
    }

    public static Optional<ArticleSort> fromParameter(String value) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(value)).findFirst();
    }
}
