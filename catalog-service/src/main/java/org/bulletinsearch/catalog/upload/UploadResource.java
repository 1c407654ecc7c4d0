package org.bulletinsearch.catalog.upload;

import static org.bulletinsearch.catalog.web.Problems.invalidParameter;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bulletinsearch.catalog.article.ArticleSighting;
import org.bulletinsearch.catalog.article.ArticleSightingRepository;
import org.bulletinsearch.catalog.web.ProblemDocument;
import org.bulletinsearch.catalog.web.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/uploads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Uploads")
public class UploadResource {

    private final ArticleSightingRepository sightings;
    private final int defaultPageSize;
    private final int maxPageSize;

    public UploadResource(ArticleSightingRepository sightings,
            @ConfigProperty(name = "catalog.uploads.default-page-size") int defaultPageSize,
            @ConfigProperty(name = "catalog.uploads.max-page-size") int maxPageSize) {
        this.sightings = sightings;
        this.defaultPageSize = defaultPageSize;
        this.maxPageSize = maxPageSize;
    }

    @GET
    @Path("/{uploadId}")
    @Operation(summary = "The articles of one upload",
            description = "In position order, as stored. Articles already known from earlier uploads are listed too:"
                    + " the upload is where they were seen again.")
    @APIResponse(responseCode = "200", description = "The upload's articles",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadArticles.class),
                    examples = @ExampleObject(name = "upload", value = """
                            {
                              "uploadId": "9b2e4c1d-6a7f-4e8b-9c0d-1e2f3a4b5c6d",
                              "sourceName": "coastal-bulletin-2026-03-02.txt",
                              "ingestedAt": "2026-03-02T09:15:00Z",
                              "articleCount": 2,
                              "articles": [
                                {"position": 1, "id": "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a",
                                 "title": "Harbour pilots extend the night pilotage trial",
                                 "body": "The port authority will keep night pilotage open for another season after a quiet first year.",
                                 "firstSeenAt": "2026-03-02T09:15:00Z"},
                                {"position": 2, "id": "a1b2c3d4e5f60718293a4b5c6d7e8f90",
                                 "title": "Ferry timetable changes for the spring season",
                                 "body": "Morning crossings move forty minutes earlier from the first of April.",
                                 "firstSeenAt": "2026-03-02T09:15:00Z"}
                              ]
                            }""")))
    @APIResponse(responseCode = "400", description = "A parameter is malformed or out of range",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "404", description = "The catalog holds no article of this upload",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class),
                    examples = @ExampleObject(name = "unknown upload", value = """
                            {"title": "Upload not found", "status": 404,
                             "detail": "The catalog holds no article of upload 0f0e0d0c", "instance": "/uploads/0f0e0d0c"}""")))
    @APIResponse(responseCode = "503", description = "The database is unavailable; retry after the Retry-After delay",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public UploadArticles get(
            @Parameter(description = "Upload id, as returned by the ingest service", example = "9b2e4c1d-6a7f-4e8b-9c0d-1e2f3a4b5c6d")
            @PathParam("uploadId") String uploadId,
            @Parameter(description = "Page size, 1 to the configured maximum (1000 by default); default 100.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"), example = "100")
            @QueryParam("size") String size,
            @Parameter(description = "Return articles after this position (the `nextAfter` of the previous page).",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0"), example = "100")
            @QueryParam("after") String after) {
        String id = Problems.text("uploadId", uploadId, 64);
        int pageSize = Problems.pageSize("size", size, defaultPageSize, maxPageSize);
        int afterPosition = afterPosition(after);

        long count = sightings.countOfUpload(id);
        if (count == 0) {
            throw Problems.notFound("Upload not found", "The catalog holds no article of upload " + id);
        }
        List<ArticleSighting> found = sightings.ofUpload(id, afterPosition, pageSize + 1);
        boolean more = found.size() > pageSize;
        List<ArticleSighting> page = more ? found.subList(0, pageSize) : found;
        // Every event of an upload carries the same source name and ingestion time; the first page
        // may be empty (after beyond the end), so read them from any sighting of the upload.
        ArticleSighting any = page.isEmpty() ? sightings.ofUpload(id, 0, 1).get(0) : page.get(0);
        List<UploadArticle> articles = page.stream()
                .map(s -> new UploadArticle(s.getPosition(), s.getArticle().getId(), s.getArticle().getTitle(),
                        s.getArticle().getBody(), s.getArticle().getFirstSeenAt()))
                .toList();
        Integer nextAfter = more ? page.get(page.size() - 1).getPosition() : null;
        return new UploadArticles(id, any.getSourceName(), any.getIngestedAt(), count, articles, nextAfter);
    }

    private static int afterPosition(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            int position = Integer.parseInt(after.strip());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalidParameter("after", "after must be a position (an integer >= 0)");
    }
}
