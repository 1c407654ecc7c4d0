package org.bulletinsearch.catalog.upload;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

/** {@code GET /uploads/{uploadId}}: parameters in, {@link UploadCatalog}, JSON out. */
@Path("/uploads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Uploads")
public class UploadResource {

    /** Longest upload id, in characters: the column's length. */
    private static final int MAX_UPLOAD_ID = 64;

    private final UploadCatalog catalog;
    private final CatalogConfig config;

    public UploadResource(UploadCatalog catalog, CatalogConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    @GET
    @Path("/{uploadId}")
    @Operation(operationId = "getUpload", summary = "The articles of one upload",
            description = "Every (file, position) of the upload the catalog holds, by file name, then position;"
                    + " walk the pages with `cursor`. Articles already known from earlier uploads are listed too:"
                    + " the upload is where they were seen again. `sources` gives each file's count.")
    @APIResponse(responseCode = "200", description = "The upload's articles",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadArticles.class),
                    examples = @ExampleObject(name = "upload of two files", ref = ApiDocumentation.UPLOAD_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
    @APIResponse(responseCode = "404", ref = ApiDocumentation.NOT_FOUND)
    public UploadArticles get(
            @Parameter(description = "Upload id, as returned by the ingest service",
                    schema = @Schema(type = SchemaType.STRING, maxLength = MAX_UPLOAD_ID,
                            examples = "9b2e4c1d-6a7f-4e8b-9c0d-1e2f3a4b5c6d"))
            @PathParam("uploadId") String uploadId,
            @Parameter(description = "Page size, 1 to the configured maximum (1000 by default); default 100.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
            @QueryParam("size") String size,
            @Parameter(description = "The `nextCursor` of the previous page; opaque.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 2048))
            @QueryParam("cursor") String cursor) {
        return catalog.page(Parameters.text("uploadId", uploadId, MAX_UPLOAD_ID, false),
                UploadCursor.fromParameter(cursor),
                Parameters.size("size", size, config.uploads().defaultPageSize(), config.uploads().maxPageSize()));
    }
}
