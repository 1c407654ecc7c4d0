package org.bulletinsearch.search.query;

import java.util.List;

/** Values of one entity facet, for long lists a user searches within. */
public record FacetValuesResponse(
        String facet,
        String prefix,
        List<FacetValue> values) {
}
