package org.bulletinsearch.bench.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 *
 * @param directory where recordings go
 * @param enabled nothing is recorded unless set
 */
public record FlightRecorder(Path directory, boolean enabled, Consumer<String> log) {

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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            Path file = directory.resolve(phase + "-" + process.getKey() + ".jfr").toAbsolutePath();
            try {
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
