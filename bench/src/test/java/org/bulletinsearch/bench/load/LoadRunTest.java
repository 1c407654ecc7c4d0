package org.bulletinsearch.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A closed-loop run's latencies, in all and by the kind of each operation. */
class LoadRunTest {

    /** Even operations sleep 1 ms, odd ones 5 ms. */
    private static final class TwoKinds implements LoadRun.Operation {
        @Override
        public boolean run(long sequence) throws InterruptedException {
            Thread.sleep(sequence % 2 == 0 ? 1 : 5);
            return true;
        }

        @Override
        public String kind(long sequence) {
            return sequence % 2 == 0 ? "fast" : "slow";
        }
    }

    @Test
    void latenciesAreKeptByKindAsWellAsInAll() {
        LoadResult result = LoadRun.run(2, Duration.ZERO, Duration.ofMillis(300), t -> new TwoKinds());

        assertThat(result.sortedNanosByKind()).containsOnlyKeys("fast", "slow");
        long[] fast = result.sortedNanosByKind().get("fast");
        long[] slow = result.sortedNanosByKind().get("slow");
        assertThat(fast.length + slow.length).isEqualTo(result.completed());
        assertThat(Latencies.percentileMillis(slow, 50)).isGreaterThanOrEqualTo(5);
        assertThat(Latencies.percentileMillis(fast, 50)).isLessThan(Latencies.percentileMillis(slow, 50));
        assertThat(slow).isSorted();
        assertThat(Arrays.stream(fast).max().orElseThrow()).isLessThanOrEqualTo(result.sortedNanos()[result.sortedNanos().length - 1]);
    }

    @Test
    void operationsWithoutAKindKeepNoneByKind() {
        LoadResult result = LoadRun.run(1, Duration.ZERO, Duration.ofMillis(50), t -> sequence -> true);

        assertThat(result.completed()).isPositive();
        assertThat(result.sortedNanosByKind()).isEmpty();
    }
}
