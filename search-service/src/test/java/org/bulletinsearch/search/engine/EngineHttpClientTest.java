package org.bulletinsearch.search.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.bulletinsearch.search.page.StubServer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine client as Quarkus builds it (credentials first when configured, then {@link EngineHttpClient}), against
 * a server that answers 200 whatever it gets and keeps each request's {@code Authorization} header.
 */
class EngineHttpClientTest {

    private final StubServer server = new StubServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void withCredentialsEveryRequestCarriesThemFromTheFirstOn() throws Exception {
        askTwice(Optional.of("search"));

        String basic = "Basic " + Base64.getEncoder().encodeToString("search:secret".getBytes(StandardCharsets.UTF_8));
        assertThat(authorizations()).containsExactly(basic, basic);
    }

    @Test
    void withoutCredentialsRequestsGoWithoutAuthorization() throws Exception {
        askTwice(Optional.empty());

        assertThat(authorizations()).hasSize(2).containsOnlyNulls();
    }

    private List<String> authorizations() {
        return server.received.stream().map(request -> request.header("Authorization")).toList();
    }

    private void askTwice(Optional<String> username) throws Exception {
        EngineHttpClient callback = new EngineHttpClient(username);
        try (RestClient client = RestClient.builder(HttpHost.create(server.uri().toString()))
                .setHttpClientConfigCallback(builder -> {
                    username.ifPresent(user -> {
                        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                        credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(user, "secret"));
                        builder.setDefaultCredentialsProvider(credentials);
                    });
                    return callback.customizeHttpClient(builder);
                })
                .build()) {
            client.performRequest(new Request("GET", "/"));
            client.performRequest(new Request("GET", "/"));
        }
    }
}
