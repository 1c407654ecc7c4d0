package org.bulletinsearch.search.indexing;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential pauses between attempts (with jitter, capped), which end early when the service stops.
 * Waiting is what pauses consumption: the batch is not acknowledged meanwhile, and the Kafka connector
 * stops fetching once its small buffer is full.
 */
@ApplicationScoped
public class Backoff {

    private final Duration initial;
    private final Duration max;
    private volatile boolean stopping;

    @Inject
    public Backoff(IndexingConfig config) {
        this(config.retry().initialDelay(), config.retry().maxDelay());
    }

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    /** Pause before attempt number {@code attempt + 1} (attempt counts failures so far, from 0). */
    public Duration delay(int attempt) {
        long base = initial.toMillis() << Math.min(attempt, 20);
        long capped = Math.min(Math.max(base, 1), max.toMillis());
        // +-20 % so that replicas retrying together do not hit the engine in lockstep.
        long jitter = (long) (capped * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return Duration.ofMillis(Math.max(1, Math.min(max.toMillis(), capped + jitter)));
    }

    /** Sleeps {@link #delay(int)}; throws when the service is stopping (before or during the pause). */
    public void pause(int attempt) {
        long until = System.nanoTime() + delay(attempt).toNanos();
        while (true) {
            checkRunning();
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(Duration.ofNanos(left).toMillis() + 1, 100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IndexingStoppedException("interrupted while waiting to retry");
            }
        }
    }

    public void checkRunning() {
        if (stopping || Thread.currentThread().isInterrupted()) {
            throw new IndexingStoppedException("the service is stopping");
        }
    }
}
