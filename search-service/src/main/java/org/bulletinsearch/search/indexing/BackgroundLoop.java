package org.bulletinsearch.search.indexing;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A job the search service runs in the background against the engine (filling vectors, merging the index): on one
 * daemon thread of its own, with a fixed delay between the end of a run and the start of the next, until
 * {@link #close()}. A run that throws ends the loop, so a job catches what it can recover from.
 */
public final class BackgroundLoop implements AutoCloseable {

    private final ScheduledExecutorService executor;

    private BackgroundLoop(String threadName) {
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param threadName   the thread's name, as thread dumps show it
     * @param job          one run of the job
     * @param initialDelay before the first run
     * @param delay        between the end of one run and the start of the next (at least 1 ms)
     * @return the running loop
     */
    public static BackgroundLoop start(String threadName, Runnable job, Duration initialDelay, Duration delay) {
        BackgroundLoop loop = new BackgroundLoop(threadName);
        loop.executor.scheduleWithFixedDelay(job, initialDelay.toMillis(), Math.max(1, delay.toMillis()),
                TimeUnit.MILLISECONDS);
        return loop;
    }

    /** Stops the loop, interrupting a run under way. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
