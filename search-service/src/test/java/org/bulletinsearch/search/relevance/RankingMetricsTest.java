package org.bulletinsearch.search.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    private static final Map<String, Integer> GRADES = Map.of("a", 3, "b", 2, "c", 1);

    @Test
    void aPerfectRankingScoresOneEverywhere() {
        List<String> ranked = List.of("a", "b", "c", "x", "y");
        assertThat(RankingMetrics.ndcgAt(10, ranked, GRADES)).isEqualTo(1.0);
        assertThat(RankingMetrics.recallAt(10, ranked, GRADES)).isEqualTo(1.0);
        assertThat(RankingMetrics.precisionAt(5, ranked, GRADES)).isEqualTo(0.6);
    }

    @Test
    void theWorseOrderLosesNdcgButNotRecall() {
        List<String> reversed = List.of("x", "c", "b", "a");
        // DCG = 1/log2(3) + 3/log2(4) + 7/log2(5); ideal = 7 + 3/log2(3) + 1/log2(4)
        double expected = (1 / log2(3) + 3 / log2(4) + 7 / log2(5)) / (7 + 3 / log2(3) + 1 / log2(4));
        assertThat(RankingMetrics.ndcgAt(10, reversed, GRADES)).isCloseTo(expected, within(1e-12));
        assertThat(RankingMetrics.recallAt(10, reversed, GRADES)).isEqualTo(1.0);
    }

    @Test
    void missingResultsAreMissesAndOnlyTheFirstKCount() {
        assertThat(RankingMetrics.precisionAt(5, List.of("a"), GRADES)).isEqualTo(0.2);
        assertThat(RankingMetrics.recallAt(1, List.of("x", "a", "b"), GRADES)).isZero();
        assertThat(RankingMetrics.ndcgAt(10, List.of(), GRADES)).isZero();
    }

    @Test
    void judgmentsAreReadWithTheirFilters() {
        List<JudgedQuery> queries = JudgedQuery.parse("""
                # comment
                q: AEO
                filter: region=Africa
                note: why
                3 Title One
                1 Title: Two

                q: TRS
                2 Three
                """);
        assertThat(queries).containsExactly(
                new JudgedQuery("AEO", List.of("region=Africa"), Map.of("Title One", 3, "Title: Two", 1)),
                new JudgedQuery("TRS", List.of(), Map.of("Three", 2)));
        assertThat(queries.get(0).label()).isEqualTo("AEO [region=Africa]");
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
