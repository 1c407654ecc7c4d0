package org.bulletinsearch.bench.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Stream;

/**
 * CPU time that HotSpot's JIT compiler threads ({@code C1 CompilerThread0}, {@code C2 CompilerThread1}, …)
 * of some JVMs have used so far, from Linux's per-thread {@code /proc/<pid>/task/<tid>/stat} (utime and
 * stime, fields 14 and 15 in clock ticks; proc(5)). A JVM that still compiles its request path spends a
 * large share of its CPU there: in a 20 s window two minutes into a search load, half of the search
 * service's CPU went to C2, and its CPU per request fell from 4.6 to 1.2 ms once that stopped.
 */
public final class JitCompilers {

    private JitCompilers() {
    }

    /** Compiler CPU seconds of these processes so far; -1 when {@code /proc} cannot say (not Linux). */
    public static double seconds(Collection<Long> pids) {
        double ticks = 0;
        for (long pid : pids) {
            Path tasks = Path.of("/proc", Long.toString(pid), "task");
            if (!Files.isDirectory(tasks)) {
                if (Files.isDirectory(Path.of("/proc/self/task"))) {
                    continue; // ended: nothing more to compile
                }
                return -1;
            }
            try (Stream<Path> threads = Files.list(tasks)) {
                ticks += threads.mapToLong(JitCompilers::compilerTicks).sum();
            } catch (IOException | RuntimeException ended) {
                // the process ended while listed; its compilers no longer run
            }
        }
        return ticks / CpuAccounting.TICKS_PER_SECOND;
    }

    private static long compilerTicks(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String name = stat.substring(open + 1, close);
            if (!name.matches("C[12] CompilerThre.*")) {
                return 0;
            }
            // fields after the name start at field 3 (state); utime and stime are fields 14 and 15
            String[] fields = stat.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException ended) {
            return 0;
        }
    }
}
