package org.bulletinsearch.bench.load;

import java.time.Duration;
import java.util.Collection;
import java.util.function.IntFunction;
import org.bulletinsearch.bench.resources.JitCompilers;

/**
 * Untimed load before a measured run, kept up until the JIT compilers of the processes under test go quiet,
 * so that a figure measures a running system rather than one still compiling its request path. A fixed
 * warm-up of 15 s left the search service compiling for minutes: its C2 thread took half its CPU, which
 * the engine alone (already compiled by the same load) did not pay.
 *
 * @param seconds how long the warm-up load ran
 * @param compileSeconds CPU seconds the watched JIT compilers used meanwhile; -1 when the platform cannot say
 * @param settled true when the last window was quiet, false when {@code atMost} ended it first
 */
public record WarmUp(double seconds, double compileSeconds, boolean settled) {

    /** One window of load between two looks at the compilers. */
    static final Duration WINDOW = Duration.ofSeconds(10);
    /**
     * Quiet: the compilers used under 3 % of one core in the last window. A JVM that keeps serving the same
     * requests drops from about 50 % to this within minutes; single late compilations take 0.1–0.8 s.
     */
    static final double QUIET_SHARE = 0.03;

    /**
     * Runs {@code operations} from {@code threads} closed-loop threads for at least {@code atLeast}, then
     * window by window until a window in which the compilers of {@code pids} were quiet, or {@code atMost}.
     * Where per-thread CPU is unknown (not Linux) it runs {@code atLeast} only.
     */
    public static WarmUp untilCompiled(int threads, IntFunction<LoadRun.Operation> operations, Collection<Long> pids,
            Duration atLeast, Duration atMost) {
        long start = System.nanoTime();
        double compiledBefore = JitCompilers.seconds(pids);
        LoadRun.run(threads, Duration.ZERO, atLeast, operations);
        boolean settled = compiledBefore < 0;
        while (!settled && System.nanoTime() - start < atMost.toNanos()) {
            double before = JitCompilers.seconds(pids);
            LoadRun.run(threads, Duration.ZERO, WINDOW, operations);
            settled = JitCompilers.seconds(pids) - before < QUIET_SHARE * WINDOW.toNanos() / 1e9;
        }
        double compiled = compiledBefore < 0 ? -1 : JitCompilers.seconds(pids) - compiledBefore;
        return new WarmUp((System.nanoTime() - start) / 1e9, compiled, settled);
    }

    /** "warmed up 150 s (JIT compilers 41.2 s of CPU, then quiet)". */
    public String describe() {
        if (compileSeconds < 0) {
            return String.format("warmed up %.0f s", seconds);
        }
        return String.format("warmed up %.0f s (JIT compilers %.1f s of CPU, %s)", seconds, compileSeconds,
                settled ? "then quiet" : "still compiling when the warm-up ended");
    }
}
