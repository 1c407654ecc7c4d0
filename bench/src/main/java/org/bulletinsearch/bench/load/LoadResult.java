package org.bulletinsearch.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a fixed-time closed-loop run measured.
 *
 * @param completed operations that succeeded inside the measured window
 * @param errors operations that failed (wrong status, exception)
 * @param seconds length of the measured window
 * @param sortedNanos latencies of the successful operations, sorted
 * @param sortedNanosByKind the same by {@link LoadRun.Operation#kind(long)}, each sorted; empty when operations have no kind
 * @param firstError the first failure's message, for the notes
 */
public record LoadResult(long completed, long errors, double seconds, long[] sortedNanos,
        Map<String, long[]> sortedNanosByKind, String firstError) {

    /** Completed requests per second. */
    public double throughput() {
        return completed / seconds;
    }

    /** Median latency in milliseconds. */
    public double p50Millis() {
        return Latencies.percentileMillis(sortedNanos, 50);
    }

    /** 99th percentile latency in milliseconds. */
    public double p99Millis() {
        return Latencies.percentileMillis(sortedNanos, 99);
    }

    /**
     * Each kind's p50 / p99 in ms in two runs of the same operations, for a figure's notes:
     * {@code "one word 12.1 / 30.2 | 20.3 / 41.0, two words ..."}; "NaN" where a run has none of a kind.
     *
     * @param kinds the {@link LoadRun.Operation#kind(long)} values, in the order to list them
     */
    public static String byKind(List<String> kinds, LoadResult left, LoadResult right) {
        List<String> parts = new ArrayList<>();
        for (String kind : kinds) {
            parts.add(String.format("%s %s | %s", kind, left.percentilesOf(kind), right.percentilesOf(kind)));
        }
        return String.join(", ", parts);
    }

    private String percentilesOf(String kind) {
        long[] sorted = sortedNanosByKind.getOrDefault(kind, new long[0]);
        return String.format("%.1f / %.1f", Latencies.percentileMillis(sorted, 50),
                Latencies.percentileMillis(sorted, 99));
    }

    /** One line for the console. */
    public String summary() {
        return String.format("%.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors", throughput(), p50Millis(), p99Millis(),
                errors);
    }
}
