package org.bulletinsearch.bench.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU seconds per component (each service, the engine, Kafka, PostgreSQL, the benchmark's own client)
 * over a window: where a figure's time goes, measured in the same run.
 *
 * @param components the components to account, asked at each snapshot
 */
public record ComponentCpu(Supplier<Map<String, Component>> components) {

    /** Processes of one component; with descendants or not (the benchmark JVM's children are the platform). */
    public record Component(List<ProcessHandle> roots, boolean withDescendants) {
    }

    /** CPU seconds used so far by each component. */
    public Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        components.get().forEach((name, component) -> seconds.put(name, component.roots().stream()
                .flatMap(root -> component.withDescendants() ? Stream.concat(Stream.of(root), root.descendants()) : Stream.of(root))
                .mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0))
                .sum()));
        return seconds;
    }

    /** Difference of two snapshots, per component. */
    public static Map<String, Double> used(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((name, seconds) -> used.put(name, Math.max(0, seconds - before.getOrDefault(name, 0.0))));
        return used;
    }

    /** "search-engine 41.2 s (52%), ..." ordered by use, shares of the window's total CPU capacity. */
    public static String describe(Map<String, Double> used, double wallSeconds) {
        double capacity = wallSeconds * CpuPinning.machineCpus();
        return used.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.1f s (%.0f%%)", e.getKey(), e.getValue(), 100 * e.getValue() / capacity))
                .collect(Collectors.joining(", "))
                + String.format(" of %.1f s × %d cores", wallSeconds, CpuPinning.machineCpus());
    }
}
