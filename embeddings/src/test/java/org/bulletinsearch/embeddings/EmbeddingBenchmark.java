package org.bulletinsearch.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Embedding rate on this machine for the two choices of {@link EmbeddingText} (title + lead, title + whole
 * body) and 1 or 2 threads, plus the model's load time and resident memory. Run with
 * {@code ./mvnw -B verify -Pbenchmark -pl embeddings -Dit.test=EmbeddingBenchmark}. Articles are generated:
 * 180-word bodies from a customs-news word list (the seed bulletins' median is about that length).
 */
class EmbeddingBenchmark {

    private static final String[] WORDS = ("customs administration officers border trade facilitation programme"
            + " training workshop capacity building risk management clearance time release study revenue tariff"
            + " classification valuation origin enforcement seizure counterfeit goods cooperation agreement"
            + " regional office donor partners digital single window declaration inspection port airport"
            + " the of and to in for with on by from a an as at").split(" ");
    private static final int ARTICLES = 400;

    @Test
    void ratesForLeadAndWholeBodyOnOneAndTwoThreads() {
        List<String[]> articles = generate();
        long rssBefore = residentKb();
        long start = System.nanoTime();
        try (TextEmbedder warm = TextEmbedder.load(1)) {
            System.out.printf("load: %d ms, resident memory +%d MB%n",
                    (System.nanoTime() - start) / 1_000_000, (residentKb() - rssBefore) / 1024);
            warm.embedAll(List.of("warm up", "the model"));
        }
        for (int threads : new int[] {1, 2}) {
            try (TextEmbedder embedder = TextEmbedder.load(threads)) {
                for (int round = 1; round <= 2; round++) {
                    report(embedder, threads, round, "title + lead", texts(articles, true));
                    report(embedder, threads, round, "title + body", texts(articles, false));
                }
            }
        }
    }

    private static void report(TextEmbedder embedder, int threads, int round, String what, List<String> texts) {
        long start = System.nanoTime();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < texts.size(); i += 50) {
            vectors.addAll(embedder.embedAll(texts.subList(i, Math.min(texts.size(), i + 50))));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(vectors).hasSize(texts.size());
        System.out.printf("round %d, %d thread(s), %s: %.0f embeddings/s (%d in %.1f s)%n",
                round, threads, what, texts.size() / seconds, texts.size(), seconds);
    }

    private static List<String> texts(List<String[]> articles, boolean lead) {
        return articles.stream().map(a -> lead ? EmbeddingText.of(a[0], a[1]) : a[0] + ". " + a[1]).toList();
    }

    private static List<String[]> generate() {
        Random random = new Random(42);
        List<String[]> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            articles.add(new String[] {words(random, 8), words(random, 180)});
        }
        return articles;
    }

    private static String words(Random random, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static long residentKb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return 0;
    }
}
