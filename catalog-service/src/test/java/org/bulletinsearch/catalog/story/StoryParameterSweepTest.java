package org.bulletinsearch.catalog.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the shingling choices behind {@link StorySignature} were made: exact Jaccard similarity (no
 * MinHash noise) of the labelled main set for shingle length k, stop words kept or dropped, title
 * shingled or not, and the organisation's name removed or not. Prints one line per choice; asserts
 * nothing but that the production choice is among them.
 *
 * <p>Read: "re-tellings p5/p10/p50" should be high; "different stories p50/p95" (all pairs of
 * different stories, 98% of them unrelated: what LSH turns into useless candidates) low; "follow-ups
 * max" (different stories about the same project) below the threshold. Template twins (a few dozen
 * pairs) are left to the key-term guard.
 */
class StoryParameterSweepTest {

    @Test
    void shinglingChoices() {
        StoryCorpus corpus = StoryCorpus.load();
        List<StoryCorpus.Article> articles = corpus.articles(StoryCorpus.MAIN_ARTICLES);
        List<StoryCorpus.Pair> pairs = corpus.pairs(StoryCorpus.MAIN_PAIRS);
        List<Shingles.Options> choices = new ArrayList<>();
        for (boolean boilerplate : new boolean[] {true, false}) {
            for (int k = 1; k <= 5; k++) {
                for (boolean dropStopWords : new boolean[] {false, true}) {
                    for (boolean title : new boolean[] {false, true}) {
                        choices.add(new Shingles.Options(k, dropStopWords, title, boilerplate));
                    }
                }
            }
        }
        assertThat(choices).contains(Shingles.Options.DEFAULT);
        System.out.println("[stories] exact Jaccard by shingling choice (DEFAULT marked *)");
        for (Shingles.Options options : choices) {
            System.out.println(line(options, articles, pairs));
        }
    }

    private static String line(Shingles.Options options, List<StoryCorpus.Article> articles, List<StoryCorpus.Pair> pairs) {
        Map<String, long[]> shingles = new HashMap<>();
        articles.forEach(a -> shingles.put(a.label(), Shingles.of(a.title(), a.body(), options)));
        List<Double> retellings = new ArrayList<>();
        List<Double> followUps = new ArrayList<>();
        for (StoryCorpus.Pair pair : pairs) {
            double j = jaccard(shingles.get(pair.left().label()), shingles.get(pair.right().label()));
            if (pair.same()) {
                retellings.add(j);
            } else if (pair.kind().startsWith("follow-up")) {
                followUps.add(j);
            }
        }
        List<Double> differentStories = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            for (int j = i + 1; j < articles.size(); j++) {
                if (!articles.get(i).story().equals(articles.get(j).story())) {
                    differentStories.add(jaccard(shingles.get(articles.get(i).label()), shingles.get(articles.get(j).label())));
                }
            }
        }
        return String.format("[stories] %s k=%d stopWords=%-4s title=%-3s wcoName=%-7s | re-tellings p5=%.3f p10=%.3f p50=%.3f"
                        + " | follow-ups max=%.3f | different stories p50=%.3f p95=%.3f",
                options.equals(Shingles.Options.DEFAULT) ? "*" : " ", options.k(),
                options.dropStopWords() ? "drop" : "keep", options.includeTitle() ? "yes" : "no",
                options.removeBoilerplate() ? "removed" : "kept", quantile(retellings, 0.05), quantile(retellings, 0.10),
                quantile(retellings, 0.5), Collections.max(followUps), quantile(differentStories, 0.5), quantile(differentStories, 0.95));
    }

    static double jaccard(long[] sortedA, long[] sortedB) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < sortedA.length && j < sortedB.length) {
            int order = Long.compare(sortedA[i], sortedB[j]);
            common += order == 0 ? 1 : 0;
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }
        int union = sortedA.length + sortedB.length - common;
        return union == 0 ? 0.0 : common / (double) union;
    }

    private static double quantile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
