package org.bulletinsearch.catalog.article;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bulletinsearch.catalog.CatalogConfig;
import org.bulletinsearch.catalog.web.ApiDocumentation;
import org.bulletinsearch.edge.InvalidParameterException;
import org.bulletinsearch.edge.Parameters;
import org.bulletinsearch.events.ArticleId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /articles} and {@code GET /articles/{id}}: parameters in, {@link ArticleCatalog}, JSON out. */
@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

    private final ArticleCatalog catalog;
    private final CatalogConfig config;

    public ArticleResource(ArticleCatalog catalog, CatalogConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    @GET
    @Operation(operationId = "listArticles", summary = "List articles",
            description = "Newest first by default (by the time the article was first ingested). Keyset pagination:"
                    + " pass the `nextCursor` of a page as `cursor` to get the next one; `total` counts every"
                    + " article matching the filters.")
    @APIResponse(responseCode = "200", description = "A page of articles",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticlePage.class),
                    examples = @ExampleObject(name = "page", ref = ApiDocumentation.PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
    public ArticlePage list(
            @Parameter(description = "Page size, 1 to the configured maximum (100 by default); default 20.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") String size,
            @Parameter(description = "The `nextCursor` of the previous page; opaque.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 2048))
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Only articles that appeared in this upload.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ArticleQuery.MAX_UPLOAD_ID,
                            examples = "9b2e4c1d-6a7f-4e8b-9c0d-1e2f3a4b5c6d"))
            @QueryParam("uploadId") String uploadId,
            @Parameter(description = "Only articles that appeared in a file of this name (exact match, in NFC).",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ArticleQuery.MAX_SOURCE,
                            examples = "coastal-bulletin-2026-03-02.txt"))
            @QueryParam("source") String source,
            @Parameter(description = "Only articles first ingested at or after this time (RFC 3339, or a date:"
                    + " its first instant in UTC), between the years 1 and 9999.",
                    schema = @Schema(type = SchemaType.STRING, examples = "2026-03-01T00:00:00Z"))
            @QueryParam("from") String from,
            @Parameter(description = "Only articles first ingested before this time (RFC 3339, or a date: its"
                    + " first instant in UTC), between the years 1 and 9999.",
                    schema = @Schema(type = SchemaType.STRING, examples = "2026-04-01T00:00:00Z"))
            @QueryParam("to") String to,
            @Parameter(description = "`newest` (default) or `oldest` first.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"newest", "oldest"}, defaultValue = "newest"))
            @QueryParam("sort") String sort) {
        return catalog.page(ArticleQuery.of(size, cursor, uploadId, source, from, to, sort, config.articles()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getArticle", summary = "Get one article with its provenance",
            description = "The article and every (upload, file, position) it was seen in, oldest first.")
    @APIResponse(responseCode = "200", description = "The article",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleDetails.class),
                    examples = @ExampleObject(name = "seen in two uploads", ref = ApiDocumentation.DETAILS_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
    @APIResponse(responseCode = "404", ref = ApiDocumentation.NOT_FOUND)
    public ArticleDetails get(
            @Parameter(description = "Article id (32 lowercase hex characters)",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9a-f]{32}$",
                            examples = "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a"))
            @PathParam("id") String id) {
        if (!ArticleId.isWellFormed(id)) {
            throw new InvalidParameterException("id", "an article id is 32 lowercase hex characters, was '"
                    + Parameters.abbreviate(id) + "'");
        }
        return catalog.details(id);
    }
}
