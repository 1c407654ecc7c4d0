package org.bulletinsearch.search.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bulletinsearch.search.peer.PeerService;
import org.jboss.logging.Logger;

/**
 * Forwards the upload page's files to the ingest service's {@code POST /bulletins} (env {@code INGEST_URL}) as
 * one multipart upload, with the key the person typed, and reads its answer: the upload report, or the problem
 * that refused it. One HTTP client for all uploads; the files stream from where Quarkus spooled them.
 */
@ApplicationScoped
public class IngestUploads {

    private static final Logger LOG = Logger.getLogger(IngestUploads.class);

    /** A file of the form, as spooled. */
    public record FilePart(String fileName, String contentType, Path file) {
    }

    /** What became of an upload. */
    public sealed interface Outcome permits Accepted, Refused, Unreachable {
    }

    /** Ingest accepted it (202): its report. */
    public record Accepted(Report report) implements Outcome {
    }

    /**
     * Ingest refused it (nothing was published): its problem's members.
     *
     * @param reason the problem's {@code reason}, e.g. {@code title-without-body}; null when it gave none
     * @param line the line the problem is on; null when it named none
     * @param source the file the problem is in; null when it named none
     */
    public record Refused(int status, String title, String detail, String reason, Integer line, String source)
            implements Outcome {
    }

    /** Ingest could not be asked (down, unreachable, too slow). */
    public record Unreachable(String reason) implements Outcome {
    }

    /**
     * The upload report as ingest gives it, with at most {@code limit} articles listed.
     *
     * @param articles the first articles of the report, in its order
     */
    public record Report(String uploadId, int articleCount, int alreadyKnownCount, List<SourceCount> sources,
            List<ReportArticle> articles) {
    }

    /** One file of the upload. */
    public record SourceCount(String name, int articleCount) {
    }

    /** One article of the upload. */
    public record ReportArticle(String id, String title, int position, String source, boolean alreadyKnown) {
    }

    private final PageConfig config;
    private final PeerService ingest;
    /** The ingest service's {@code /bulletins}, worked out once rather than per upload. */
    private final URI bulletins;
    private final ObjectMapper mapper;

    public IngestUploads(PageConfig config, ObjectMapper mapper) {
        this.config = config;
        this.ingest = new PeerService(config.ingestUrl(), config.ingestConnectTimeout());
        this.bulletins = ingest.uri("/bulletins");
        this.mapper = mapper;
    }

    /**
     * Uploads {@code files} in one request.
     *
     * @param key the API key, sent as {@code X-API-Key}; never logged
     */
    public Outcome upload(String key, List<FilePart> files) {
        String boundary = "bulletin-search-page-" + UUID.randomUUID();
        HttpResponse<byte[]> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(bulletins).timeout(config.uploadTimeout())
                    .header("X-API-Key", key).header("Accept", "application/json")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(body(boundary, files)).build();
            response = ingest.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IllegalArgumentException e) {
            // a key with characters a header cannot carry: no configured key has them
            return new Refused(403, "API key not accepted", "the API key is not valid for this service", null, null,
                    null);
        } catch (IOException e) {
            LOG.warnf("ingest at %s could not be asked: %s", bulletins, e.toString());
            return new Unreachable("the ingest service cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unreachable("the upload was interrupted");
        }
        return response.statusCode() == 202 ? accepted(response.body())
                : refused(response.statusCode(), response.body());
    }

    /** The multipart body: one part named {@code file} per file, streamed from disk. */
    static BodyPublisher body(String boundary, List<FilePart> files) throws FileNotFoundException {
        List<BodyPublisher> parts = new ArrayList<>();
        for (FilePart file : files) {
            parts.add(BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
                    + " filename=\"" + quoted(file.fileName()) + "\"\r\nContent-Type: " + partType(file.contentType())
                    + "\r\n\r\n", StandardCharsets.UTF_8));
            parts.add(BodyPublishers.ofFile(file.file()));
            parts.add(BodyPublishers.ofString("\r\n"));
        }
        parts.add(BodyPublishers.ofString("--" + boundary + "--\r\n"));
        return BodyPublishers.concat(parts.toArray(BodyPublisher[]::new));
    }

    /** A file name inside the quotes of a Content-Disposition, escaped as browsers do. */
    static String quoted(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "bulletin.txt" : fileName;
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** The part's type as the browser gave it; text/plain when it gave none or one a header cannot carry. */
    static String partType(String contentType) {
        if (contentType == null || contentType.isBlank() || contentType.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            return "text/plain";
        }
        return contentType;
    }

    private Outcome accepted(byte[] body) {
        try {
            JsonNode report = mapper.readTree(body);
            List<SourceCount> sources = new ArrayList<>();
            report.path("sources").forEach(s -> sources.add(new SourceCount(s.path("name").asText(),
                    s.path("articleCount").asInt())));
            List<ReportArticle> articles = new ArrayList<>();
            for (JsonNode a : report.path("articles")) {
                if (articles.size() >= config.reportArticles()) {
                    break;
                }
                articles.add(new ReportArticle(a.path("id").asText(), a.path("title").asText(),
                        a.path("position").asInt(), a.path("source").asText(), a.path("alreadyKnown").asBoolean()));
            }
            return new Accepted(new Report(report.path("uploadId").asText(), report.path("articleCount").asInt(),
                    report.path("alreadyKnownCount").asInt(), sources, articles));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("unreadable upload report from ingest: %s", e.toString());
            return new Unreachable("the ingest service accepted the upload but its report could not be read");
        }
    }

    private Outcome refused(int status, byte[] body) {
        JsonNode problem;
        try {
            problem = mapper.readTree(body);
        } catch (IOException | RuntimeException e) {
            problem = null;
        }
        if (problem == null || !problem.isObject()) {
            return status >= 500 ? new Unreachable("the ingest service answered " + status)
                    : new Refused(status, "Upload refused", "the ingest service answered " + status, null, null, null);
        }
        return new Refused(status, problem.path("title").asText("Upload refused"), problem.path("detail").asText(null),
                problem.path("reason").asText(null), problem.path("line").canConvertToInt() && problem.has("line")
                        ? problem.path("line").asInt() : null, problem.path("source").asText(null));
    }
}
