package org.bulletinsearch.search.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.bulletinsearch.search.page.TestConfigs;
import org.junit.jupiter.api.Test;

/** The real model: a query asked again is not embedded again, unless no vectors are kept. */
class ArticleEmbedderTest {

    private static ArticleEmbedder loaded(int queryCache) {
        ArticleEmbedder embedder = new ArticleEmbedder(
                TestConfigs.vectors(Map.of("search.vectors.query-cache", String.valueOf(queryCache))));
        embedder.onStart(null);
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(embedder::ready);
        return embedder;
    }

    @Test
    void aQueryAskedAgainGetsTheVectorItGotBeforeWhateverItsUnicodeForm() {
        ArticleEmbedder embedder = loaded(1000);
        try {
            float[] first = embedder.query("caf\u00e9 imports at the port").orElseThrow();
            assertThat(embedder.query("cafe\u0301 imports at the port")).as("decomposed é").containsSame(first);
            assertThat(embedder.query("tea imports at the port").orElseThrow()).isNotEqualTo(first);
        } finally {
            embedder.onStop(null);
        }
    }

    @Test
    void withoutACacheEveryQueryIsEmbeddedAgainToTheSameVector() {
        ArticleEmbedder embedder = loaded(0);
        try {
            float[] first = embedder.query("tariff quotas").orElseThrow();
            float[] again = embedder.query("tariff quotas").orElseThrow();
            assertThat(again).isNotSameAs(first).isEqualTo(first);
        } finally {
            embedder.onStop(null);
        }
    }
}
