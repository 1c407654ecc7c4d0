package org.bulletinsearch.search.query;

import java.util.List;

/**
 * A page of search results.
 *
 * @param modes what found the hits: {@code keyword}, {@code semantic} or both (empty when nothing was found)
 */
public record SearchResponse(
        String query,
        long total,
        boolean fuzzy,
        boolean relaxed,
        String sort,
        List<SearchHit> hits,
        Facets facets,
        String nextCursor,
        List<String> modes) {
}
