package org.bulletinsearch.platform.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP with JSON answers, one way for every client of the project's code: Java's {@link HttpClient}
 * (HTTP/1.1, as curl speaks to the services) and Jackson. {@link PlatformClient} speaks the platform's API
 * with it; the benchmark also sends the engine's own API through it, so both sides of a comparison pay the
 * same client costs.
 */
public final class JsonHttp {

    /** The one JSON mapper: Jackson modules found on the classpath, unknown properties ignored. */
    public static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private JsonHttp() {
    }

    /** An answer: status, content type and the body as sent; {@link #json()} parses it. */
    public record Reply(int status, String contentType, byte[] body) {

        /** The body as JSON; a missing node for an empty body. */
        public JsonNode json() {
            try {
                return body.length == 0 ? JSON.missingNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (HTTP " + status + "): " + abbreviate(text()), e);
            }
        }

        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A request to {@code url} that gives up after 60 s. */
    public static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
    }

    /** A POST of a JSON body. */
    public static HttpRequest jsonPost(String url, byte[] body) {
        return request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** The whole answer, whatever its status; an {@link UncheckedIOException} naming the request if there is none. */
    public static Reply send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    /** A GET, whatever its status. */
    public static Reply get(String url) {
        return send(request(url).GET().build());
    }

    /** Sends and parses a JSON answer; anything but 2xx is an {@link IllegalStateException} naming the answer. */
    public static JsonNode json(HttpRequest request) {
        Reply reply = send(request);
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + reply.status()
                    + ": " + abbreviate(reply.text()));
        }
        return reply.json();
    }

    /** {@link #json} of a GET. */
    public static JsonNode getJson(String url) {
        return json(request(url).GET().build());
    }

    /** {@link #json} of a POST of {@code body} as JSON. */
    public static JsonNode postJson(String url, Object body) {
        return json(jsonPost(url, bytes(body)));
    }

    /** {@link #json} of a PUT of {@code body} as JSON. */
    public static JsonNode putJson(String url, Object body) {
        return json(request(url).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build());
    }

    /** A query parameter's value, percent-encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** At most 500 code points of {@code text}, for messages. */
    public static String abbreviate(String text) {
        return text.codePointCount(0, text.length()) > 500 ? text.substring(0, text.offsetByCodePoints(0, 500)) + "..."
                : text;
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
