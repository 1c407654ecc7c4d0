package org.bulletinsearch.search.page;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.bulletinsearch.search.page.IngestUploads.FilePart;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The upload page at {@code /upload}, for people with the upload key: a form (key and files) whose files this
 * service forwards to the ingest service, then the upload report or why it was refused.
 */
@Path("/upload")
@HtmlPage
@Produces(MediaType.TEXT_HTML)
public class UploadPageResource {

    private final UploadViews views;

    public UploadPageResource(UploadViews views) {
        this.views = views;
    }

    @GET
    public Response form(@Context HttpHeaders headers) {
        return page(headers, UploadView.FORM);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("key") String key, @RestForm("file") List<FileUpload> files,
            @Context HttpHeaders headers) {
        List<FilePart> parts = files == null ? List.of() : files.stream()
                .map(f -> new FilePart(f.fileName(), f.contentType(), f.uploadedFile())).toList();
        return page(headers, views.upload(key, parts));
    }

    private static Response page(HttpHeaders headers, UploadView view) {
        return PageResponses.page(headers, view, Pages.upload(view), Pages.upload$main(view));
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException failure, HttpHeaders headers) {
        return ErrorPages.unexpected(headers, failure);
    }
}
