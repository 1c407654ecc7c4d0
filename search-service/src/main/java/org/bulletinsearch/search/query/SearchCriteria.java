package org.bulletinsearch.search.query;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
 * @param entities per entity facet, the canonical values an article must have one of; facets without a
 *                 selection are absent (AND across facets, OR within one)
 */
public record SearchCriteria(
        UserQuery query,
        List<String> sourceNames,
        List<String> uploadIds,
        Instant ingestedFrom,
        Instant ingestedTo,
        SortOrder sort,
        int size,
        SearchCursor cursor,
        Map<EntityFacet, List<String>> entities) {

    public SearchCriteria {
        sourceNames = List.copyOf(sourceNames);
        uploadIds = List.copyOf(uploadIds);
        EnumMap<EntityFacet, List<String>> selected = new EnumMap<>(EntityFacet.class);
        entities.forEach((facet, values) -> {
            if (!values.isEmpty()) {
                selected.put(facet, List.copyOf(values));
            }
        });
        entities = Collections.unmodifiableMap(selected);
    }

    /** A request without entity filters. */
    public SearchCriteria(UserQuery query, List<String> sourceNames, List<String> uploadIds, Instant ingestedFrom,
            Instant ingestedTo, SortOrder sort, int size, SearchCursor cursor) {
        this(query, sourceNames, uploadIds, ingestedFrom, ingestedTo, sort, size, cursor, Map.of());
    }

    /** Whether this page (and those after it) come from the typo-tolerant query. */
    public boolean fuzzy() {
        return cursor != null && cursor.fuzzy();
    }
}
