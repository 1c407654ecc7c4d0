package org.bulletinsearch.search.query;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Counts of matching articles per filterable value. Each facet applies the other facets' filters but
 * not its own, so selecting one source still shows how many hits the other sources have.
 */
@Schema(description = "Counts per filter value; each facet ignores its own filter")
public record Facets(List<FacetValue> sourceName, List<FacetValue> uploadId, TimeFacet ingestedAt) {
}
