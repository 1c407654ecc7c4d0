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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code POST /bulletins}: upload a bulletin (raw text, or files in a multipart form); {@code GET
 * /bulletins/{uploadId}}: the report of an accepted upload. Uploads run on worker threads: they block on
 * the request body and on Kafka.
 *
 * <p>Documented in {@code META-INF/openapi.yaml}, the service's OpenAPI contract, where both upload methods
 * are one operation.
 */
@Path("/bulletins")
@ApiKeyProtected
public class BulletinResource {

    @Inject
    BulletinUploads uploads;

    @Inject
    UploadReportStore reports;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public Response uploadText(InputStream body,
            @QueryParam("source") String source,
            @QueryParam("supersedes") String supersedes,
            @HeaderParam(HttpHeaders.CONTENT_DISPOSITION) String disposition,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        String corrected = articleId("supersedes", supersedes);
        UploadedFile file = UploadedFile.body(body, headers.getMediaType(), source, disposition);
        return accepted(uploads.ingest(List.of(file), corrected), uri);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public Response uploadFiles(@RestForm(FileUpload.ALL) List<FileUpload> parts,
            // Declared so that parts named "file" are spooled as files even without a file name
            // (curl -F 'file=<bulletin.txt'); they are among the parts above.
            @RestForm("file") FileUpload named,
            @QueryParam("supersedes") String supersedes,
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
    public Response report(@PathParam("uploadId") String uploadId) {
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
