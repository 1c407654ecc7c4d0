package org.bulletinsearch.search.query;

import java.time.Instant;

/** Matching articles ingested from {@code from} on, for one interval of the time facet. */
public record TimeBucket(Instant from, long count) {
}
