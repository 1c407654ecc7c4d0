package org.bulletinsearch.search.query;

import java.util.List;

/**
 * A page of search results.
 *
 * @param total how many articles match (every version of a story counts, as in the facets)
 * @param modes what found the hits: {@code keyword}, {@code semantic} or both (empty when nothing was found)
 * @param collapsed whether the hits are one per story (other versions folded into each hit); false when
 *     {@code collapse=false} was asked or the catalog could not say which articles are one story
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
        List<String> modes,
        boolean collapsed) {
}
