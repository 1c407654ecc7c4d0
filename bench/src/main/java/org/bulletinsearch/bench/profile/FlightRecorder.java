package org.bulletinsearch.bench.profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Java Flight Recorder on the services (and the engine) during one phase, started and stopped with
 * {@code jcmd} so the services run with exactly the JVM options the platform gives them.
 * Summarize the recordings with {@link JfrSummary}.
 */
public final class FlightRecorder {

    private final Path directory;
    private final Consumer<String> log;
    private final boolean enabled;

    public FlightRecorder(Path directory, boolean enabled, Consumer<String> log) {
        this.directory = directory;
        this.enabled = enabled;
        this.log = log;
    }

    /**
     * async-profiler's agent (libasyncProfiler.so, e.g. from the tools.profiler:async-profiler jar on Maven
     * Central) when BENCH_ASYNC_PROFILER names it: CPU samples of every thread, native and kernel time
     * included, which JFR's Java-only sampler misses. Output: collapsed stacks, see {@link CollapsedSummary}.
     */
    private static final String ASYNC_PROFILER = System.getenv("BENCH_ASYNC_PROFILER");

    /** A recording in progress on several processes. */
    public final class Recording implements AutoCloseable {
        private final String name;
        private final Map<String, Long> pids;
        private final List<Path> files = new ArrayList<>();

        private Recording(String name, Map<String, Long> pids) {
            this.name = name;
            this.pids = pids;
        }

        @Override
        public void close() {
            for (Map.Entry<String, Long> process : pids.entrySet()) {
                try {
                    if (ASYNC_PROFILER != null) {
                        Path file = directory.resolve(name + "-" + process.getKey() + ".collapsed").toAbsolutePath();
                        Jcmd.run(process.getValue(), "JVMTI.agent_load", ASYNC_PROFILER, "\"stop,threads,collapsed,file=" + file + "\"");
                        continue;
                    }
                    Jcmd.run(process.getValue(), "JFR.stop", "name=bench-" + name);
                } catch (RuntimeException e) {
                    log.accept("JFR: could not stop the recording of " + process.getKey() + ": " + e.getMessage());
                }
            }
            if (!files.isEmpty()) {
                log.accept("JFR recordings of " + name + ": " + files);
            }
        }
    }

    /** Starts a recording named after the phase on each process; a no-op unless profiling is on. */
    public Recording start(String phase, Map<String, Long> pids) {
        if (!enabled) {
            return new Recording(phase, Map.of());
        }
        Map<String, Long> started = new LinkedHashMap<>();
        Recording recording = new Recording(phase, started);
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            Path file = directory.resolve(phase + "-" + process.getKey() + ".jfr").toAbsolutePath();
            try {
                if (ASYNC_PROFILER != null) {
                    Jcmd.run(process.getValue(), "JVMTI.agent_load", ASYNC_PROFILER, "\"start,event=cpu,interval=1ms\"");
                    started.put(process.getKey(), process.getValue());
                    recording.files.add(directory.resolve(phase + "-" + process.getKey() + ".collapsed"));
                    continue;
                }
                Jcmd.run(process.getValue(), "JFR.start", "name=bench-" + phase, "settings=profile",
                        "filename=" + file);
                started.put(process.getKey(), process.getValue());
                recording.files.add(file);
            } catch (RuntimeException e) {
                log.accept("JFR: could not record " + process.getKey() + ": " + e.getMessage());
            }
        }
        return recording;
    }
}
