package org.bulletinsearch.catalog.article;

import com.fasterxml.jackson.annotation.JsonValue;

/** How far the {@code total} of a first page of {@code GET /articles} can be taken at its word. */
public enum TotalAccuracy {

    /** Counted: exactly this many articles match. */
    EXACT("exact"),
    /**
     * PostgreSQL's estimate for the unfiltered listing ({@code pg_class.reltuples}, refreshed by autovacuum's
     * ANALYZE: typically within about 10% of the truth), used only when it is above the exact-count limit.
     */
    ESTIMATE("estimate"),
    /** At least this many match: counting stopped at the limit. */
    LOWER_BOUND("lower-bound");

    private final String value;

    TotalAccuracy(String value) {
        this.value = value;
    }

    /** The JSON form: {@code exact}, {@code estimate} or {@code lower-bound}. */
    @JsonValue
    public String value() {
        return value;
    }
}
