package org.bulletinsearch.search.query;

import java.util.Arrays;
import java.util.Optional;

/** Orders the search API offers; every order ends with the article id so that cursors are stable. */
public enum SortOrder {
    /** Best match first (score), ties by id. */
    RELEVANCE("relevance"),
    /** Most recently ingested first, ties by id. */
    DATE("date");

    private final String parameter;

    SortOrder(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** The order a cursor names. */
    public static Optional<SortOrder> fromParameter(String value) {
        return Arrays.stream(values()).filter(s -> s.parameter.equals(value)).findFirst();
    }
}
