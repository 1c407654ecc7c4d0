package org.bulletinsearch.search.query;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Counts of matching articles per filterable value, the most frequent first. Each facet applies the other
 * facets' filters but not its own, so selecting one source still shows how many hits the other sources have.
 */
@Schema(description = "Counts per filter value, most frequent first; each facet ignores its own filter")
public record Facets(
        List<FacetValue> sourceName,
        List<FacetValue> uploadId,
        TimeFacet ingestedAt,
        @Schema(description = "Countries the articles name (canonical English short names)") List<FacetValue> country,
        @Schema(description = "World regions: UN M49 regions of those countries and regions named") List<FacetValue> region,
        @Schema(description = "Organizations, as \"Full Name (ACRONYM)\" or the full name") List<FacetValue> organization,
        @Schema(description = "Programmes and instruments, named as organizations are") List<FacetValue> programme,
        @Schema(description = "Years the articles mention, the value as a string (\"2024\")") List<FacetValue> year) {
}
