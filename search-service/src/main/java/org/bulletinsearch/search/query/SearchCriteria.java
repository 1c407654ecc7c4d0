package org.bulletinsearch.search.query;

import java.time.Instant;
import java.util.List;

/**
 * A validated search request.
 *
 * @param query what the user typed, parsed; null to browse everything that matches the filters
 * @param sourceNames only articles from these sources (any of them); empty for all
 * @param uploadIds only articles from these uploads (any of them); empty for all
 * @param ingestedFrom only articles ingested at or after this instant; null for no lower bound
 * @param ingestedTo only articles ingested at or before this instant; null for no upper bound
 * @param sort the order of the hits
 * @param size hits per page
 * @param cursor where this page starts; null for the first page
 */
public record SearchCriteria(
        UserQuery query,
        List<String> sourceNames,
        List<String> uploadIds,
        Instant ingestedFrom,
        Instant ingestedTo,
        SortOrder sort,
        int size,
        SearchCursor cursor) {

    public SearchCriteria {
        sourceNames = List.copyOf(sourceNames);
        uploadIds = List.copyOf(uploadIds);
    }

    /** Whether this page (and those after it) come from the typo-tolerant query. */
    public boolean fuzzy() {
        return cursor != null && cursor.fuzzy();
    }
}
