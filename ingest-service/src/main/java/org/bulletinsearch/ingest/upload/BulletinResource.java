package org.bulletinsearch.ingest.upload;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.bulletinsearch.edge.Parameters;
import org.bulletinsearch.edge.ApiKeyProtected;
import org.bulletinsearch.edge.InvalidParameterException;
import org.bulletinsearch.edge.ResourceNotFoundException;
import org.bulletinsearch.events.ArticleId;
import org.bulletinsearch.ingest.upload.UploadReportStore.StoredReport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code POST /bulletins}: upload a bulletin (raw text, or files in a multipart form); {@code GET
 * /bulletins/{uploadId}}: the report of an accepted upload. Uploads run on worker threads: they block on
 * the request body and on Kafka.
 *
 * <p>The OpenAPI descriptions, examples and problem responses live in {@code META-INF/openapi.yaml} and are
 * referenced here by name; both upload methods are one operation, documented on {@link #uploadText}.
 */
@Path("/bulletins")
@ApiKeyProtected
@Tag(name = "Bulletins")
@APIResponse(responseCode = "401", ref = "MissingApiKey")
@APIResponse(responseCode = "403", ref = "InvalidApiKey")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "414", ref = "UriTooLong")
@APIResponse(responseCode = "431", ref = "HeadersTooLarge")
@APIResponse(responseCode = "500", ref = "InternalError")
public class BulletinResource {

    @Inject
    BulletinUploads uploads;

    @Inject
    UploadReportStore reports;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(operationId = "uploadBulletins", summary = "Upload bulletins", description = "Either the bulletin as"
            + " the raw body (text/plain; its charset is the Content-Type's charset parameter, UTF-8 when there is"
            + " none), or one or more files in a multipart/form-data form (a part's charset comes from its"
            + " Content-Type). Every article is published as an event on the topic bulletin.articles.v1, all of"
            + " them in one Kafka transaction: the 202 comes once Kafka has acknowledged and committed every event;"
            + " any problem publishes nothing. Positions are counted per file.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.TEXT_PLAIN,
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "bulletin", ref = "Bulletin")))
    @APIResponse(responseCode = "202", ref = "Accepted")
    @APIResponse(responseCode = "400", ref = "BadUpload")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "KafkaUnavailable")
    public Response uploadText(InputStream body,
            @Parameter(ref = "Source") @QueryParam("source") String source,
            @Parameter(ref = "Supersedes") @QueryParam("supersedes") String supersedes,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_DISPOSITION) String disposition,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        String corrected = articleId("supersedes", supersedes);
        UploadedFile file = UploadedFile.body(body, headers.getMediaType(), source, disposition);
        return accepted(uploads.ingest(List.of(file), corrected), uri);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(ref = "BulletinFiles")))
    public Response uploadFiles(@Schema(hidden = true) @RestForm(FileUpload.ALL) List<FileUpload> parts,
            // Declared so that parts named "file" are spooled as files even without a file name
            // (curl -F 'file=<bulletin.txt'); they are among the parts above.
            @Schema(hidden = true) @RestForm("file") FileUpload named,
            @Parameter(ref = "Supersedes") @QueryParam("supersedes") String supersedes,
            @Context UriInfo uri) {
        String corrected = articleId("supersedes", supersedes);
        return accepted(uploads.ingest(UploadedFile.parts(parts), corrected), uri);
    }

    /** An optional article id parameter: null when absent, else 32 lowercase hex characters. */
    private static String articleId(String parameter, String value) {
        String id = Parameters.text(parameter, value, ArticleId.LENGTH, false);
        if (id != null && !ArticleId.isWellFormed(id)) {
            throw new InvalidParameterException(parameter, parameter + " must be an article id (32 lowercase hex"
                    + " characters), was '" + Parameters.abbreviate(value) + "'");
        }
        return id;
    }

    @GET
    @Path("{uploadId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(operationId = "getUploadReport", summary = "The report of an accepted upload",
            description = "The same report as the upload's 202 answer. Reports of the most recent uploads are kept"
                    + " by the instance that accepted them (ingest.reports.retained), not across restarts.")
    @APIResponse(responseCode = "200", ref = "Report")
    @APIResponse(responseCode = "400", ref = "InvalidParameter")
    @APIResponse(responseCode = "404", ref = "UnknownUpload")
    public Response report(@Parameter(ref = "UploadId") @PathParam("uploadId") String uploadId) {
        String id = Parameters.text("uploadId", uploadId, 64, false);
        StoredReport report = reports.find(id).orElseThrow(() -> new ResourceNotFoundException("upload", id));
        return Response.ok(json(report), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Response accepted(StoredReport report, UriInfo uri) {
        return Response.accepted(json(report))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .location(uri.getBaseUriBuilder().path(BulletinResource.class).path(report.uploadId()).build())
                .build();
    }

    private StreamingOutput json(StoredReport report) {
        return out -> {
            try {
                reports.writeJson(report, out);
            } catch (NoSuchFileException e) {
                // evicted between the look-up and the answer
                throw new ResourceNotFoundException("upload", report.uploadId());
            }
        };
    }
}
