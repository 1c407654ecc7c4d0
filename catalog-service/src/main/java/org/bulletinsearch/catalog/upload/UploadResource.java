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
import org.bulletinsearch.catalog.web.ApiDocumentation;
import org.bulletinsearch.edge.ApiKeyFilter;
import org.bulletinsearch.edge.ApiKeyProtected;
import org.bulletinsearch.edge.Parameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * {@code /uploads/{uploadId}}: the articles of an upload ({@link UploadCatalog}) and its retraction
 * ({@link ArticleLifecycle}, API key); parameters in, one call, JSON out.
 */
@Path("/uploads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Uploads")
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
    @Operation(operationId = "retractUpload", summary = "Retract an upload",
            description = "Every article seen only in this upload is deleted (a tombstone each); every article also"
                    + " seen in other uploads stays, without this upload's sightings (a retraction each, naming the"
                    + " sighting that now represents it). All of it in one Kafka transaction; the catalog and the index"
                    + " apply it when they consume it. Audited per article (who, when, why, which upload).")
    @SecurityRequirement(name = ApiDocumentation.API_KEY)
    @SecurityRequirement(name = ApiDocumentation.BEARER)
    @APIResponse(responseCode = "202", description = "The retraction is published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UploadRetraction.class),
                    examples = @ExampleObject(name = "retracted", ref = ApiDocumentation.RETRACTION_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.MISSING_API_KEY)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.INVALID_API_KEY)
    @APIResponse(responseCode = "404", ref = ApiDocumentation.NOT_FOUND)
    public UploadRetraction retract(@Parameter(ref = ApiDocumentation.UPLOAD_ID) @PathParam("uploadId") String uploadId,
            @Parameter(ref = ApiDocumentation.REASON) @QueryParam("reason") String reason,
            @Context ContainerRequestContext request) {
        return lifecycle.retractUpload(Parameters.text("uploadId", uploadId, MAX_UPLOAD_ID, false),
                ArticleLifecycle.reason(reason), ApiKeyFilter.keyName(request));
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
            @Parameter(ref = ApiDocumentation.UPLOAD_ID) @PathParam("uploadId") String uploadId,
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
