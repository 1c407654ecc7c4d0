package org.bulletinsearch.search.query;

import java.util.List;

/** Matching articles over ingestion time, in at most ten buckets of an interval the engine picks. */
public record TimeFacet(
        String interval,
        List<TimeBucket> buckets) {
}
