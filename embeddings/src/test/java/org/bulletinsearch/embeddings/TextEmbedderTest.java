package org.bulletinsearch.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextEmbedderTest {

    private static final String E_LEARNING = EmbeddingText.of("Customs academy opens its online campus",
            "Officers at remote posts can now follow courses on tariff classification and valuation from their own"
                    + " stations through a web-based learning platform, without travelling to the capital.");
    private static final String EARTHQUAKE = EmbeddingText.of("Relief consignments cleared within hours",
            "After the earthquake destroyed roads in the north, the customs administration opened a priority lane"
                    + " for tents, medicines and water sent by neighbouring countries.");
    private static final String COUNTERFEITS = EmbeddingText.of("Port seizes 40,000 fake handbags",
            "Inspectors found imitation designer goods and forged watches in containers declared as textiles;"
                    + " the rights holders confirmed the items were counterfeit.");
    private static final String TARIFF = EmbeddingText.of("New tariff schedule published",
            "The finance ministry published the rates of import duty that apply from January, with lower duties"
                    + " on agricultural machinery.");
    private static final List<String> ARTICLES = List.of(E_LEARNING, EARTHQUAKE, COUNTERFEITS, TARIFF);

    private static TextEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = TextEmbedder.load(2);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void closeWaitsForEmbeddingsStillRunningAfterTheirCallerWasInterrupted() throws Exception {
        TextEmbedder own = TextEmbedder.load(1);
        Thread caller = new Thread(() -> {
            try {
                own.embedAll(Collections.nCopies(60, TARIFF));
            } catch (RuntimeException interrupted) {
                // langchain4j stops waiting for the pool; the pool's thread goes on in native code
            }
        });
        caller.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("embedding-") && t.getState() == Thread.State.RUNNABLE));
        caller.interrupt();
        caller.join();

        own.close(); // freeing the session under the running embedding would kill this JVM with SIGSEGV
        assertThatThrownBy(() -> own.embed("customs")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        own.close();
    }

    @Test
    void vectorsHaveTheModelsDimensionAndUnitLength() {
        float[] v = embedder.embed("customs cooperation");
        assertThat(v).hasSize(TextEmbedder.DIMENSION);
        assertThat(dot(v, v)).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void theSameTextInComposedOrDecomposedFormGivesTheSameVector() {
        assertThat(embedder.embed("Zu\u0308rich airport cargo")).containsExactly(embedder.embed("Z\u00fcrich airport cargo"));
    }

    @Test
    void aQuestionInOtherWordsFindsTheArticleThatMeansIt() {
        assertThat(nearest("distance training for border officials")).isEqualTo(E_LEARNING);
        assertThat(nearest("help for countries after earthquakes")).isEqualTo(EARTHQUAKE);
        assertThat(nearest("fighting fake goods at the border")).isEqualTo(COUNTERFEITS);
        assertThat(nearest("how much duty do I pay on tractors")).isEqualTo(TARIFF);
    }

    @Test
    void embeddingSeveralTextsInParallelKeepsTheirOrder() {
        List<float[]> all = embedder.embedAll(ARTICLES);
        for (int i = 0; i < ARTICLES.size(); i++) {
            assertThat(all.get(i)).containsExactly(embedder.embed(ARTICLES.get(i)));
        }
    }

    @Test
    void atLeastOneThreadIsRequired() {
        assertThatThrownBy(() -> TextEmbedder.load(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String nearest(String query) {
        float[] q = embedder.embed(query);
        String best = null;
        double bestScore = -2;
        for (String article : ARTICLES) {
            double score = dot(q, embedder.embed(article));
            if (score > bestScore) {
                bestScore = score;
                best = article;
            }
        }
        return best;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
