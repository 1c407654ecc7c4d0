package org.bulletinsearch.platform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a stand-in for the three services (the JDK's HTTP server): what it sends, what it reads. */
class PlatformClientTest {

    @TempDir
    Path tmp;

    private HttpServer server;
    private PlatformClient client;
    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final AtomicLong searchTotal = new AtomicLong();

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/bulletins", exchange -> {
            received.put("query", exchange.getRequestURI().getRawQuery());
            received.put("key", String.valueOf(exchange.getRequestHeaders().getFirst("X-API-Key")));
            received.put("type", exchange.getRequestHeaders().getFirst("Content-Type"));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (body.startsWith("bad")) {
                answer(exchange, 400, "application/problem+json", "{\"type\":\"x\",\"title\":\"Bad\",\"status\":400}");
            } else {
                answer(exchange, 202, "application/json", """
                        {"uploadId":"u-1","articleCount":2,"alreadyKnownCount":0,"articles":[
                          {"id":"a1","title":"First","position":1,"extra":true},{"id":"a2","title":"Second","position":2}]}""");
            }
        });
        server.createContext("/search", exchange -> answer(exchange, 200, "application/json",
                "{\"total\":" + searchTotal.get() + ",\"hits\":[]}"));
        server.createContext("/articles", exchange -> answer(exchange, 503, "application/problem+json", "{\"status\":503}"));
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        client = new PlatformClient(url, url, url, "key-1");
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void anAcceptedUploadIsReadIntoItsReport() throws IOException {
        Path file = Files.writeString(tmp.resolve("trade bulletin ä.txt"), "Title\nTitle\nBody.\n");
        Upload upload = client.upload(file);

        assertThat(received).containsEntry("key", "key-1").containsEntry("type", "text/plain; charset=UTF-8")
                .containsEntry("query", "source=trade+bulletin+%C3%A4.txt");
        assertThat(upload.accepted()).isTrue();
        assertThat(upload.uploadId()).isEqualTo("u-1");
        assertThat(upload.articleCount()).isEqualTo(2);
        assertThat(upload.articles()).extracting(Upload.Article::id).containsExactly("a1", "a2");
        assertThat(upload.lastArticleId()).isEqualTo("a2");
        assertThat(upload.source()).isEqualTo("trade bulletin ä.txt");
        assertThat(upload.refusal()).isNull();
        assertThat(upload.took()).isPositive();
    }

    @Test
    void aRefusalKeepsTheProblemAsSent() {
        Upload upload = client.upload("bad".getBytes(StandardCharsets.UTF_8), "x.txt", "text/plain");

        assertThat(upload.accepted()).isFalse();
        assertThat(upload.status()).isEqualTo(400);
        assertThat(upload.contentType()).isEqualTo("application/problem+json");
        assertThat(upload.refusal()).contains("\"title\":\"Bad\"");
        assertThat(upload.uploadId()).isNull();
        assertThat(upload.articles()).isEmpty();
        assertThat(received).containsEntry("type", "text/plain");
    }

    @Test
    void totalsAreReadFromTheAnswersAndAnAnswerWithoutOneCountsNothing() {
        searchTotal.set(12);
        assertThat(client.searchTotal("")).isEqualTo(12);
        assertThat(client.catalogTotal()).isZero();
        assertThat(client.catalog("/articles").status()).isEqualTo(503);
        assertThat(JsonHttp.get("http://127.0.0.1:" + server.getAddress().getPort() + "/search").json().path("total").asLong())
                .isEqualTo(12);
        assertThatThrownBy(() -> JsonHttp.getJson("http://127.0.0.1:" + server.getAddress().getPort() + "/articles"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("503");
    }

    @Test
    void awaitSearchableWaitsForEveryArticleOfEveryUpload() throws Exception {
        Upload upload = client.upload("Title\nTitle\nBody.\n", "a.txt");
        searchTotal.set(1);
        assertThat(client.awaitSearchable(List.of(upload), Duration.ofMillis(300))).isFalse();
        searchTotal.set(2);
        assertThat(client.awaitSearchable(List.of(upload), Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void noAnswerAtAllNamesTheRequest() {
        server.stop(0);
        assertThatThrownBy(() -> client.searchTotal("")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("GET http://127.0.0.1:");
    }
}
