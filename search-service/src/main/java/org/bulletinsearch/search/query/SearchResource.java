package org.bulletinsearch.search.query;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bulletinsearch.events.ArticleId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The search API: full-text search with filters, facets and cursor paging; suggestions; related articles. */
@Path("/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Find articles of every uploaded bulletin")
public class SearchResource {

    static final int DEFAULT_SUGGESTIONS = 5;
    static final int MAX_SUGGESTIONS = 20;
    static final int DEFAULT_RELATED = 5;

    private static final String PROBLEM = "application/problem+json";
    private static final String SEARCH_EXAMPLE = """
            {"query":"madagascar scanning","total":1,"fuzzy":false,"sort":"relevance",
             "hits":[{"id":"3f1c9a7be0d24c55a1e0f3b8d6a9c2e1","title":"Madagascar Customs Modernises Cargo Scanning",
                      "titleHighlight":"<em>Madagascar</em> Customs Modernises Cargo <em>Scanning</em>",
                      "snippet":"New scanners at the port of Toamasina let officers in <em>Madagascar</em> inspect containers",
                      "score":7.21,"sourceName":"customs-weekly-2024-10.txt","uploadId":"0d9f6a1e-5b7c-4c4e-9d55-0f0c2b7f4a10",
                      "position":3,"ingestedAt":"2024-10-07T08:30:00Z"}],
             "facets":{"sourceName":[{"value":"customs-weekly-2024-10.txt","count":1}],
                       "uploadId":[{"value":"0d9f6a1e-5b7c-4c4e-9d55-0f0c2b7f4a10","count":1}],
                       "ingestedAt":{"interval":"1d","buckets":[{"from":"2024-10-07T00:00:00Z","count":1}]}},
             "nextCursor":null}""";
    private static final String BAD_REQUEST_EXAMPLE = """
            {"status":400,"title":"Bad Request","detail":"size must be between 0 and 100, was 500","parameter":"size",
             "instance":"/search"}""";

    private final ArticleSearch search;
    private final SearchParameters parameters;
    private final QueryConfig config;

    public SearchResource(ArticleSearch search, QueryConfig config) {
        this.search = search;
        this.config = config;
        this.parameters = new SearchParameters(config);
    }

    @GET
    @Operation(summary = "Search articles",
            description = "Relevance-ranked full-text search over titles (weighted x3) and bodies, with filters, facets"
                    + " and cursor paging. Syntax: words (all must match), \"quoted phrases\", -exclusion, OR (binds"
                    + " tighter than the implicit AND), (grouping), prefix*. English stemming, case and accent folding,"
                    + " hyphenated words match with or without the hyphen. When the exact query finds nothing, the search"
                    + " is re-run tolerating typos and the answer says fuzzy=true.")
    @APIResponse(responseCode = "200", description = "A page of results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchResponse.class),
                    examples = @ExampleObject(name = "hits", value = SEARCH_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter the API cannot use (the problem names it)",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "size over the cap", value = BAD_REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "503", description = "The search engine is unreachable or the index is not created yet",
            content = @Content(mediaType = PROBLEM))
    public SearchResponse search(
            @Parameter(description = "The query; absent or blank browses everything (newest first)",
                    examples = {@ExampleObject(name = "words", value = "madagascar scanning"),
                            @ExampleObject(name = "phrase and exclusion", value = "\"risk management\" -coffee"),
                            @ExampleObject(name = "or", value = "port fiji OR iceland")})
            @QueryParam("q") String q,
            @Parameter(description = "Only articles from this source file; repeat for several (any of them)",
                    example = "customs-weekly-2024-10.txt")
            @QueryParam("sourceName") List<String> sourceNames,
            @Parameter(description = "Only articles from this upload; repeat for several (any of them)",
                    example = "0d9f6a1e-5b7c-4c4e-9d55-0f0c2b7f4a10")
            @QueryParam("uploadId") List<String> uploadIds,
            @Parameter(description = "Ingested at or after: ISO-8601 instant or day", example = "2024-10-01")
            @QueryParam("from") String from,
            @Parameter(description = "Ingested at or before: ISO-8601 instant or day (the whole day)", example = "2024-10-31")
            @QueryParam("to") String to,
            @Parameter(description = "relevance (default with q) or date (newest first, default without q)",
                    schema = @Schema(enumeration = {"relevance", "date"}))
            @QueryParam("sort") String sort,
            @Parameter(description = "Hits per page, 0 to 100 (default 10)", example = "10")
            @QueryParam("size") String size,
            @Parameter(description = "nextCursor of the previous page")
            @QueryParam("cursor") String cursor) {
        return search.search(parameters.criteria(q, sourceNames, uploadIds, from, to, sort, size, cursor));
    }

    @GET
    @Path("/suggest")
    @Operation(summary = "Suggest titles as the user types",
            description = "Titles containing the typed words, the last one as a prefix (\"Botsw\" finds the Botswana article).")
    @APIResponse(responseCode = "200", description = "Suggestions, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestResponse.class),
                    examples = @ExampleObject(name = "prefix", value = """
                            {"query":"Botsw","suggestions":[{"id":"9b2e0f4c1d7a4e3b8c6f5a2d1e0b9c8a",
                             "title":"Botswana Pilots a Single Window at Tlokweng"}]}""")))
    @APIResponse(responseCode = "400", description = "Prefix too long or size out of range", content = @Content(mediaType = PROBLEM))
    public SuggestResponse suggest(
            @Parameter(description = "What the user typed so far", example = "Botsw") @QueryParam("q") String q,
            @Parameter(description = "How many suggestions, 1 to 20 (default 5)") @QueryParam("size") String size) {
        return search.suggest(parameters.prefix(q),
                SearchParameters.size("size", size, DEFAULT_SUGGESTIONS, 1, MAX_SUGGESTIONS));
    }

    @GET
    @Path("/related/{id}")
    @Operation(summary = "Articles like this one", description = "More-like-this over title and body; the article itself is left out.")
    @APIResponse(responseCode = "200", description = "Related articles, most similar first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RelatedResponse.class)))
    @APIResponse(responseCode = "400", description = "Not an article id", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No article with this id is indexed", content = @Content(mediaType = PROBLEM))
    public RelatedResponse related(
            @Parameter(description = "Article id (32 lowercase hex characters)", example = "3f1c9a7be0d24c55a1e0f3b8d6a9c2e1")
            @PathParam("id") String id,
            @Parameter(description = "How many, 1 to 100 (default 5)") @QueryParam("size") String size) {
        if (!ArticleId.isWellFormed(id)) {
            throw new InvalidParameterException("id", "an article id is 32 lowercase hex characters");
        }
        return search.related(id, SearchParameters.size("size", size, DEFAULT_RELATED, 1, config.maxSize()));
    }
}
