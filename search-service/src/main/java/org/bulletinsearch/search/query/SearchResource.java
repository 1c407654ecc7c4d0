package org.bulletinsearch.search.query;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The search API: full-text search with filters, facets and cursor paging; suggestions; related articles.
 * Documented, with the api-edge problem answers and examples, in {@code META-INF/openapi.yaml}, the
 * service's OpenAPI contract.
 */
@Path("/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final ArticleSearch search;
    private final SearchParameters parameters;

    public SearchResource(ArticleSearch search, QueryConfig config) {
        this.search = search;
        this.parameters = new SearchParameters(config);
    }

    @GET
    public SearchResponse search(
            @QueryParam("q") String q,
            @QueryParam("sourceName") List<String> sourceNames,
            @QueryParam("uploadId") List<String> uploadIds,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("sort") String sort,
            @QueryParam("size") String size,
            @QueryParam("cursor") String cursor,
            @QueryParam("mode") String mode,
            @QueryParam("collapse") String collapse,
            @BeanParam EntityFilterParameters entities) {
        return search.search(parameters.criteria(q, sourceNames, uploadIds, from, to, sort, size, cursor,
                entities.byFacet()), parameters.mode(mode), SearchParameters.collapse(collapse));
    }

    @GET
    @Path("/facets/{name}")
    public FacetValuesResponse facetValues(
            @PathParam("name") String name,
            @QueryParam("prefix") String prefix,
            @QueryParam("size") String size,
            @QueryParam("q") String q,
            @QueryParam("sourceName") List<String> sourceNames,
            @QueryParam("uploadId") List<String> uploadIds,
            @BeanParam EntityFilterParameters entities) {
        EntityFacet facet = SearchParameters.facet(name);
        return search.facetValues(parameters.criteria(q, sourceNames, uploadIds, null, null, null, null, null,
                entities.byFacet()), facet, parameters.facetPrefix(prefix), parameters.facetValues(size));
    }

    @GET
    @Path("/suggest")
    public SuggestResponse suggest(
            @QueryParam("q") String q,
            @QueryParam("size") String size) {
        return search.suggest(parameters.prefix(q), parameters.suggestions(size));
    }

    @GET
    @Path("/related/{id}")
    public RelatedResponse related(
            @PathParam("id") String id,
            @QueryParam("size") String size) {
        return search.related(SearchParameters.articleId(id), parameters.related(size));
    }
}
