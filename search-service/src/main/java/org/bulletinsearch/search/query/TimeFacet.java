package org.bulletinsearch.search.query;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Matching articles over ingestion time, in at most ten buckets of an interval the engine picks. */
public record TimeFacet(
        @Schema(description = "Bucket width chosen by the engine, e.g. 1d, 7d, 1M", example = "1d") String interval,
        List<TimeBucket> buckets) {
}
