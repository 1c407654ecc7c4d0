package org.bulletinsearch.catalog.upload;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.bulletinsearch.catalog.CatalogConfig;
import org.bulletinsearch.catalog.lifecycle.ArticleLifecycle;
import org.bulletinsearch.catalog.lifecycle.UploadRetraction;
import org.bulletinsearch.edge.ApiKeyFilter;
import org.bulletinsearch.edge.ApiKeyProtected;
import org.bulletinsearch.edge.Parameters;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * {@code /uploads/{uploadId}}: the articles of an upload ({@link UploadCatalog}) and its retraction
 * ({@link ArticleLifecycle}, API key); parameters in, one call, JSON out.
 */
@Path("/uploads")
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {

    /** Longest upload id, in characters: the column's length. */
    private static final int MAX_UPLOAD_ID = 64;

    private final UploadCatalog catalog;
    private final ArticleLifecycle lifecycle;
    private final CatalogConfig config;

    public UploadResource(UploadCatalog catalog, ArticleLifecycle lifecycle, CatalogConfig config) {
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.config = config;
    }

    @DELETE
    @Path("/{uploadId}")
    @ApiKeyProtected
    @ResponseStatus(202)
    public UploadRetraction retract(@PathParam("uploadId") String uploadId,
            @QueryParam("reason") String reason,
            @Context ContainerRequestContext request) {
        return lifecycle.retractUpload(Parameters.text("uploadId", uploadId, MAX_UPLOAD_ID, false),
                ArticleLifecycle.reason(reason), ApiKeyFilter.keyName(request));
    }

    @GET
    @Path("/{uploadId}")
    public UploadArticles get(
            @PathParam("uploadId") String uploadId,
            @QueryParam("size") String size,
            @QueryParam("cursor") String cursor) {
        return catalog.page(Parameters.text("uploadId", uploadId, MAX_UPLOAD_ID, false),
                UploadCursor.fromParameter(cursor),
                Parameters.size("size", size, config.uploads().defaultPageSize(), config.uploads().maxPageSize()));
    }
}
