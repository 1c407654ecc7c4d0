package org.bulletinsearch.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexCompactionTest {

    private static final long GB = 1024L * 1024 * 1024;

    @Test
    void anIndexIsMergedIntoOneSegmentPerFiveGigabytes() {
        assertThat(IndexCompaction.targetSegments(0)).isEqualTo(1);
        assertThat(IndexCompaction.targetSegments(2 * GB)).isEqualTo(1);
        assertThat(IndexCompaction.targetSegments(5 * GB)).isEqualTo(1);
        assertThat(IndexCompaction.targetSegments(5 * GB + 1)).isEqualTo(2);
        assertThat(IndexCompaction.targetSegments(12 * GB)).isEqualTo(3);
    }

    @Test
    void theEngineIsAskedFourTimesPerIdleSpellWithinBounds() {
        assertThat(IndexCompaction.period(1_000)).isEqualTo(250);
        assertThat(IndexCompaction.period(10)).isEqualTo(100);
        assertThat(IndexCompaction.period(5 * 60_000)).isEqualTo(30_000);
    }
}
