package org.bulletinsearch.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Uploads bulletin files to the ingest service, as any client would. */
public final class BulletinLoader {

    private static final Pattern UPLOAD_ID = Pattern.compile("\"uploadId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern ARTICLE_COUNT = Pattern.compile("\"articleCount\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ingestUrl;
    private final String apiKey;

    public BulletinLoader(String ingestUrl, String apiKey) {
        this.ingestUrl = ingestUrl;
        this.apiKey = apiKey;
    }

    /** The ingest service's answer to one upload. */
    public record Result(Path file, int status, String uploadId, int articles, String body, Duration took) {
        public boolean accepted() {
            return status == 202;
        }
    }

    public Result upload(Path file) throws IOException, InterruptedException {
        String source = URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/bulletins?source=" + source))
                .timeout(Duration.ofMinutes(10))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String body = response.body();
        return new Result(file, response.statusCode(), find(UPLOAD_ID, body), parseCount(body), body, took);
    }

    /**
     * Waits until the search service finds every article of the accepted uploads (by source name),
     * so that the curls printed next answer with hits. Returns whether they all were found in time.
     */
    public static boolean awaitSearchable(String searchUrl, java.util.List<Result> uploads, Duration timeout)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Result upload : uploads) {
            String source = URLEncoder.encode(upload.file().getFileName().toString(), StandardCharsets.UTF_8);
            HttpRequest count = HttpRequest.newBuilder(URI.create(searchUrl + "/search?size=1&sourceName=" + source))
                    .timeout(Duration.ofSeconds(5)).build();
            while (searchTotal(http, count) < upload.articles()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(200);
            }
        }
        return true;
    }

    private static int searchTotal(HttpClient http, HttpRequest request) throws InterruptedException {
        try {
            String total = find(TOTAL, http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            return total == null ? 0 : Integer.parseInt(total);
        } catch (IOException notYet) {
            return 0;
        }
    }

    private static String find(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static int parseCount(String body) {
        String count = find(ARTICLE_COUNT, body);
        return count == null ? 0 : Integer.parseInt(count);
    }

    /** Every {@code .txt} file directly in a folder, sorted by name. */
    public static java.util.List<Path> bulletinsIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return java.util.List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
    }
}
