package org.bulletinsearch.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexCompactionTest {

    @Test
    void theEngineIsAskedFourTimesPerIdleSpellWithinBounds() {
        assertThat(IndexCompaction.period(1_000)).isEqualTo(250);
        assertThat(IndexCompaction.period(10)).isEqualTo(100);
        assertThat(IndexCompaction.period(5 * 60_000)).isEqualTo(30_000);
    }
}
