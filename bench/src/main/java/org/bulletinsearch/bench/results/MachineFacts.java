package org.bulletinsearch.bench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the figures were measured on: they mean little without it. */
public record MachineFacts(int cores, long ramMegabytes, String cpuModel, String os, String java,
        String loadAverageAtStart) {

    /** This machine. */
    public static MachineFacts detect() {
        return new MachineFacts(Runtime.getRuntime().availableProcessors(), detectRam(), detectCpu(), detectOs(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                firstLine(Path.of("/proc/loadavg")).map(l -> String.join(" ", List.of(l.split(" ")).subList(0, 3)))
                        .orElse("n/a"));
    }

    /** One line: cores, memory, OS, JVM. */
    public String describe() {
        return cores + " cores (" + cpuModel + "), " + Numbers.format(ramMegabytes / 1024.0) + " GB RAM, " + os
                + ", " + java + "; load average at start " + loadAverageAtStart;
    }

    private static long detectRam() {
        return lines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(-1L);
    }

    private static String detectCpu() {
        List<String> cpuinfo = lines(Path.of("/proc/cpuinfo"));
        for (String key : List.of("model name", "Model", "Hardware", "CPU part")) {
            Optional<String> value = cpuinfo.stream().filter(l -> l.startsWith(key)).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .filter(v -> !v.isEmpty()).findFirst();
            if (value.isPresent()) {
                return value.get();
            }
        }
        return System.getProperty("os.arch");
    }

    private static String detectOs() {
        String pretty = lines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", "")).findFirst()
                .orElse(System.getProperty("os.name"));
        return pretty + " (kernel " + System.getProperty("os.version") + ", " + System.getProperty("os.arch") + ")";
    }

    private static Optional<String> firstLine(Path file) {
        return lines(file).stream().findFirst();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
