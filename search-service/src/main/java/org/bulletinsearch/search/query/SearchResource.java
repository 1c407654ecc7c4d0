package org.bulletinsearch.search.query;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The search API: full-text search with filters, facets and cursor paging; suggestions; related articles.
 * Error answers (the api-edge problem vocabulary) and the examples are described once, in
 * {@code META-INF/openapi.yaml}.
 */
@Path("/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Find articles of every uploaded bulletin")
@APIResponse(responseCode = "400", ref = "InvalidParameter")
@APIResponse(responseCode = "414", ref = "UriTooLong")
@APIResponse(responseCode = "431", ref = "HeadersTooLarge")
@APIResponse(responseCode = "500", ref = "InternalError")
@APIResponse(responseCode = "503", ref = "SearchEngineUnavailable")
public class SearchResource {

    private final ArticleSearch search;
    private final SearchParameters parameters;

    public SearchResource(ArticleSearch search, QueryConfig config) {
        this.search = search;
        this.parameters = new SearchParameters(config);
    }

    @GET
    @Operation(summary = "Search articles",
            description = "Relevance-ranked full-text search over titles (weighted x3) and bodies, with filters, facets"
                    + " and cursor paging. Syntax: words, \"quoted phrases\", -exclusion, OR (binds tighter than the"
                    + " implicit AND), (grouping), prefix*. Articles with all words come first, exact phrases and words"
                    + " close together above scattered ones; articles lacking some words follow (1-2 words: one needed;"
                    + " 3-4: all but one; 5 or more: 70 %) and the answer says relaxed=true. The customs vocabulary"
                    + " expands acronyms, synonyms and spelling variants (AEO = Authorized Economic Operator,"
                    + " programme = program), below exact matches. English stemming, case and accent folding,"
                    + " hyphenated words match with or without the hyphen. When no article has all words, the search"
                    + " is re-run tolerating typos and the answer says fuzzy=true. Entity filters (country, region,"
                    + " organization, programme, year) are repeatable: any value within one, all of them across.")
    @APIResponse(responseCode = "200", description = "A page of results", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchResponse.class),
            examples = @ExampleObject(name = "hits", ref = "SearchPage")))
    public SearchResponse search(
            @Parameter(description = "The query (at most 1000 characters and 64 words); absent or blank browses"
                    + " everything, newest first", examples = {
                            @ExampleObject(name = "words", value = "madagascar scanning"),
                            @ExampleObject(name = "phrase and exclusion", value = "\"risk management\" -coffee"),
                            @ExampleObject(name = "or", value = "port fiji OR iceland")})
            @QueryParam("q") String q,
            @Parameter(description = "Only articles from this source file; repeat for several (any of them, at most 50)",
                    example = "[\"customs-weekly-2024-10.txt\"]")
            @QueryParam("sourceName") List<String> sourceNames,
            @Parameter(description = "Only articles from this upload; repeat for several (any of them, at most 50)",
                    example = "[\"0d9f6a1e-5b7c-4c4e-9d55-0f0c2b7f4a10\"]")
            @QueryParam("uploadId") List<String> uploadIds,
            @Parameter(description = "Ingested at or after: RFC 3339 timestamp or day, years 1 to 9999", example = "2024-10-01")
            @QueryParam("from") String from,
            @Parameter(description = "Ingested at or before: RFC 3339 timestamp or day (the whole day), years 1 to 9999",
                    example = "2024-10-31")
            @QueryParam("to") String to,
            @Parameter(description = "relevance (default with q) or date (newest first, default without q)",
                    schema = @Schema(enumeration = {"relevance", "date"}))
            @QueryParam("sort") String sort,
            @Parameter(description = "Hits per page, 0 to 100 (default 10; 0 answers only total and facets)", example = "10")
            @QueryParam("size") String size,
            @Parameter(description = "nextCursor of the previous page, with the same q, filters and sort")
            @QueryParam("cursor") String cursor,
            @BeanParam EntityFilterParameters entities) {
        return search.search(parameters.criteria(q, sourceNames, uploadIds, from, to, sort, size, cursor,
                entities.byFacet()));
    }

    @GET
    @Path("/facets/{name}")
    @Operation(summary = "Values of one entity facet",
            description = "The values of country, region, organization, programme or year, most frequent first,"
                    + " counted under q and the filters when given (the facet's own selection is ignored); prefix"
                    + " keeps values one of whose words starts with it, ignoring case and accents (\"wco\" finds"
                    + " \"World Customs Organization (WCO)\").")
    @APIResponse(responseCode = "200", description = "Values with counts", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FacetValuesResponse.class),
            examples = @ExampleObject(name = "prefix", ref = "FacetValues")))
    @APIResponse(responseCode = "404", ref = "FacetNotFound")
    public FacetValuesResponse facetValues(
            @Parameter(description = "country, region, organization, programme or year", example = "country",
                    schema = @Schema(enumeration = {"country", "region", "organization", "programme", "year"}))
            @PathParam("name") String name,
            @Parameter(description = "Only values with a word starting with this (at most 255 characters)", example = "ke")
            @QueryParam("prefix") String prefix,
            @Parameter(description = "How many values, 1 to 100 (default 20)", example = "20") @QueryParam("size") String size,
            @Parameter(description = "Count under this query (same syntax as /search)") @QueryParam("q") String q,
            @Parameter(description = "Count within this source file; repeatable") @QueryParam("sourceName") List<String> sourceNames,
            @Parameter(description = "Count within this upload; repeatable") @QueryParam("uploadId") List<String> uploadIds,
            @BeanParam EntityFilterParameters entities) {
        EntityFacet facet = SearchParameters.facet(name);
        return search.facetValues(parameters.criteria(q, sourceNames, uploadIds, null, null, null, null, null,
                entities.byFacet()), facet, parameters.facetPrefix(prefix), parameters.facetValues(size));
    }

    @GET
    @Path("/suggest")
    @Operation(summary = "Suggest titles as the user types",
            description = "Titles containing the typed words, the last one as a prefix (\"Botsw\" finds the Botswana article).")
    @APIResponse(responseCode = "200", description = "Suggestions, best first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestResponse.class),
            examples = @ExampleObject(name = "prefix", ref = "Suggestions")))
    public SuggestResponse suggest(
            @Parameter(description = "What the user typed so far (at most 200 characters)", example = "Botsw")
            @QueryParam("q") String q,
            @Parameter(description = "How many suggestions, 1 to 20 (default 5)", example = "5")
            @QueryParam("size") String size) {
        return search.suggest(parameters.prefix(q), parameters.suggestions(size));
    }

    @GET
    @Path("/related/{id}")
    @Operation(summary = "Articles like this one", description = "More-like-this over title and body; the article itself is left out.")
    @APIResponse(responseCode = "200", description = "Related articles, most similar first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RelatedResponse.class)))
    @APIResponse(responseCode = "404", ref = "ArticleNotFound")
    public RelatedResponse related(
            @Parameter(description = "Article id (32 lowercase hex characters)", example = "3f1c9a7be0d24c55a1e0f3b8d6a9c2e1")
            @PathParam("id") String id,
            @Parameter(description = "How many, 1 to 100 (default 5)", example = "5") @QueryParam("size") String size) {
        return search.related(SearchParameters.articleId(id), parameters.related(size));
    }
}
