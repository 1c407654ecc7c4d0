package org.bulletinsearch.search.engine;

import io.quarkus.elasticsearch.restclient.lowlevel.ElasticsearchClientConfig;
import jakarta.enterprise.context.Dependent;
import java.util.Optional;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.elasticsearch.client.RestClientBuilder;

/**
 * The engine client's HTTP settings beyond Quarkus's {@code quarkus.elasticsearch.*}: without credentials, no
 * authentication cache. The low-level client registers a Basic scheme for every node in the Apache client's
 * {@code BasicAuthCache}, which keeps schemes serialized and deserializes the scheme again (an
 * {@code ObjectInputStream}) on every request: about 4 % of the search service's CPU per search under load
 * (JFR, 2026-12-04). With {@code quarkus.elasticsearch.username} set the cache stays: it is what sends the
 * credentials with the first request instead of after a 401.
 */
@ElasticsearchClientConfig
@Dependent
public class EngineHttpClient implements RestClientBuilder.HttpClientConfigCallback {

    private final boolean authenticates;

    public EngineHttpClient(@ConfigProperty(name = "quarkus.elasticsearch.username") Optional<String> username) {
        this.authenticates = username.isPresent();
    }

    @Override
    public HttpAsyncClientBuilder customizeHttpClient(HttpAsyncClientBuilder builder) {
        return authenticates ? builder : builder.disableAuthCaching();
    }
}
