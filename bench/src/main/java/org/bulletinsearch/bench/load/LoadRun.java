package org.bulletinsearch.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * N threads, each sending its next operation as soon as the previous one answered, for a fixed time
 * after a warm-up (closed loop, like {@code wrk} or {@code hey -z}). Latency and throughput come from
 * the same operations.
 */
public final class LoadRun {

    /** One request (or query); true when it succeeded. {@code sequence} counts this thread's operations. */
    @FunctionalInterface
    public interface Operation {
        boolean run(long sequence) throws Exception;

        /**
         * What the operation numbered {@code sequence} asks (a query's name, say), so that latencies are also kept
         * by kind ({@link LoadResult#sortedNanosByKind()}); null, the default, keeps none.
         */
        default String kind(long sequence) {
            return null;
        }
    }

    /**
     * How far apart the client threads start in a list they cycle through ({@link #inTurn}): a prime, so that the
     * first threads start on different items of any list whose length is not a multiple of it (5 put threads 0
     * and 2 on the same item of the hybrid load's 10 queries).
     */
    private static final int THREAD_STRIDE = 7;

    private LoadRun() {
    }

    /**
     * The item that client thread {@code thread} asks at its operation {@code sequence}: each thread cycles through
     * {@code items} in order, starting {@value #THREAD_STRIDE} items after the thread before it, so the threads do
     * not ask the same item at once.
     *
     * @throws IllegalArgumentException when {@code items} is empty
     */
    public static <T> T inTurn(List<T> items, int thread, long sequence) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to cycle through");
        }
        return items.get((int) ((thread * (long) THREAD_STRIDE + sequence) % items.size()));
    }

    /**
     * Runs the closed loop and returns what it measured.
     *
     * @param threads    how many operations are in flight at once
     * @param warmup     time from the workers' start whose operations are run but not measured
     * @param duration   the measured window after the warm-up; an operation counts when it started and ended in it
     * @param operations gives each thread (by index) its own operation, e.g. with its own connection; built
     *                   before the clock starts
     * @return the measured operations' latencies (all and by kind), failures and the window's length
     */
    public static LoadResult run(int threads, Duration warmup, Duration duration, IntFunction<Operation> operations) {
        List<Operation> built = IntStream.range(0, threads).<Operation>mapToObj(operations).toList();
        // the clock starts once every operation is built: their connections take none of the window
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long measureUntil = measureFrom + duration.toNanos();
        List<Latencies> latencies = new ArrayList<>();
        List<Map<String, Latencies>> byKind = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            Map<String, Latencies> mineByKind = new HashMap<>();
            byKind.add(mineByKind);
            Operation operation = built.get(t);
            Thread worker = new Thread(() -> {
                long sequence = 0;
                while (true) {
                    long start = System.nanoTime();
                    if (start >= measureUntil) {
                        return;
                    }
                    String kind = operation.kind(sequence);
                    boolean ok;
                    String failure = null;
                    try {
                        ok = operation.run(sequence++);
                        if (!ok) {
                            failure = "operation answered with an error";
                        }
                    } catch (Exception e) {
                        ok = false;
                        failure = e.toString();
                    }
                    long end = System.nanoTime();
                    if (start >= measureFrom && end <= measureUntil) {
                        if (ok) {
                            mine.add(end - start);
                            if (kind != null) {
                                mineByKind.computeIfAbsent(kind, k -> new Latencies()).add(end - start);
                            }
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, failure);
                        }
                    }
                }
            }, "load-" + t);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        long[] sorted = Latencies.mergeSorted(latencies);
        return new LoadResult(sorted.length, errors.get(), duration.toNanos() / 1e9, sorted, mergeByKind(byKind),
                firstError.get());
    }

    private static Map<String, long[]> mergeByKind(List<Map<String, Latencies>> perThread) {
        Map<String, List<Latencies>> grouped = new HashMap<>();
        perThread.forEach(kinds -> kinds.forEach((kind, latencies) ->
                grouped.computeIfAbsent(kind, k -> new ArrayList<>()).add(latencies)));
        Map<String, long[]> merged = new HashMap<>();
        grouped.forEach((kind, latencies) -> merged.put(kind, Latencies.mergeSorted(latencies)));
        return merged;
    }
}
