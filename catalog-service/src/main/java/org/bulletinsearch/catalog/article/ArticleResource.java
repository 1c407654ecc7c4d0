package org.bulletinsearch.catalog.article;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.bulletinsearch.catalog.CatalogConfig;
import org.bulletinsearch.catalog.lifecycle.ArticleDeletions;
import org.bulletinsearch.catalog.lifecycle.ArticleLifecycle;
import org.bulletinsearch.catalog.lifecycle.DeletionAccepted;
import org.bulletinsearch.catalog.lifecycle.DeletionAudit;
import org.bulletinsearch.catalog.web.ApiDocumentation;
import org.bulletinsearch.edge.ApiKeyFilter;
import org.bulletinsearch.edge.ApiKeyProtected;
import org.bulletinsearch.edge.InvalidParameterException;
import org.bulletinsearch.edge.Parameters;
import org.bulletinsearch.events.ArticleId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /articles}: list, one article, its deletion audit (reads: {@link ArticleCatalog}, {@link DeletionAudit})
 * and its deletion ({@link ArticleLifecycle}, API key); parameters in, one call, JSON out.
 */
@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

    private final ArticleCatalog catalog;
    private final ArticleLifecycle lifecycle;
    private final DeletionAudit audit;
    private final CatalogConfig config;

    public ArticleResource(ArticleCatalog catalog, ArticleLifecycle lifecycle, DeletionAudit audit, CatalogConfig config) {
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.config = config;
    }

    @GET
    @Operation(operationId = "listArticles", summary = "List articles",
            description = "Newest first by default (by the time the article was first ingested). Keyset pagination:"
                    + " pass the `nextCursor` of a page as `cursor` to get the next one. The first page (no"
                    + " `cursor`) has `total`, the articles matching the filters, and `totalAccuracy`: counted exactly"
                    + " up to a limit (10000 by default; `exact`), beyond it PostgreSQL's estimate for the unfiltered"
                    + " listing (`estimate`) or the limit as a lower bound for a filtered one (`lower-bound`); later pages have"
                    + " neither, so that no page costs more than a bounded index range.")
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
            description = "The article, its entities and every (upload, file, position) it was seen in, oldest first."
                    + " A corrected article redirects (308) to its correction. A deleted one is a 404 whose detail"
                    + " says when and by whom; it comes back when a later upload holds it again.")
    @APIResponse(responseCode = "200", description = "The article",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleDetails.class),
                    examples = @ExampleObject(name = "seen in two uploads", ref = ApiDocumentation.DETAILS_EXAMPLE)))
    @APIResponse(responseCode = "308", description = "The article was corrected: Location names the correction",
            headers = @Header(name = "Location", description = "The correcting article, /articles/{id}.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Correction.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
    @APIResponse(responseCode = "404", ref = ApiDocumentation.NOT_FOUND)
    public RestResponse<Object> get(@Parameter(ref = ApiDocumentation.ARTICLE_ID) @PathParam("id") String id) {
        ArticleLookup found = catalog.lookup(articleId(id));
        if (found instanceof ArticleLookup.Superseded corrected) {
            Correction correction = corrected.correction();
            return RestResponse.ResponseBuilder.create(RestResponse.Status.PERMANENT_REDIRECT, (Object) correction)
                    .location(URI.create("/articles/" + correction.supersededBy())).build();
        }
        return RestResponse.ok(((ArticleLookup.Found) found).details());
    }

    @DELETE
    @Path("/{id}")
    @ApiKeyProtected
    @ResponseStatus(202)
    @Operation(operationId = "deleteArticle", summary = "Delete an article",
            description = "Publishes the article's tombstone on the articles topic; the catalog and the search index drop"
                    + " the article when they consume it. The deletion is audited (who: the API key's name, when, why)."
                    + " Events of the article published before the deletion never bring it back; a later upload of"
                    + " the same text does, as a new sighting.")
    @SecurityRequirement(name = ApiDocumentation.API_KEY)
    @SecurityRequirement(name = ApiDocumentation.BEARER)
    @APIResponse(responseCode = "202", description = "The deletion is published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeletionAccepted.class),
                    examples = @ExampleObject(name = "accepted", ref = ApiDocumentation.DELETION_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.MISSING_API_KEY)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.INVALID_API_KEY)
    @APIResponse(responseCode = "404", ref = ApiDocumentation.NOT_FOUND)
    public DeletionAccepted delete(@Parameter(ref = ApiDocumentation.ARTICLE_ID) @PathParam("id") String id,
            @Parameter(ref = ApiDocumentation.REASON) @QueryParam("reason") String reason,
            @Context ContainerRequestContext request) {
        return lifecycle.deleteArticle(articleId(id), ArticleLifecycle.reason(reason), ApiKeyFilter.keyName(request));
    }

    @GET
    @Path("/{id}/deletions")
    @Operation(operationId = "getArticleDeletions", summary = "The deletion audit of an article",
            description = "Every deletion of the article and every retraction of an upload's sightings of it, oldest"
                    + " first, also for an article deleted and seen again since. Rebuilt by a replay of the topic.")
    @APIResponse(responseCode = "200", description = "The audit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleDeletions.class),
                    examples = @ExampleObject(name = "deleted once", ref = ApiDocumentation.DELETIONS_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
    @APIResponse(responseCode = "404", ref = ApiDocumentation.NOT_FOUND)
    public ArticleDeletions deletions(@Parameter(ref = ApiDocumentation.ARTICLE_ID) @PathParam("id") String id) {
        return audit.of(articleId(id));
    }

    /** The article id of a path, checked. */
    private static String articleId(String id) {
        if (!ArticleId.isWellFormed(id)) {
            throw new InvalidParameterException("id", "an article id is 32 lowercase hex characters, was '"
                    + Parameters.abbreviate(id) + "'");
        }
        return id;
    }
}
