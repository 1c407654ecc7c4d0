package org.bulletinsearch.bench.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Context switches of a process, summed over its threads, from {@code /proc/<pid>/task/<tid>/status}
 * ({@code voluntary_ctxt_switches}: the thread waited, for a lock, a queue or I/O;
 * {@code nonvoluntary_ctxt_switches}: the scheduler took the core away). Per request, they tell hand-offs
 * between threads apart from CPU work. Threads that ended inside a window take their counts with them, so
 * a window's figure is a lower bound where pools shrink.
 *
 * @param voluntary   switches where a thread gave up its core
 * @param involuntary switches where the scheduler preempted a thread
 */
public record ContextSwitches(long voluntary, long involuntary) {

    private static final ContextSwitches NONE = new ContextSwitches(0, 0);

    /** Switches so far of each named process (Linux); a process that is gone, or no /proc, counts none. */
    public static Map<String, ContextSwitches> snapshot(Map<String, Long> pids) {
        Map<String, ContextSwitches> counts = new LinkedHashMap<>();
        pids.forEach((name, pid) -> counts.put(name, of(pid)));
        return counts;
    }

    /** Switches of one process so far, over the threads it has now. */
    public static ContextSwitches of(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.map(ContextSwitches::ofThread).reduce(NONE, ContextSwitches::plus);
        } catch (IOException | RuntimeException gone) {
            return NONE;
        }
    }

    /**
     * "search-engine 41.0 (3.1 involuntary), ..." per request between two snapshots, busiest first; processes
     * with fewer than 0.05 per request are left out.
     */
    public static String perRequest(Map<String, ContextSwitches> before, Map<String, ContextSwitches> after,
            double requests) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().minus(before.getOrDefault(e.getKey(), NONE))))
                .filter(e -> e.getValue().total() / requests >= 0.05)
                .sorted((a, b) -> Long.compare(b.getValue().total(), a.getValue().total()))
                .map(e -> String.format("%s %.1f (%.1f involuntary)", e.getKey(), e.getValue().total() / requests,
                        e.getValue().involuntary() / requests))
                .collect(Collectors.joining(", "));
    }

    /** Both kinds together. */
    public long total() {
        return voluntary + involuntary;
    }

    ContextSwitches plus(ContextSwitches other) {
        return new ContextSwitches(voluntary + other.voluntary, involuntary + other.involuntary);
    }

    ContextSwitches minus(ContextSwitches other) {
        return new ContextSwitches(Math.max(0, voluntary - other.voluntary), Math.max(0, involuntary - other.involuntary));
    }

    private static ContextSwitches ofThread(Path thread) {
        long voluntary = 0;
        long involuntary = 0;
        try {
            for (String line : Files.readAllLines(thread.resolve("status"))) {
                if (line.startsWith("voluntary_ctxt_switches:")) {
                    voluntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                    involuntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException ended) {
            // The thread ended between the listing and the read.
        }
        return new ContextSwitches(voluntary, involuntary);
    }
}
