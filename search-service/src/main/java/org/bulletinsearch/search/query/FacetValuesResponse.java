package org.bulletinsearch.search.query;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Values of one entity facet, for long lists a user searches within. */
public record FacetValuesResponse(
        @Schema(description = "The facet", example = "country") String facet,
        @Schema(description = "The prefix as received; empty for the top values", example = "ke") String prefix,
        @Schema(description = "Matching values, most frequent first, counted under the query and the other filters")
        List<FacetValue> values) {
}
