package org.bulletinsearch.search.page;

import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a search page shows, as its URL says it: the query, the ticked facet values and where the page starts.
 * Every state has its own URL ({@link #url()}), so a search can be bookmarked, shared and gone back to. The
 * parameters are the page's own, close to the API's: {@code source} is the API's {@code sourceName}.
 *
 * @param q the query as typed; empty to browse
 * @param filters ticked values per filter parameter ({@link #FILTERS}), in that order; filters without values absent
 * @param cursor the API cursor this page starts at; null for the first page
 * @param start how many hits came before this page (for "results 11-20"), 0 on the first page
 */
public record SearchState(String q, Map<String, List<String>> filters, String cursor, int start) {

    /** The filter parameters, in the order the page lists them. */
    public static final List<String> FILTERS = List.of("country", "region", "organization", "programme", "year",
            "source");

    /** Highest {@code start} taken from a URL; it only numbers the hits. */
    private static final int MAX_START = 1_000_000;

    public SearchState {
        q = q == null ? "" : q;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (String name : FILTERS) {
            List<String> values = filters.getOrDefault(name, List.of()).stream()
                    .filter(v -> v != null && !v.isBlank()).distinct().toList();
            if (!values.isEmpty()) {
                copy.put(name, values);
            }
        }
        filters = Map.copyOf(copy);
        cursor = cursor == null || cursor.isBlank() ? null : cursor;
        start = cursor == null ? 0 : Math.max(0, Math.min(start, MAX_START));
    }

    /** The state a page URL's query parameters describe; unknown parameters are ignored. */
    public static SearchState of(MultivaluedMap<String, String> parameters) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String name : FILTERS) {
            List<String> values = parameters.get(name);
            if (values != null) {
                filters.put(name, values);
            }
        }
        return new SearchState(parameters.getFirst("q"), filters, parameters.getFirst("cursor"),
                number(parameters.getFirst("start")));
    }

    /** The values ticked for one filter parameter; empty when none. */
    public List<String> values(String filter) {
        return filters.getOrDefault(filter, List.of());
    }

    /** The page that starts at {@code nextCursor}, after {@code start} hits. */
    public SearchState page(String nextCursor, int nextStart) {
        return new SearchState(q, filters, nextCursor, nextStart);
    }

    /** The first page of the same search. */
    public SearchState firstPage() {
        return new SearchState(q, filters, null, 0);
    }

    /** The URL of this state, relative to the site: {@code /?q=...&country=...&cursor=...&start=...}. */
    public String url() {
        StringJoiner query = new StringJoiner("&");
        if (!q.isBlank()) {
            query.add("q=" + encode(q));
        }
        for (String name : FILTERS) {
            values(name).forEach(value -> query.add(name + "=" + encode(value)));
        }
        if (cursor != null) {
            query.add("cursor=" + encode(cursor)).add("start=" + start);
        }
        return query.length() == 0 ? "/" : "/?" + query;
    }

    /** The URL of a search for everything with one filter value (the article page's links). */
    public static String filtered(String filter, String value) {
        return new SearchState("", Map.of(filter, List.of(value)), null, 0).url();
    }

    /** The URL of a search for {@code q} alone (what a suggestion leads to). */
    public static String query(String q) {
        return new SearchState(q, Map.of(), null, 0).url();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int number(String value) {
        if (value == null || value.isBlank() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Integer.parseInt(value);
    }
}
