package org.bulletinsearch.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.bulletinsearch.platform.Platform;
import org.bulletinsearch.platform.Service;

/** The platform's public HTTP API, as another system would call it. */
final class PlatformClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Platform platform;

    PlatformClient(Platform platform) {
        this.platform = platform;
    }

    record Reply(int status, String contentType, JsonNode json) {
    }

    Reply upload(Path file) {
        return upload(ofFile(file), file.getFileName().toString(), "text/plain; charset=UTF-8");
    }

    Reply upload(byte[] content, String source, String contentType) {
        return upload(HttpRequest.BodyPublishers.ofByteArray(content), source, contentType);
    }

    private Reply upload(HttpRequest.BodyPublisher body, String source, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(platform.url(Service.INGEST) + "/bulletins?source="
                        + URLEncoder.encode(source, StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", contentType)
                .header("X-API-Key", platform.apiKey())
                .POST(body)
                .build());
    }

    Reply catalog(String pathAndQuery) {
        return get(platform.url(Service.CATALOG) + pathAndQuery);
    }

    Reply search(String pathAndQuery) {
        return get(platform.url(Service.SEARCH) + pathAndQuery);
    }

    /** Number of articles the catalog holds. */
    long catalogCount() {
        return catalog("/articles?size=1").json().get("total").asLong();
    }

    /** Number of articles the search index holds (browsing without a query). */
    long indexCount() {
        return search("/search?size=1").json().get("total").asLong();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.BodyPublisher ofFile(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
