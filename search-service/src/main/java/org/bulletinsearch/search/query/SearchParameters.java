package org.bulletinsearch.search.query;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.edge.InvalidParameterException;
import org.bulletinsearch.edge.Parameters;
import org.bulletinsearch.edge.ResourceNotFoundException;
import org.bulletinsearch.events.ArticleId;
import org.bulletinsearch.events.TextForms;
import org.bulletinsearch.search.query.SearchCursor.InvalidCursorException;

/**
 * Turns the search API's raw query parameters into validated values, refusing what the API cannot use
 * with an {@link InvalidParameterException} (400, naming the parameter). The generic parsing (sizes,
 * dates between the years 1 and 9999, text without control characters, in NFC, lengths in code points)
 * is api-edge's {@link Parameters}; what is particular to search is here: the query syntax, cursors,
 * and text with invisible format characters removed, as the index's analyzers do. Parameters arrive
 * as strings on purpose: JAX-RS would answer a non-numeric {@code size} with 404.
 */
public final class SearchParameters {

    static final int MAX_FILTER_VALUES = 50;
    static final int MAX_FILTER_VALUE_LENGTH = 255;
    static final int MAX_PREFIX_LENGTH = 200;
    static final int DEFAULT_SUGGESTIONS = 5;
    static final int MAX_SUGGESTIONS = 20;
    static final int DEFAULT_RELATED = 5;

    private final QueryConfig config;

    public SearchParameters(QueryConfig config) {
        this.config = config;
    }

    /** The parameters of {@code GET /search} without entity filters. */
    public SearchCriteria criteria(String q, List<String> sourceNames, List<String> uploadIds, String from, String to,
            String sort, String size, String cursor) {
        return criteria(q, sourceNames, uploadIds, from, to, sort, size, cursor, Map.of());
    }

    /**
     * The parameters of {@code GET /search}.
     *
     * @param entities raw values of the entity filters by facet (absent facets: no filter)
     * @throws InvalidParameterException naming the first parameter the API cannot use
     */
    public SearchCriteria criteria(String q, List<String> sourceNames, List<String> uploadIds, String from, String to,
            String sort, String size, String cursor, Map<EntityFacet, List<String>> entities) {
        UserQuery query = query(q);
        SortOrder order = Parameters.choice("sort", sort, SortOrder.class,
                query == null ? SortOrder.DATE : SortOrder.RELEVANCE);
        Instant ingestedFrom = Parameters.instant("from", from, false);
        Instant ingestedTo = Parameters.instant("to", to, true);
        if (ingestedFrom != null && ingestedTo != null && ingestedFrom.isAfter(ingestedTo)) {
            throw new InvalidParameterException("from", "from (" + ingestedFrom + ") is after to (" + ingestedTo + ")");
        }
        return new SearchCriteria(query, filter("sourceName", sourceNames), filter("uploadId", uploadIds), ingestedFrom,
                ingestedTo, order, Parameters.integer("size", size, config.defaultSize(), 0, config.maxSize()),
                cursor(cursor, order), entityFilters(entities));
    }

    /**
     * {@code collapse}: {@code true} (the default) for one hit per story, {@code false} for every version.
     *
     * @throws InvalidParameterException for anything else
     */
    public static boolean collapse(String collapse) {
        if (collapse == null || collapse.isEmpty() || collapse.equalsIgnoreCase("true")) {
            return true;
        }
        if (collapse.equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidParameterException("collapse", "true or false, was '" + Parameters.abbreviate(collapse) + "'");
    }

    /** {@code mode}: hybrid (the default), keyword or semantic. */
    public SearchMode mode(String mode) {
        return Parameters.choice("mode", mode, SearchMode.class, SearchMode.HYBRID);
    }

    /**
     * The entity filters: values as the index holds them (see {@link EntityValues#canonical}); years must be
     * whole numbers from 1 to 9999.
     */
    Map<EntityFacet, List<String>> entityFilters(Map<EntityFacet, List<String>> raw) {
        Map<EntityFacet, List<String>> filters = new EnumMap<>(EntityFacet.class);
        raw.forEach((facet, values) -> {
            List<String> given = filter(facet.field(), values).stream()
                    .map(v -> facet == EntityFacet.YEAR ? Integer.toString(Parameters.integer("year", v, 0, 1, 9999))
                            : EntityValues.shared().canonical(facet, v))
                    .distinct().toList();
            filters.put(facet, given);
        });
        return filters;
    }

    /** A facet name as a path parameter; unknown names are a 404. */
    public static EntityFacet facet(String name) {
        return EntityFacet.named(name).orElseThrow(() -> new ResourceNotFoundException("facet", name));
    }

    /** A prefix to search facet values by: empty when absent. */
    public String facetPrefix(String prefix) {
        String text = visibleText("prefix", prefix, MAX_FILTER_VALUE_LENGTH);
        return text == null ? "" : text.strip();
    }

    /** How many facet values: 1 to the page size cap, default the facet size. */
    public int facetValues(String size) {
        return Parameters.size("size", size, config.facetSize(), config.maxSize());
    }

    /** The parsed query, or null when {@code q} is absent or blank (browse). */
    public UserQuery query(String q) {
        String text = visibleText("q", q, config.maxQueryLength());
        if (text == null || text.isBlank()) {
            return null;
        }
        UserQuery query = UserQuery.parse(text);
        if (query.termCount() > config.maxTerms()) {
            throw new InvalidParameterException("q", "the query has " + query.termCount() + " words; at most "
                    + config.maxTerms() + " are accepted");
        }
        return query;
    }

    /** A suggestion prefix: empty when absent or blank. */
    public String prefix(String q) {
        String text = visibleText("q", q, MAX_PREFIX_LENGTH);
        return text == null ? "" : text.strip();
    }

    /** How many suggestions: 1 to {@value #MAX_SUGGESTIONS}. */
    public int suggestions(String size) {
        return Parameters.size("size", size, DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS);
    }

    /** How many related articles: 1 to the page size cap. */
    public int related(String size) {
        return Parameters.size("size", size, DEFAULT_RELATED, config.maxSize());
    }

    /** An article id as a path parameter: 32 lowercase hex characters. */
    public static String articleId(String id) {
        if (!ArticleId.isWellFormed(id)) {
            throw new InvalidParameterException("id", "an article id is 32 lowercase hex characters, was '"
                    + Parameters.abbreviate(id) + "'");
        }
        return id;
    }

    /** Free text as {@link Parameters#text} reads it, without the invisible characters the index ignores too. */
    private static String visibleText(String parameter, String value, int maxCodePoints) {
        return TextForms.withoutInvisibles(Parameters.text(parameter, value, maxCodePoints, true));
    }

    /** Values of a repeatable filter; empty values (an empty form field) filter nothing. */
    private static List<String> filter(String parameter, List<String> values) {
        List<String> given = values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
        return Parameters.texts(parameter, given, MAX_FILTER_VALUE_LENGTH, MAX_FILTER_VALUES);
    }

    private static SearchCursor cursor(String cursor, SortOrder order) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        SearchCursor after;
        try {
            after = SearchCursor.decode(cursor);
        } catch (InvalidCursorException e) {
            throw new InvalidParameterException("cursor", "malformed cursor (" + e.getMessage()
                    + "); pass the nextCursor of a previous page unchanged");
        }
        if (after.sort() != order) {
            throw new InvalidParameterException("cursor", "the cursor belongs to sort=" + after.sort().parameter()
                    + ", not sort=" + order.parameter());
        }
        return after;
    }
}
