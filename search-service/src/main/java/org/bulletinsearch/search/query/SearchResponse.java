package org.bulletinsearch.search.query;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of search results. */
public record SearchResponse(
        @Schema(description = "The query as received; absent when browsing") String query,
        @Schema(description = "Number of matching articles (all pages, filters applied)", example = "42") long total,
        @Schema(description = "True when the exact query found too little and these results tolerate typos")
        boolean fuzzy,
        @Schema(description = "True when hits lacking some of the query's words are included (after those with all"
                + " of them): a query of 1-2 words needs one, of 3-4 all but one, of 5 or more 70 %")
        boolean relaxed,
        @Schema(example = "relevance") String sort,
        List<SearchHit> hits,
        Facets facets,
        @Schema(description = "Pass as cursor= (with the same q, filters and sort) for the next page; absent on the last page")
        String nextCursor) {
}
