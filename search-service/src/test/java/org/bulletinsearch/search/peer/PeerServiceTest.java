package org.bulletinsearch.search.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PeerServiceTest {

    @Test
    void pathsGoUnderTheBaseUrlWhateverTrailingSlashesItWasConfiguredWith() {
        for (String base : new String[] {"http://catalog:8082", "http://catalog:8082/", "http://catalog:8082///"}) {
            assertThat(new PeerService(URI.create(base), Duration.ofSeconds(1)).uri("/stories?articleId=a1"))
                    .as(base).isEqualTo(URI.create("http://catalog:8082/stories?articleId=a1"));
        }
    }

    @Test
    void aBasePathIsKept() {
        PeerService catalog = new PeerService(URI.create("https://gateway.example/catalog/"), Duration.ofSeconds(1));

        assertThat(catalog.uri("/articles/export?size=10")).isEqualTo(URI.create("https://gateway.example/catalog/articles/export?size=10"));
    }

    @Test
    void theClientSpeaksHttp11FollowsNoRedirectAndTakesTheConnectTimeout() {
        HttpClient client = new PeerService(URI.create("http://ingest:8081"), Duration.ofMillis(1500)).client();

        assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
        assertThat(client.connectTimeout()).contains(Duration.ofMillis(1500));
    }
}
