package org.bulletinsearch.search.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine client as Quarkus builds it (credentials first when configured, then {@link EngineHttpClient}), against
 * a server that records the {@code Authorization} header of each request and answers 200 whatever it gets.
 */
class EngineHttpClientTest {

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void withCredentialsEveryRequestCarriesThemFromTheFirstOn() throws Exception {
        try (RestClient client = client(Optional.of("search"))) {
            client.performRequest(new Request("GET", "/"));
            client.performRequest(new Request("GET", "/"));
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString("search:secret".getBytes(StandardCharsets.UTF_8));
        assertThat(authorizations).containsExactly(basic, basic);
    }

    @Test
    void withoutCredentialsRequestsGoWithoutAuthorization() throws Exception {
        try (RestClient client = client(Optional.empty())) {
            client.performRequest(new Request("GET", "/"));
            client.performRequest(new Request("GET", "/"));
        }
        assertThat(authorizations).containsExactly("null", "null");
    }

    private RestClient client(Optional<String> username) {
        EngineHttpClient callback = new EngineHttpClient(username);
        return RestClient.builder(new HttpHost(InetAddress.getLoopbackAddress(), server.getAddress().getPort(), "http"))
                .setHttpClientConfigCallback(builder -> {
                    username.ifPresent(user -> {
                        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                        credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(user, "secret"));
                        builder.setDefaultCredentialsProvider(credentials);
                    });
                    return callback.customizeHttpClient(builder);
                })
                .build();
    }
}
