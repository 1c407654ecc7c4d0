package org.bulletinsearch.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A closed-loop run's latencies, in all and by the kind of each operation. */
class LoadRunTest {

    /** Even operations are of kind "even", odd ones "odd". */
    private static final class TwoKinds implements LoadRun.Operation {
        @Override
        public boolean run(long sequence) {
            return true;
        }

        @Override
        public String kind(long sequence) {
            return sequence % 2 == 0 ? "even" : "odd";
        }
    }

    @Test
    void theLatenciesByKindSplitTheLatenciesOfTheWholeRun() {
        LoadResult result = LoadRun.run(2, Duration.ZERO, Duration.ofMillis(200), t -> new TwoKinds());

        assertThat(result.sortedNanosByKind()).containsOnlyKeys("even", "odd");
        long[] even = result.sortedNanosByKind().get("even");
        long[] odd = result.sortedNanosByKind().get("odd");
        assertThat(even).isSorted();
        assertThat(odd).isSorted();
        assertThat(even.length + odd.length).isEqualTo(result.completed());
        // each thread alternates, so the kinds differ by at most one operation per thread
        assertThat(Math.abs(even.length - odd.length)).isLessThanOrEqualTo(2);
        Latencies evenAndOdd = new Latencies();
        for (long[] kind : List.of(even, odd)) {
            for (long nanos : kind) {
                evenAndOdd.add(nanos);
            }
        }
        assertThat(Latencies.mergeSorted(List.of(evenAndOdd))).as("the same latencies as the whole run's")
                .isEqualTo(result.sortedNanos());
    }

    @Test
    void operationsWithoutAKindKeepNoneByKind() {
        LoadResult result = LoadRun.run(1, Duration.ZERO, Duration.ofMillis(200), t -> sequence -> true);

        assertThat(result.completed()).isPositive();
        assertThat(result.sortedNanosByKind()).isEmpty();
    }

    @Test
    void eachThreadCyclesThroughEveryItemInOrder() {
        List<String> items = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");

        for (int thread = 0; thread < 4; thread++) {
            int t = thread;
            List<String> asked = LongStream.range(0, items.size()).mapToObj(s -> LoadRun.inTurn(items, t, s)).toList();
            assertThat(asked).containsExactlyInAnyOrderElementsOf(items);
            int first = items.indexOf(asked.get(0));
            assertThat(LoadRun.inTurn(items, t, 1)).isEqualTo(items.get((first + 1) % items.size()));
        }
    }

    @Test
    void theFirstThreadsStartOnDifferentItems() {
        for (int size : new int[] {10, 12, 5, 3}) {
            List<Integer> items = IntStream.range(0, size).boxed().toList();
            Set<Integer> firsts = new HashSet<>();
            IntStream.range(0, Math.min(4, size)).forEach(t -> firsts.add(LoadRun.inTurn(items, t, 0)));
            assertThat(firsts).as("first items of %d threads over %d items", Math.min(4, size), size)
                    .hasSize(Math.min(4, size));
        }
    }

    @Test
    void anEmptyListHasNothingToAsk() {
        assertThatThrownBy(() -> LoadRun.inTurn(List.of(), 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
