package org.bulletinsearch.catalog.export;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bulletinsearch.catalog.CatalogConfig;
import org.bulletinsearch.edge.Parameters;

/** {@code GET /articles/export}: parameters in, {@link ArticleExport}, JSON out. */
@Path("/articles/export")
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

    private final ArticleExport export;
    private final CatalogConfig config;

    public ExportResource(ArticleExport export, CatalogConfig config) {
        this.export = export;
        this.config = config;
    }

    @GET
    public ExportPage page(
            @QueryParam("size") String size,
            @QueryParam("cursor") String cursor) {
        CatalogConfig.Paging paging = config.export();
        return export.page(ExportCursor.fromParameter(cursor),
                Parameters.size("size", size, paging.defaultPageSize(), paging.maxPageSize()));
    }
}
