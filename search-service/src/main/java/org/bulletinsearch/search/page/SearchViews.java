package org.bulletinsearch.search.page;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.search.query.ArticleSearch;
import org.bulletinsearch.search.query.EntityFacet;
import org.bulletinsearch.search.query.Facets;
import org.bulletinsearch.search.query.QueryConfig;
import org.bulletinsearch.search.query.SearchCriteria;
import org.bulletinsearch.search.query.SearchParameters;
import org.bulletinsearch.search.query.SearchMode;
import org.bulletinsearch.search.query.SearchResponse;
import org.bulletinsearch.search.query.SuggestResponse;

/**
 * The search page's content: runs the search the page's URL describes in process, through the same
 * {@link SearchParameters} and {@link ArticleSearch} as the API (same validation, same query), and turns the
 * answer into a {@link SearchView}. Problems (a query the API refuses, the engine down) become text on the
 * page with their status, never an exception.
 */
@ApplicationScoped
public class SearchViews {

    /** Suggestions shown under the search box. */
    static final int SUGGESTIONS = 6;

    private final ArticleSearch search;
    private final SearchParameters parameters;

    public SearchViews(ArticleSearch search, QueryConfig config) {
        this.search = search;
        this.parameters = new SearchParameters(config);
    }

    /** The results page of {@code state}. */
    public SearchView search(SearchState state) {
        SearchCriteria criteria;
        SearchResponse response;
        try {
            criteria = parameters.criteria(state.q(), state.values("source"), List.of(), null, null, null, null,
                    state.cursor(), entities(state));
            response = search.search(criteria, SearchMode.HYBRID, true);
        } catch (HttpProblem problem) {
            return SearchView.failed(state, problem.getStatusCode(),
                    Problems.forPeople(problem, "The search could not run"));
        }
        return view(state, criteria, response);
    }

    /**
     * Titles completing what was typed, each leading to a search for that title.
     *
     * @return empty when nothing was typed, nothing matches or the engine cannot answer (suggestions are a help,
     *         not a page: their failure shows nothing)
     */
    public List<SuggestionView> suggestions(String typed) {
        try {
            SuggestResponse answer = search.suggest(parameters.prefix(typed), SUGGESTIONS);
            return answer.suggestions().stream()
                    .map(s -> new SuggestionView(s.title(), SearchState.query(s.title()))).toList();
        } catch (HttpProblem problem) {
            return List.of();
        }
    }

    private static Map<EntityFacet, List<String>> entities(SearchState state) {
        Map<EntityFacet, List<String>> entities = new EnumMap<>(EntityFacet.class);
        for (EntityFacet facet : EntityFacet.values()) {
            List<String> values = state.values(facet.field());
            if (!values.isEmpty()) {
                entities.put(facet, values);
            }
        }
        return entities;
    }

    private static SearchView view(SearchState state, SearchCriteria criteria, SearchResponse response) {
        List<HitView> hits = response.hits().stream().map(HitView::of).toList();
        int from = state.start() + 1;
        int to = state.start() + hits.size();
        String heading = hits.isEmpty() ? (response.total() == 0 ? "No articles found" : "No more results")
                : "Results " + from + "–" + to + " of " + response.total();
        String announcement = response.total() == 1 ? "1 article found" : response.total() + " articles found";
        String notice = response.fuzzy() ? "No article has every word as typed: these allow for typing mistakes."
                : response.relaxed() ? "Articles with every word come first; the others lack some of them." : null;
        String next = response.nextCursor() == null ? null : state.page(response.nextCursor(), to).url();
        String first = state.cursor() == null ? null : state.firstPage().url();
        return new SearchView(state, 200, heading, announcement, notice, null, hits, from,
                facets(response.facets(), criteria), next, first);
    }

    private static List<FacetGroup> facets(Facets facets, SearchCriteria criteria) {
        Map<EntityFacet, List<String>> ticked = criteria.entities();
        List<FacetGroup> groups = new ArrayList<>();
        groups.add(FacetGroup.of("country", "Country", facets.country(),
                ticked.getOrDefault(EntityFacet.COUNTRY, List.of())));
        groups.add(FacetGroup.of("region", "Region", facets.region(),
                ticked.getOrDefault(EntityFacet.REGION, List.of())));
        groups.add(FacetGroup.of("organization", "Organization", facets.organization(),
                ticked.getOrDefault(EntityFacet.ORGANIZATION, List.of())));
        groups.add(FacetGroup.of("programme", "Programme", facets.programme(),
                ticked.getOrDefault(EntityFacet.PROGRAMME, List.of())));
        groups.add(FacetGroup.of("year", "Year", facets.year(), ticked.getOrDefault(EntityFacet.YEAR, List.of())));
        groups.add(FacetGroup.of("source", "Source file", facets.sourceName(), criteria.sourceNames()));
        return groups.stream().filter(group -> !group.options().isEmpty()).toList();
    }
}
