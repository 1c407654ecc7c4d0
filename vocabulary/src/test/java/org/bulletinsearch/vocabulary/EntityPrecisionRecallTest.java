package org.bulletinsearch.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of {@link EntityExtractor} per facet over the hand-labelled set, with floors that
 * fail the build when a dictionary change makes extraction worse. Also prints extraction time per article,
 * for information only: timing is never asserted.
 */
class EntityPrecisionRecallTest {

    private static final int MIN_ARTICLES = 60;
    private static final long WARM_UP_NANOS = 1_500_000_000L;
    private static final long MEASURE_NANOS = 500_000_000L;

    private static List<LabelledArticle> articles;

    /** Micro-averaged counts for one facet. */
    private static final class Score {
        int truePositives;
        int falsePositives;
        int falseNegatives;

        void add(Set<String> expected, List<String> found) {
            Set<String> hit = new TreeSet<>(found);
            hit.retainAll(expected);
            truePositives += hit.size();
            falsePositives += found.size() - hit.size();
            falseNegatives += expected.size() - hit.size();
        }

        double precision() {
            int n = truePositives + falsePositives;
            return n == 0 ? 1.0 : (double) truePositives / n;
        }

        double recall() {
            int n = truePositives + falseNegatives;
            return n == 0 ? 1.0 : (double) truePositives / n;
        }
    }

    @BeforeAll
    static void load() throws IOException {
        articles = LabelledArticle.load();
    }

    @Test
    void theSetIsLargeEnough() {
        assertThat(articles).hasSizeGreaterThanOrEqualTo(MIN_ARTICLES);
    }

    @Test
    void precisionAndRecallPerFacetMeetTheFloors() {
        EntityExtractor extractor = EntityExtractor.shared();
        Map<String, Score> scores = new LinkedHashMap<>();
        for (Facet f : Facet.values()) {
            scores.put(f.name().toLowerCase(Locale.ROOT), new Score());
        }
        scores.put("year", new Score());
        for (LabelledArticle a : articles) {
            ArticleEntities found = extractor.extract(a.title(), a.body());
            for (Facet f : Facet.values()) {
                scores.get(f.name().toLowerCase(Locale.ROOT)).add(a.expected().get(f), found.values(f));
                printMismatch(a, f.name(), a.expected().get(f), found.values(f));
            }
            Set<String> years = new TreeSet<>(a.years().stream().map(String::valueOf).toList());
            List<String> foundYears = found.years().stream().map(String::valueOf).toList();
            scores.get("year").add(years, foundYears);
            printMismatch(a, "YEAR", years, foundYears);
        }
        scores.forEach((facet, s) -> System.out.printf(Locale.ROOT,
                "[entities] %s precision=%.3f recall=%.3f (tp=%d fp=%d fn=%d)%n",
                facet, s.precision(), s.recall(), s.truePositives, s.falsePositives, s.falseNegatives));
        printTiming(extractor);

        assertThat(scores.get("country").precision()).as("country precision").isGreaterThanOrEqualTo(0.95);
        assertThat(scores.get("country").recall()).as("country recall").isGreaterThanOrEqualTo(0.9);
        assertThat(scores.get("organization").precision()).as("organization precision").isGreaterThanOrEqualTo(0.95);
        assertThat(scores.get("organization").recall()).as("organization recall").isGreaterThanOrEqualTo(0.9);
        assertThat(scores.get("programme").precision()).as("programme precision").isGreaterThanOrEqualTo(0.9);
        assertThat(scores.get("programme").recall()).as("programme recall").isGreaterThanOrEqualTo(0.85);
    }

    private static void printMismatch(LabelledArticle a, String facet, Set<String> expected, List<String> found) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(found);
        Set<String> extra = new TreeSet<>(found);
        extra.removeAll(expected);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            System.out.printf("[entities] line %d %s: missing=%s extra=%s (%s)%n", a.line(), facet, missing, extra,
                    a.title());
        }
    }

    /**
     * Information only: single-threaded extraction time once the JIT has compiled the hot paths (a time-boxed
     * warm-up, then a time-boxed measurement, so the test stays short on slow or busy machines).
     */
    private static void printTiming(EntityExtractor extractor) {
        runFor(WARM_UP_NANOS, extractor);
        long start = System.nanoTime();
        long extracted = runFor(MEASURE_NANOS, extractor);
        double micros = (System.nanoTime() - start) / 1000.0 / extracted;
        double words = articles.stream().mapToInt(a -> (a.title() + " " + a.body()).split("\\s+").length)
                .average().orElse(0);
        System.out.printf(Locale.ROOT, "[entities] extraction %.1f us/article (%.0f words on average, one thread)%n",
                micros, words);
    }

    private static long runFor(long nanos, EntityExtractor extractor) {
        long until = System.nanoTime() + nanos;
        long count = 0;
        while (System.nanoTime() < until) {
            for (LabelledArticle a : articles) {
                extractor.extract(a.title(), a.body());
            }
            count += articles.size();
        }
        return count;
    }

    @Test
    void theSetSharesNoSentenceWithTheSeedBulletins() throws IOException {
        Path seeds = SeedBulletins.folder();
        if (!Files.isDirectory(seeds)) {
            return;
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                all.append(Files.readString(p)).append('\n');
            }
        }
        for (LabelledArticle a : articles) {
            for (String sentence : a.body().split("(?<=\\.)\\s+")) {
                assertThat(all.indexOf(sentence)).as("line %d copies a seed sentence", a.line()).isEqualTo(-1);
            }
        }
    }
}
