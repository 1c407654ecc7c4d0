package org.bulletinsearch.bench.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.bulletinsearch.bench.load.LoadResult;
import org.bulletinsearch.bench.search.QueryMix;
import org.junit.jupiter.api.Test;

class HybridLoadTest {

    private static final long MS = 1_000_000;

    @Test
    void eachWordQueryInRelevanceOrderHasItsOwnPercentilesInBothModes() {
        QueryMix mix = QueryMix.standard("http://127.0.0.1:8083", "harbour-news.txt");
        HybridLoad load = new HybridLoad(
                result(Map.of("one word", new long[] {10 * MS, 12 * MS, 90 * MS}, "two words", new long[] {5 * MS})),
                result(Map.of("one word", new long[] {20 * MS, 25 * MS, 120 * MS}, "two words", new long[] {7 * MS})));

        String byQuery = load.byQuery(mix);

        assertThat(byQuery).startsWith("one word 12.0 / 90.0 | 25.0 / 120.0, two words 5.0 / 5.0 | 7.0 / 7.0, ")
                .doesNotContain("by date").doesNotContain("browse newest");
        assertThat(byQuery.split(", ")).hasSize(10);
        assertThat(byQuery).contains("phrase NaN / NaN | NaN / NaN");
    }

    private static LoadResult result(Map<String, long[]> byKind) {
        return new LoadResult(0, 0, 10, new long[0], byKind, null);
    }
}
