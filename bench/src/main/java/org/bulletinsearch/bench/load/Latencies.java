package org.bulletinsearch.bench.load;

import java.util.Arrays;

/** Latencies in nanoseconds, growable, for one thread; merged and sorted once the run is over. */
public final class Latencies {

    private long[] values = new long[4096];
    private int size;

    /** Records one latency. */
    public void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** How many were recorded. */
    public int size() {
        return size;
    }

    /** Every thread's latencies in one sorted array. */
    public static long[] mergeSorted(Iterable<Latencies> all) {
        int total = 0;
        for (Latencies latencies : all) {
            total += latencies.size;
        }
        long[] merged = new long[total];
        int at = 0;
        for (Latencies latencies : all) {
            System.arraycopy(latencies.values, 0, merged, at, latencies.size);
            at += latencies.size;
        }
        Arrays.sort(merged);
        return merged;
    }

    /** Nearest-rank percentile of sorted values, in milliseconds; NaN when there are none. */
    public static double percentileMillis(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
