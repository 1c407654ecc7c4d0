package org.bulletinsearch.search.page;

import java.util.List;

/**
 * Everything the search page ({@code templates/search.html}) shows.
 *
 * @param state the search as its URL says it
 * @param status the HTTP status of the answer (a refused query is a 400, an engine that is down a 503)
 * @param heading "Results 1-10 of 42", or why there are none
 * @param announcement what a screen reader says once the results changed
 * @param notice how the results were found when not as typed (relaxed, typo-tolerant); null otherwise
 * @param error why the search could not run, for a person; null when it ran
 * @param from the number of the first hit of this page (1-based)
 * @param nextUrl the next page; null on the last
 * @param firstUrl the first page; null on it
 */
public record SearchView(SearchState state, int status, String heading, String announcement, String notice,
        String error, List<HitView> hits, int from, List<FacetGroup> facets, String nextUrl, String firstUrl)
        implements PageView {

    /** What the search box holds. */
    public String query() {
        return state.q();
    }

    /** The page title. */
    public String title() {
        return state.q().isBlank() ? "Search" : state.q() + " – Search";
    }

    /** A search that could not run: the form with the query as typed, and why. */
    static SearchView failed(SearchState state, int status, String error) {
        return new SearchView(state, status, "No results", error, null, error, List.of(), 1, List.of(), null,
                state.cursor() == null ? null : state.firstPage().url());
    }
}
