package org.bulletinsearch.search.query;

import java.util.List;

/**
 * Counts of matching articles per filterable value, the most frequent first. Each facet applies the other
 * facets' filters but not its own, so selecting one source still shows how many hits the other sources have.
 */
public record Facets(
        List<FacetValue> sourceName,
        List<FacetValue> uploadId,
        TimeFacet ingestedAt,
        List<FacetValue> country,
        List<FacetValue> region,
        List<FacetValue> organization,
        List<FacetValue> programme,
        List<FacetValue> year) {
}
