package org.bulletinsearch.catalog.export;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bulletinsearch.catalog.CatalogConfig;
import org.bulletinsearch.catalog.web.ApiDocumentation;
import org.bulletinsearch.edge.Parameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /articles/export}: parameters in, {@link ArticleExport}, JSON out. */
@Path("/articles/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ExportResource {

    private final ArticleExport export;
    private final CatalogConfig config;

    public ExportResource(ArticleExport export, CatalogConfig config) {
        this.export = export;
        this.config = config;
    }

    @GET
    @Operation(operationId = "exportArticles", summary = "Export the current articles",
            description = "Every current article (corrected ones left out) ordered by id, with its latest sighting"
                    + " and its entities: what the search index is rebuilt from. Walk the pages with `cursor`;"
                    + " `total` is on the first page only.")
    @APIResponse(responseCode = "200", description = "A page of the export",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExportPage.class),
                    examples = @ExampleObject(name = "first page", ref = ApiDocumentation.EXPORT_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
    public ExportPage page(
            @Parameter(description = "Page size, 1 to the configured maximum (2000 by default); default 500.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "2000", defaultValue = "500"))
            @QueryParam("size") String size,
            @Parameter(description = "The `nextCursor` of the previous page; opaque.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 2048))
            @QueryParam("cursor") String cursor) {
        CatalogConfig.Paging paging = config.export();
        return export.page(ExportCursor.fromParameter(cursor),
                Parameters.size("size", size, paging.defaultPageSize(), paging.maxPageSize()));
    }
}
