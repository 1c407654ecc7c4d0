package org.bulletinsearch.platform.client;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.bulletinsearch.platform.client.JsonHttp.Reply;

/**
 * The platform's public HTTP API as any other system calls it, at the services' base URLs ({@code http://host:port})
 * with the upload key sent as {@code X-API-Key}: the one client of {@code ./bulletin-search load}, the system
 * tests and the benchmark.
 */
public record PlatformClient(String ingestUrl, String catalogUrl, String searchUrl, String apiKey) {

    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(10);
    private static final String TEXT = "text/plain; charset=UTF-8";

    /** {@code POST /bulletins} of a file as UTF-8 text, its file name as {@code source}. */
    public Upload upload(Path file) {
        try {
            return upload(HttpRequest.BodyPublishers.ofFile(file), file.getFileName().toString(), TEXT);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code POST /bulletins} of a bulletin's text, as UTF-8. */
    public Upload upload(String bulletin, String source) {
        return upload(bulletin.getBytes(StandardCharsets.UTF_8), source, TEXT);
    }

    /**
     * {@code POST /bulletins?supersedes=<id>} of a one-article bulletin: a correction of article {@code supersedes}.
     */
    public Upload correct(String bulletin, String source, String supersedes) {
        return upload(HttpRequest.BodyPublishers.ofString(bulletin, StandardCharsets.UTF_8), source, TEXT,
                "&supersedes=" + JsonHttp.encode(supersedes));
    }

    /**
     * A request with the API key and no body to any service URL, such as
     * {@code ("DELETE", catalogUrl() + "/articles/<id>?reason=…")} or {@code ("POST", searchUrl() + "/admin/reindex")},
     * whatever the answer's status.
     */
    public Reply authorized(String method, String url) {
        return JsonHttp.send(JsonHttp.request(url).header("X-API-Key", apiKey)
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /** {@code POST /bulletins} of any bytes with any content type (to see them refused, too). */
    public Upload upload(byte[] content, String source, String contentType) {
        return upload(HttpRequest.BodyPublishers.ofByteArray(content), source, contentType);
    }

    private Upload upload(HttpRequest.BodyPublisher body, String source, String contentType) {
        return upload(body, source, contentType, "");
    }

    /** {@code moreQuery}: further encoded query parameters, each starting with {@code &}. */
    private Upload upload(HttpRequest.BodyPublisher body, String source, String contentType, String moreQuery) {
        HttpRequest request = JsonHttp.request(ingestUrl + "/bulletins?source=" + JsonHttp.encode(source) + moreQuery)
                .timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", contentType)
                .header("X-API-Key", apiKey)
                .POST(body)
                .build();
        long sent = System.nanoTime();
        Reply reply = JsonHttp.send(request);
        return Upload.of(source, reply, sent, System.nanoTime());
    }

    /** A GET of the catalog service, such as {@code /articles?size=5}, whatever the answer's status. */
    public Reply catalog(String pathAndQuery) {
        return JsonHttp.get(catalogUrl + pathAndQuery);
    }

    /** A GET of the search service, such as {@code /search?q=vanilla}, whatever the answer's status. */
    public Reply search(String pathAndQuery) {
        return JsonHttp.get(searchUrl + pathAndQuery);
    }

    /**
     * How many current articles the catalog holds, counted exactly: the {@code total} of the export's first page
     * ({@code GET /articles/export?size=1}; {@code GET /articles} gives an exact total only up to a cap); 0
     * without an answer.
     */
    public long catalogTotal() {
        return catalog("/articles/export?size=1").json().path("total").asLong();
    }

    /**
     * {@code total} of {@code GET /search} with more query parameters (such as {@code sourceName=a.txt},
     * encoded; empty for every article): how many articles the keyword search finds (0 without an answer).
     */
    public long searchTotal(String parameters) {
        return search("/search?mode=keyword&size=1" + (parameters.isEmpty() ? "" : "&" + parameters)).json().path("total").asLong();
    }

    /**
     * Waits until the search service finds every article of these accepted uploads by their source names
     * (asked every 200 ms).
     *
     * @return whether it did within {@code timeout}
     */
    public boolean awaitSearchable(List<Upload> uploads, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Upload upload : uploads) {
            while (searchable(upload) < upload.articleCount()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(200);
            }
        }
        return true;
    }

    private long searchable(Upload upload) {
        try {
            return searchTotal("sourceName=" + JsonHttp.encode(upload.source()));
        } catch (UncheckedIOException notYet) {
            return 0;
        }
    }

    /** The bulletins {@code load} would upload from a folder: its {@code .txt} files, sorted by name. */
    public static List<Path> bulletinsIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
    }
}
