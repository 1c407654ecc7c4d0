package org.bulletinsearch.catalog.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of "same story" on the labelled pairs, the threshold sweep, the LSH candidate
 * rate and the cost of a signature. Measurements other than the asserted precision and recall are
 * printed for information ({@code [stories] ...} lines) and never asserted.
 */
class StoryEvaluationTest {

    private static final double MIN_PRECISION = 0.95;
    private static final double MIN_RECALL = 0.90;

    private static StoryCorpus corpus;
    private static Map<String, StoryFeatures> features;

    @BeforeAll
    static void computeFeatures() {
        corpus = StoryCorpus.load();
        features = featuresOf(corpus, KeyTerms.defaults());
    }

    private static Map<String, StoryFeatures> featuresOf(StoryCorpus corpus, KeyTerms keyTerms) {
        Map<String, StoryFeatures> byLabel = new HashMap<>();
        for (StoryCorpus.Article a : corpus.articles()) {
            byLabel.put(a.label(), StoryFeatures.of(a.id(), a.title(), a.body(), keyTerms));
        }
        return byLabel;
    }

    /** Confusion counts of "same story". */
    record Counts(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
        double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? 1.0 : truePositives / (double) predicted;
        }

        double recall() {
            return truePositives / (double) (truePositives + falseNegatives);
        }

        Counts plus(boolean actual, boolean predicted) {
            return new Counts(truePositives + (actual && predicted ? 1 : 0), falsePositives + (!actual && predicted ? 1 : 0),
                    falseNegatives + (actual && !predicted ? 1 : 0), trueNegatives + (!actual && !predicted ? 1 : 0));
        }
    }

    private static Counts evaluate(List<StoryCorpus.Pair> pairs, StoryMatcher matcher, Map<String, StoryFeatures> features) {
        Counts counts = new Counts(0, 0, 0, 0);
        for (StoryCorpus.Pair pair : pairs) {
            boolean predicted = matcher.decide(features.get(pair.left().label()), features.get(pair.right().label())).sameStory();
            counts = counts.plus(pair.same(), predicted);
        }
        return counts;
    }

    @Test
    void labelledPairsReachPrecisionAndRecall() {
        List<StoryCorpus.Pair> pairs = corpus.pairs(StoryCorpus.MAIN_PAIRS);
        assertThat(corpus.articles(StoryCorpus.MAIN_ARTICLES)).hasSizeGreaterThanOrEqualTo(40);
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(120);
        pairs.forEach(p -> assertThat(p.same()).as("label of %s / %s", p.left().label(), p.right().label())
                .isEqualTo(p.left().story().equals(p.right().story())));

        StoryMatcher matcher = StoryMatcher.defaults();
        Counts counts = evaluate(pairs, matcher, features);
        long same = pairs.stream().filter(StoryCorpus.Pair::same).count();
        System.out.printf("[stories] precision=%.3f recall=%.3f threshold=%.2f pairs=%d (same=%d, different=%d) %s%n",
                counts.precision(), counts.recall(), matcher.threshold(), pairs.size(), same, pairs.size() - same, counts);
        printByKind(pairs, matcher);

        assertThat(counts.precision()).as("precision of same story").isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(counts.recall()).as("recall of same story").isGreaterThanOrEqualTo(MIN_RECALL);
    }

    private static void printByKind(List<StoryCorpus.Pair> pairs, StoryMatcher matcher) {
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (StoryCorpus.Pair pair : pairs) {
            MatchDecision decision = matcher.decide(features.get(pair.left().label()), features.get(pair.right().label()));
            String kind = (pair.same() ? "same: " : "different: ") + pair.kind();
            int[] rightAndTotal = byKind.computeIfAbsent(pair.same() ? "same (all kinds)" : kind, k -> new int[2]);
            boolean right = decision.sameStory() == pair.same();
            rightAndTotal[0] += right ? 1 : 0;
            rightAndTotal[1]++;
            if (!right) {
                errors.add(String.format("[stories]   wrong: %s %s / %s J~%.3f %s", kind, pair.left().label(),
                        pair.right().label(), decision.estimatedJaccard(), decision.verdict()));
            }
        }
        byKind.forEach((kind, n) -> System.out.printf("[stories]   %-45s %d/%d right%n", kind, n[0], n[1]));
        errors.forEach(System.out::println);
    }

    @Test
    void thresholdSweep() {
        List<StoryCorpus.Pair> pairs = corpus.pairs(StoryCorpus.MAIN_PAIRS);
        Map<String, StoryFeatures> unguarded = featuresOf(corpus, KeyTerms.none());
        System.out.println("[stories] sweep on labelled pairs: threshold, with key-term guard P/R, without guard P/R,"
                + " P(candidate) by LSH");
        List<Double> thresholds = new ArrayList<>(List.of(0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.50, 0.60, 0.70));
        thresholds.add(StoryMatcher.DEFAULT_THRESHOLD);
        Collections.sort(thresholds);
        for (double threshold : thresholds) {
            Counts guarded = evaluate(pairs, new StoryMatcher(threshold, KeyTerms.defaults()), features);
            Counts bare = evaluate(pairs, new StoryMatcher(threshold, KeyTerms.none()), unguarded);
            System.out.printf("[stories]   threshold=%.2f guard P=%.3f R=%.3f | no guard P=%.3f R=%.3f | P(candidate)=%.3f%n",
                    threshold, guarded.precision(), guarded.recall(), bare.precision(), bare.recall(),
                    LshBands.candidateProbability(threshold));
        }
    }

    /** Every pair of the whole corpus (main and held-out articles), labelled by story, plus the held-out pairs. */
    @Test
    void allPairsOfTheCorpusAndHeldOutPairs() {
        List<StoryCorpus.Article> articles = corpus.articles();
        StoryMatcher matcher = StoryMatcher.defaults();
        Counts counts = new Counts(0, 0, 0, 0);
        long crossStory = 0;
        long crossStoryCandidates = 0;
        for (int i = 0; i < articles.size(); i++) {
            for (int j = i + 1; j < articles.size(); j++) {
                StoryFeatures a = features.get(articles.get(i).label());
                StoryFeatures b = features.get(articles.get(j).label());
                boolean same = articles.get(i).story().equals(articles.get(j).story());
                counts = counts.plus(same, matcher.decide(a, b).sameStory());
                if (!same) {
                    crossStory++;
                    crossStoryCandidates += Collections.disjoint(a.signature().bandKeys(), b.signature().bandKeys()) ? 0 : 1;
                }
            }
        }
        System.out.printf("[stories] all %d pairs of %d articles: precision=%.3f recall=%.3f %s%n",
                counts.truePositives() + counts.falsePositives() + counts.falseNegatives() + counts.trueNegatives(),
                articles.size(), counts.precision(), counts.recall(), counts);
        System.out.printf("[stories] LSH candidates among different-story pairs: %d of %d (%.2f%%)%n",
                crossStoryCandidates, crossStory, 100.0 * crossStoryCandidates / crossStory);
        Counts heldOut = evaluate(corpus.pairs(StoryCorpus.HOLDOUT_PAIRS), matcher, features);
        System.out.printf("[stories] held-out pairs (never used for tuning): precision=%.3f recall=%.3f %s%n",
                heldOut.precision(), heldOut.recall(), heldOut);

        assertThat(counts.precision()).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(counts.recall()).isGreaterThanOrEqualTo(MIN_RECALL);
    }

    @Test
    void microsecondsPerSignature() {
        List<StoryCorpus.Article> articles = corpus.articles();
        long checksum = 0;
        for (int warmUp = 0; warmUp < 200; warmUp++) {
            for (StoryCorpus.Article a : articles) {
                checksum += StorySignature.of(a.title(), a.body()).shingleCount();
            }
        }
        int rounds = 200;
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (StoryCorpus.Article a : articles) {
                checksum += StorySignature.of(a.title(), a.body()).shingleCount();
            }
        }
        double signatureMicros = (System.nanoTime() - start) / 1000.0 / (rounds * articles.size());
        start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (StoryCorpus.Article a : articles) {
                checksum += KeyTerms.defaults().extract(a.title(), a.body()).size();
            }
        }
        double keyTermMicros = (System.nanoTime() - start) / 1000.0 / (rounds * articles.size());
        System.out.printf("[stories] µs/signature=%.1f µs/key-terms=%.1f (%d articles x %d rounds, information only, checksum %d)%n",
                signatureMicros, keyTermMicros, articles.size(), rounds, checksum);
        assertThat(checksum).isPositive();
    }
}
