package org.bulletinsearch.search.relevance;

import java.util.List;
import java.util.Map;

/**
 * The standard measures of a ranked list against graded judgments (Manning, Raghavan, Schütze, "Introduction to
 * Information Retrieval", ch. 8; nDCG as Järvelin and Kekäläinen, 2002, with the exponential gain 2^grade - 1
 * and the discount log2(rank + 1) that TREC tools use). An article is relevant when its grade is 1 or more.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /** Relevant articles among the first {@code k} results, divided by {@code k} (missing results count as misses). */
    public static double precisionAt(int k, List<String> ranked, Map<String, Integer> grades) {
        return (double) relevantIn(k, ranked, grades) / k;
    }

    /** Relevant articles among the first {@code k} results, divided by all relevant articles (1 when there are none). */
    public static double recallAt(int k, List<String> ranked, Map<String, Integer> grades) {
        long relevant = grades.values().stream().filter(g -> g > 0).count();
        return relevant == 0 ? 1 : (double) relevantIn(k, ranked, grades) / relevant;
    }

    /** Discounted cumulative gain of the first {@code k} results over that of the ideal order (1 when nothing is relevant). */
    public static double ndcgAt(int k, List<String> ranked, Map<String, Integer> grades) {
        double ideal = dcg(k, grades.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList());
        if (ideal == 0) {
            return 1;
        }
        List<Integer> gains = ranked.stream().limit(k).map(id -> grades.getOrDefault(id, 0)).toList();
        return dcg(k, gains) / ideal;
    }

    private static double dcg(int k, List<Integer> gradesInOrder) {
        double sum = 0;
        for (int i = 0; i < Math.min(k, gradesInOrder.size()); i++) {
            sum += (Math.pow(2, gradesInOrder.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }

    private static long relevantIn(int k, List<String> ranked, Map<String, Integer> grades) {
        return ranked.stream().limit(k).filter(id -> grades.getOrDefault(id, 0) > 0).count();
    }
}
