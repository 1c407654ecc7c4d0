package org.bulletinsearch.ingest.upload;

import static org.bulletinsearch.ingest.Problems.problem;

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
import io.quarkiverse.resteasy.problem.HttpProblem;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bulletinsearch.ingest.security.ApiKeyProtected;
import org.bulletinsearch.ingest.upload.BulletinUploads.UploadedFile;
import org.bulletinsearch.ingest.upload.UploadReportStore.StoredReport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code POST /bulletins}: upload a bulletin (raw text, or files in a multipart form); {@code GET
 * /bulletins/{uploadId}}: the report of an accepted upload. Uploads run on worker threads: they block on
 * the request body and on Kafka.
 */
@Path("/bulletins")
@ApiKeyProtected
@Tag(name = "Bulletins", description = "Upload bulletins; every article becomes an event on Kafka")
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
                apiKeyName = "X-API-Key", description = "An API key from INGEST_API_KEY"),
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "The same API key, as Authorization: Bearer <key>")})
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
public class BulletinResource {

    /** Part types accepted in multipart uploads, besides none at all. */
    private static final List<String> TEXT_PART_TYPES = List.of("text/plain", "application/octet-stream");
    private static final int MAX_FILES = 1000;
    private static final Pattern FILENAME = Pattern.compile(
            "filename\\*?\\s*=\\s*(?:UTF-8'[^']*')?(?:\"([^\"]*)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern PATH_PREFIX = Pattern.compile("^.*[/\\\\]");

    @Inject
    BulletinUploads uploads;

    @Inject
    UploadReportStore reports;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Upload bulletins", description = "Either the bulletin as the raw body (text/plain; its"
            + " charset is the Content-Type's charset parameter, UTF-8 when there is none), or one or more files in"
            + " a multipart/form-data form (any part name; a part's charset comes from its Content-Type). Every"
            + " article is published as an event on the topic bulletin.articles.v1, all of them in one Kafka"
            + " transaction: the 202 comes once Kafka has acknowledged and committed every event; any problem"
            + " publishes nothing. Positions are counted per file.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.TEXT_PLAIN,
            schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "bulletin", summary = "Two articles in the usual layout",
                    value = EXAMPLE_BULLETIN)))
    @Parameter(name = "source", in = ParameterIn.QUERY, description = "File name to record as the events'"
            + " sourceName (else the Content-Disposition filename, else <uploadId>.txt)",
            example = "harbour-gazette.txt")
    @APIResponse(responseCode = "202", description = "Accepted and published",
            headers = @Header(name = "Location", description = "Where the report can be fetched again",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UploadReport.class),
                    examples = @ExampleObject(name = "report", value = EXAMPLE_REPORT)))
    @APIResponse(responseCode = "400", description = "A file cannot be read unambiguously (or a multipart"
            + " form without file part); nothing was published",
            content = @Content(mediaType = "application/problem+json", examples = {
                    @ExampleObject(name = "title-without-body", value = EXAMPLE_400_TITLE),
                    @ExampleObject(name = "invalid-encoding", value = EXAMPLE_400_ENCODING),
                    @ExampleObject(name = "binary-content", value = EXAMPLE_400_BINARY)}))
    @APIResponse(responseCode = "401", description = "No API key", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "missing", value = EXAMPLE_401)))
    @APIResponse(responseCode = "403", description = "Unknown API key", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "invalid", value = EXAMPLE_403)))
    @APIResponse(responseCode = "413", description = "Larger than ingest.max-upload-size, or more articles than"
            + " ingest.max-articles", content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "too-large", value = EXAMPLE_413)))
    @APIResponse(responseCode = "415", description = "Neither text/plain nor multipart/form-data, an unknown"
            + " charset, or a multipart part that is not text", content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "unsupported", value = EXAMPLE_415)))
    @APIResponse(responseCode = "503", description = "Kafka unavailable (or every producer busy); nothing was"
            + " published, retry later", content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "kafka-unavailable", value = EXAMPLE_503)))
    public Response uploadText(InputStream body, @QueryParam("source") String source,
            @HeaderParam("Content-Disposition") String disposition, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        MediaType type = headers.getMediaType();
        Charset charset = charset(type == null ? null : type.getParameters().get("charset"), null);
        String name = sourceName(source != null ? source : fileNameOf(disposition));
        // The request stream belongs to the HTTP layer: the upload reads it but does not close it.
        InputStream unclosable = new FilterInputStream(body) {
            @Override
            public void close() {
            }
        };
        try {
            StoredReport report = uploads.ingest(List.of(new UploadedFile(name, charset, () -> unclosable)));
            return accepted(report, uri);
        } catch (HttpProblem refused) {
            // A body whose length was announced (and is within the limit) is read to its end before the
            // answer; a chunked one is not: its connection is closed after the answer instead.
            if (headers.getHeaderString(HttpHeaders.CONTENT_LENGTH) != null
                    && !"upload-too-large".equals(refused.getParameters().get("reason"))) {
                drain(body);
            } else {
                refused = HttpProblem.builder(refused).withHeader("Connection", "close").build();
            }
            throw refused;
        }
    }

    /**
     * Reads what is left of a refused upload's body before answering. Clients that send the whole body
     * before reading the answer would otherwise stall on a full socket once the server stops reading.
     */
    private static void drain(InputStream body) {
        byte[] buffer = new byte[64 * 1024];
        try {
            while (body.read(buffer) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // the connection is gone (or cut off at the size limit): nothing left to drain
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Upload bulletins", description = "Either the bulletin as the raw body (text/plain; its"
            + " charset is the Content-Type's charset parameter, UTF-8 when there is none), or one or more files in"
            + " a multipart/form-data form (any part name; a part's charset comes from its Content-Type). Every"
            + " article is published as an event on the topic bulletin.articles.v1, all of them in one Kafka"
            + " transaction: the 202 comes once Kafka has acknowledged and committed every event; any problem"
            + " publishes nothing. Positions are counted per file.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(type = SchemaType.OBJECT, properties = @SchemaProperty(name = "file",
                    type = SchemaType.STRING, format = "binary",
                    description = "A bulletin file; repeat the part (any name) to upload several"))))
    @APIResponse(responseCode = "202", description = "Accepted and published",
            headers = @Header(name = "Location", description = "Where the report can be fetched again",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UploadReport.class),
                    examples = @ExampleObject(name = "report", value = EXAMPLE_REPORT)))
    @APIResponse(responseCode = "400", description = "A file cannot be read unambiguously (or a multipart"
            + " form without file part); nothing was published",
            content = @Content(mediaType = "application/problem+json", examples = {
                    @ExampleObject(name = "title-without-body", value = EXAMPLE_400_TITLE),
                    @ExampleObject(name = "invalid-encoding", value = EXAMPLE_400_ENCODING),
                    @ExampleObject(name = "binary-content", value = EXAMPLE_400_BINARY)}))
    @APIResponse(responseCode = "401", description = "No API key", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "missing", value = EXAMPLE_401)))
    @APIResponse(responseCode = "403", description = "Unknown API key", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "invalid", value = EXAMPLE_403)))
    @APIResponse(responseCode = "413", description = "Larger than ingest.max-upload-size, or more articles than"
            + " ingest.max-articles", content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "too-large", value = EXAMPLE_413)))
    @APIResponse(responseCode = "415", description = "Neither text/plain nor multipart/form-data, an unknown"
            + " charset, or a multipart part that is not text", content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "unsupported", value = EXAMPLE_415)))
    @APIResponse(responseCode = "503", description = "Kafka unavailable (or every producer busy); nothing was"
            + " published, retry later", content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "kafka-unavailable", value = EXAMPLE_503)))
    public Response uploadFiles(@Parameter(hidden = true) @RestForm(FileUpload.ALL) List<FileUpload> parts,
            @Context UriInfo uri) {
        if (parts == null || parts.isEmpty()) {
            throw problem(400, "no-file", "No file", "the multipart form has no file part; send the bulletin as"
                    + " e.g. curl -F file=@bulletin.txt").build();
        }
        if (parts.size() > MAX_FILES) {
            throw problem(400, "too-many-files", "Too many files", "at most " + MAX_FILES + " files per upload")
                    .build();
        }
        List<UploadedFile> files = new ArrayList<>(parts.size());
        for (FileUpload part : parts) {
            String name = sourceName(part.fileName() != null && !part.fileName().isBlank() ? part.fileName() : part.name());
            MediaType type = partType(part, name);
            String declared = type == null ? null : type.getParameters().get("charset");
            if (declared == null && part.charSet() != null && !"UTF-8".equalsIgnoreCase(part.charSet())) {
                declared = part.charSet();
            }
            Charset charset = charset(declared, name);
            java.nio.file.Path path = part.uploadedFile();
            files.add(new UploadedFile(name, charset, () -> Files.newInputStream(path)));
        }
        return accepted(uploads.ingest(files), uri);
    }

    @GET
    @Path("{uploadId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "The report of an accepted upload",
            description = "The same report as the upload's 202 answer. Reports of the most recent uploads are kept"
                    + " by the instance that accepted them (ingest.reports.retained), not across restarts.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UploadReport.class),
                    examples = @ExampleObject(name = "report", value = EXAMPLE_REPORT)))
    @APIResponse(responseCode = "404", description = "Unknown upload, or its report is no longer kept",
            content = @Content(mediaType = "application/problem+json"))
    public Response report(@PathParam("uploadId") String uploadId) {
        StoredReport report = reports.find(uploadId).orElseThrow(() -> unknownUpload(uploadId));
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
                throw unknownUpload(report.uploadId());
            }
        };
    }

    private static RuntimeException unknownUpload(String uploadId) {
        return problem(404, "unknown-upload", "Unknown upload", "no report for upload " + uploadId
                + " (unknown, or older than the reports this instance keeps)").build();
    }

    /** The declared charset, or null when none is declared (UTF-8 then); 415 for one Java does not know. */
    private static Charset charset(String declared, String file) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String name = declared.strip().replace("\"", "");
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            var problem = problem(415, "unsupported-charset", "Unsupported charset", "charset '" + name
                    + "' is not supported; send UTF-8 or name a standard charset (ISO-8859-1, windows-1252, UTF-16)");
            if (file != null) {
                problem.with("source", file);
            }
            throw problem.build();
        }
    }

    private static MediaType partType(FileUpload part, String name) {
        String contentType = part.contentType();
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        String bare = type == null ? "" : (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        if (!TEXT_PART_TYPES.contains(bare)) {
            throw problem(415, "unsupported-media-type", "Unsupported media type", "part '" + name + "' is "
                    + contentType + "; bulletins are text/plain").with("source", name).build();
        }
        return type;
    }

    static String fileNameOf(String contentDisposition) {
        if (contentDisposition == null) {
            return null;
        }
        Matcher matcher = FILENAME.matcher(contentDisposition);
        String found = null;
        while (matcher.find()) {
            // filename* (RFC 5987, percent-encoded UTF-8) wins over filename when both are given
            String value = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            boolean extended = matcher.group().toLowerCase(Locale.ROOT).startsWith("filename*");
            if (extended) {
                try {
                    value = java.net.URLDecoder.decode(value.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                return value;
            }
            found = value;
        }
        return found;
    }

    /**
     * The events' sourceName: the file name without any directory, without control characters, at most 255
     * characters; null when nothing usable is left (the upload id is used then).
     */
    static String sourceName(String raw) {
        if (raw == null) {
            return null;
        }
        String name = PATH_PREFIX.matcher(raw).replaceFirst("").replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return null;
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    // ---- OpenAPI examples ----

    static final String EXAMPLE_BULLETIN = """
            Lindqvist Harbour Opens Its New Ferry Terminal

            Lindqvist Harbour Opens Its New Ferry Terminal

            The town of Lindqvist opened its rebuilt ferry terminal on Monday after two years of construction.

            Volunteers Count Seabirds on the Northern Cliffs

            Volunteers Count Seabirds on the Northern Cliffs

            Forty volunteers spent the weekend counting nesting seabirds on the northern cliffs.
            """;

    static final String EXAMPLE_REPORT = """
            {"uploadId":"1f0b7c9e-4d2a-4c53-9a57-3c2f1b8e6d10","receivedAt":"2025-11-25T15:04:05.123Z",\
            "articleCount":2,"alreadyKnownCount":0,\
            "sources":[{"name":"harbour-gazette.txt","charset":"UTF-8","articleCount":2}],\
            "articles":[{"id":"27a02a3453645c85f97180cded515acd","title":"Lindqvist Harbour Opens Its New Ferry Terminal",\
            "position":1,"source":"harbour-gazette.txt","alreadyKnown":false},\
            {"id":"3e3bbc71e4839ba3283e22e6d57a7237","title":"Volunteers Count Seabirds on the Northern Cliffs",\
            "position":2,"source":"harbour-gazette.txt","alreadyKnown":false}]}""";

    static final String EXAMPLE_400_TITLE = """
            {"type":"https://bulletinsearch.org/problems/title-without-body","status":400,\
            "title":"Title without body","detail":"the title on line 7 has no body: line 11 starts the next article",\
            "instance":"/bulletins","reason":"title-without-body","line":7,"source":"harbour-gazette.txt"}""";

    static final String EXAMPLE_400_ENCODING = """
            {"type":"https://bulletinsearch.org/problems/invalid-encoding","status":400,\
            "title":"Invalid character encoding","detail":"line 5 contains bytes that are not valid UTF-8; no charset\
             was declared, so UTF-8 was expected. If the file is in another encoding, declare it (e.g. Content-Type:\
             text/plain; charset=windows-1252)","instance":"/bulletins","reason":"invalid-encoding","line":5}""";

    static final String EXAMPLE_400_BINARY = """
            {"type":"https://bulletinsearch.org/problems/binary-content","status":400,"title":"Not a text file",\
            "detail":"this is a PNG image, not a text bulletin","instance":"/bulletins","reason":"binary-content"}""";

    static final String EXAMPLE_401 = """
            {"type":"https://bulletinsearch.org/problems/missing-api-key","status":401,"title":"API key required",\
            "detail":"send the API key in the X-API-Key header (or as Authorization: Bearer <key>)",\
            "instance":"/bulletins","reason":"missing-api-key"}""";

    static final String EXAMPLE_403 = """
            {"type":"https://bulletinsearch.org/problems/invalid-api-key","status":403,"title":"API key refused",\
            "detail":"the API key is not valid for this service","instance":"/bulletins","reason":"invalid-api-key"}""";

    static final String EXAMPLE_413 = """
            {"type":"https://bulletinsearch.org/problems/upload-too-large","status":413,"title":"Upload too large",\
            "detail":"the upload has 73400320 bytes; the limit is 67108864 bytes (ingest.max-upload-size). Split the\
             bulletin into several uploads","instance":"/bulletins","reason":"upload-too-large"}""";

    static final String EXAMPLE_415 = """
            {"status":415,"title":"Unsupported Media Type","detail":"HTTP 415 Unsupported Media Type",\
            "instance":"/bulletins"}""";

    static final String EXAMPLE_503 = """
            {"type":"https://bulletinsearch.org/problems/kafka-unavailable","status":503,\
            "title":"Event store unavailable","detail":"Kafka did not accept the events: ... Nothing of this upload\
             was published; retry later (articles have content-derived ids, so a retry is harmless).",\
            "instance":"/bulletins","reason":"kafka-unavailable"}""";
}
