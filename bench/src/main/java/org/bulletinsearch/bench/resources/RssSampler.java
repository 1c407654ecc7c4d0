package org.bulletinsearch.bench.resources;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Samples the services' RSS in the background; a {@link Window} collects the peak of each process
 * while a phase runs ("RSS under load").
 */
public final class RssSampler implements AutoCloseable {

    private final Supplier<Map<String, Long>> pids;
    private final CopyOnWriteArrayList<Window> open = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "rss-sampler");
        thread.setDaemon(true);
        return thread;
    });

    /** Samples the processes {@code pids} names every {@code every}. */
    public RssSampler(Supplier<Map<String, Long>> pids, Duration every) {
        this.pids = pids;
        sampler.scheduleWithFixedDelay(this::sampleOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Peaks per process between {@link RssSampler#open()} and {@link #close()}. */
    public final class Window implements AutoCloseable {
        private final Map<String, Long> peakKilobytes = new ConcurrentHashMap<>();

        void record(String process, long kilobytes) {
            peakKilobytes.merge(process, kilobytes, Math::max);
        }

        @Override
        public void close() {
            open.remove(this);
        }

        /** The peak RSS per process since the window opened, in MB. */
        public Map<String, Double> peakMegabytes() {
            Map<String, Double> peaks = new LinkedHashMap<>();
            peakKilobytes.forEach((process, kb) -> peaks.put(process, kb / 1024.0));
            return peaks;
        }
    }

    /** Starts a window of peaks. */
    public Window open() {
        Window window = new Window();
        open.add(window);
        sampleOnce();
        return window;
    }

    private void sampleOnce() {
        if (open.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Long> process : pids.get().entrySet()) {
            long kilobytes = ProcessMemory.rssKilobytes(process.getValue());
            if (kilobytes > 0) {
                open.forEach(window -> window.record(process.getKey(), kilobytes));
            }
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
