package org.bulletinsearch.catalog.article;

import static org.bulletinsearch.catalog.web.Problems.invalidParameter;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.bulletinsearch.catalog.web.ProblemDocument;
import org.bulletinsearch.catalog.web.Problems;
import org.bulletinsearch.events.ArticleId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

    static final String PAGE_EXAMPLE = """
            {
              "items": [
                {
                  "id": "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a",
                  "title": "Harbour pilots extend the night pilotage trial",
                  "body": "The port authority will keep night pilotage open for another season after a quiet first year.",
                  "firstSeenAt": "2026-03-02T09:15:00Z",
                  "lastSeenAt": "2026-03-09T07:40:00Z"
                }
              ],
              "total": 1342,
              "size": 1,
              "nextCursor": "MXxuZXdlc3R8MjAyNi0wMy0wMlQwOToxNTowMFp8M2Y3YTljMGU1YjFkNGEyZjhlNmM3YjlhMGQxZTJmM2E"
            }""";

    static final String DETAILS_EXAMPLE = """
            {
              "id": "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a",
              "title": "Harbour pilots extend the night pilotage trial",
              "body": "The port authority will keep night pilotage open for another season after a quiet first year.",
              "firstSeenAt": "2026-03-02T09:15:00Z",
              "lastSeenAt": "2026-03-09T07:40:00Z",
              "storedAt": "2026-03-02T09:15:01.204Z",
              "provenance": [
                {"uploadId": "9b2e4c1d-6a7f-4e8b-9c0d-1e2f3a4b5c6d", "sourceName": "coastal-bulletin-2026-03-02.txt",
                 "position": 4, "ingestedAt": "2026-03-02T09:15:00Z", "recordedAt": "2026-03-02T09:15:01.204Z"},
                {"uploadId": "c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e9f", "sourceName": "weekly-digest-10.txt",
                 "position": 12, "ingestedAt": "2026-03-09T07:40:00Z", "recordedAt": "2026-03-09T07:40:00.518Z"}
              ]
            }""";

    private final ArticleRepository articles;
    private final ArticleSightingRepository sightings;
    private final int defaultPageSize;
    private final int maxPageSize;

    public ArticleResource(ArticleRepository articles, ArticleSightingRepository sightings,
            @ConfigProperty(name = "catalog.articles.default-page-size") int defaultPageSize,
            @ConfigProperty(name = "catalog.articles.max-page-size") int maxPageSize) {
        this.articles = articles;
        this.sightings = sightings;
        this.defaultPageSize = defaultPageSize;
        this.maxPageSize = maxPageSize;
    }

    @GET
    @Operation(summary = "List articles",
            description = "Newest first by default (by the time the article was first ingested). Keyset pagination:"
                    + " pass the `nextCursor` of a page as `cursor` to get the next one; `total` counts every"
                    + " article matching the filters.")
    @APIResponse(responseCode = "200", description = "A page of articles",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticlePage.class),
                    examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is malformed or out of range",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class),
                    examples = @ExampleObject(name = "size over the cap", value = """
                            {"title": "Invalid request parameter", "status": 400,
                             "detail": "size must be between 1 and 100, was 500", "instance": "/articles", "parameter": "size"}""")))
    @APIResponse(responseCode = "503", description = "The database is unavailable; retry after the Retry-After delay",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public ArticlePage list(
            @Parameter(description = "Page size, 1 to the configured maximum (100 by default); default 20.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"), example = "20")
            @QueryParam("size") String size,
            @Parameter(description = "The `nextCursor` of the previous page; opaque.")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Only articles that appeared in this upload.", example = "9b2e4c1d-6a7f-4e8b-9c0d-1e2f3a4b5c6d")
            @QueryParam("uploadId") String uploadId,
            @Parameter(description = "Only articles that appeared in a file of this name (exact match).",
                    example = "coastal-bulletin-2026-03-02.txt")
            @QueryParam("source") String source,
            @Parameter(description = "Only articles first ingested at or after this time (RFC 3339).",
                    example = "2026-03-01T00:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "Only articles first ingested before this time (RFC 3339).",
                    example = "2026-04-01T00:00:00Z")
            @QueryParam("to") String to,
            @Parameter(description = "`newest` (default) or `oldest` first.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"newest", "oldest"}))
            @QueryParam("sort") String sort) {

        int pageSize = Problems.pageSize("size", size, defaultPageSize, maxPageSize);
        ArticleSort order = sort == null || sort.isBlank() ? ArticleSort.NEWEST
                : ArticleSort.fromParameter(sort.strip())
                        .orElseThrow(() -> invalidParameter("sort", "sort must be 'newest' or 'oldest'"));
        Instant fromTime = Problems.timestamp("from", from);
        Instant toTime = Problems.timestamp("to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw invalidParameter("to", "to must be later than from");
        }
        PageCursor after = null;
        if (cursor != null && !cursor.isEmpty()) {
            after = PageCursor.decode(cursor)
                    .orElseThrow(() -> invalidParameter("cursor", "cursor is not one this service issued"));
            if (after.sort() != order) {
                throw invalidParameter("cursor", "cursor belongs to sort=" + after.sort().parameter()
                        + ", not sort=" + order.parameter());
            }
        }
        ArticleFilter filter = new ArticleFilter(Problems.text("uploadId", uploadId, 64),
                Problems.text("source", source, 255), fromTime, toTime);

        // One more than asked for tells whether there is a next page without a second query.
        List<Article> found = articles.page(filter, order, after, pageSize + 1);
        boolean more = found.size() > pageSize;
        List<Article> page = more ? found.subList(0, pageSize) : found;
        String nextCursor = null;
        if (more) {
            Article last = page.get(page.size() - 1);
            nextCursor = new PageCursor(order, last.getFirstSeenAt(), last.getId()).encode();
        }
        return new ArticlePage(page.stream().map(ArticleSummary::of).toList(), articles.count(filter), pageSize,
                nextCursor);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one article with its provenance",
            description = "The article and every (upload, source name, position) it was seen in, oldest first.")
    @APIResponse(responseCode = "200", description = "The article",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleDetails.class),
                    examples = @ExampleObject(name = "seen in two uploads", value = DETAILS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The id is not 32 lowercase hex characters",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "404", description = "No article has this id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class),
                    examples = @ExampleObject(name = "unknown id", value = """
                            {"title": "Article not found", "status": 404,
                             "detail": "No article with id 00000000000000000000000000000000",
                             "instance": "/articles/00000000000000000000000000000000"}""")))
    @APIResponse(responseCode = "503", description = "The database is unavailable; retry after the Retry-After delay",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public ArticleDetails get(
            @Parameter(description = "Article id (32 lowercase hex characters)", example = "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a")
            @PathParam("id") String id) {
        if (!ArticleId.isWellFormed(id)) {
            throw invalidParameter("id", "an article id is 32 lowercase hex characters, was '"
                    + Problems.abbreviate(id) + "'");
        }
        Article article = articles.findByIdOptional(id)
                .orElseThrow(() -> Problems.notFound("Article not found", "No article with id " + id));
        return ArticleDetails.of(article, sightings.provenanceOf(id));
    }
}
