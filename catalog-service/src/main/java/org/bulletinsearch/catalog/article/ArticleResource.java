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
import org.bulletinsearch.edge.ApiKeyFilter;
import org.bulletinsearch.edge.ApiKeyProtected;
import org.bulletinsearch.edge.InvalidParameterException;
import org.bulletinsearch.edge.Parameters;
import org.bulletinsearch.events.ArticleId;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /articles}: list, one article, its deletion audit (reads: {@link ArticleCatalog}, {@link DeletionAudit})
 * and its deletion ({@link ArticleLifecycle}, API key); parameters in, one call, JSON out.
 */
@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
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
    public ArticlePage list(
            @QueryParam("size") String size,
            @QueryParam("cursor") String cursor,
            @QueryParam("uploadId") String uploadId,
            @QueryParam("source") String source,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("sort") String sort) {
        return catalog.page(ArticleQuery.of(size, cursor, uploadId, source, from, to, sort, config.articles()));
    }

    @GET
    @Path("/{id}")
    public RestResponse<Object> get(@PathParam("id") String id) {
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
    public DeletionAccepted delete(@PathParam("id") String id,
            @QueryParam("reason") String reason,
            @Context ContainerRequestContext request) {
        return lifecycle.deleteArticle(articleId(id), ArticleLifecycle.reason(reason), ApiKeyFilter.keyName(request));
    }

    @GET
    @Path("/{id}/deletions")
    public ArticleDeletions deletions(@PathParam("id") String id) {
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
