package org.bulletinsearch.consumption;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one way a consumer waits for a dependency that is down: the action is retried with exponential
 * backoff (Mutiny's {@code withBackOff}: doubling from {@link RetryConfig#initialDelay()} to
 * {@link RetryConfig#maxDelay()}, ±20 % jitter so that replicas do not retry in lockstep), indefinitely,
 * until it succeeds or the service stops. On shutdown the action fails instead, so that the batch stays
 * unacknowledged and is consumed again after the restart. Nothing is acknowledged, skipped or
 * dead-lettered while retrying; each retry fires a {@link Retrying} event (for the service's metrics).
 */
@ApplicationScoped
public class RetryPolicy {

    private static final Logger LOG = Logger.getLogger(RetryPolicy.class);
    private static final double JITTER = 0.2;

    private final RetryConfig config;
    private final Event<Retrying> retrying;
    private volatile boolean running = true;

    public RetryPolicy(RetryConfig config, Event<Retrying> retrying) {
        this.config = config;
        this.retrying = retrying;
    }

    /**
     * A retry is scheduled.
     *
     * @param what what is being retried, e.g. {@code storing 500 events}
     * @param failure why the last attempt failed
     */
    public record Retrying(String what, Throwable failure) {
    }

    void stop(@Observes @Priority(1) ShutdownEvent shutdown) {
        running = false;
    }

    /** Whether the service is still running (false once shutdown began). */
    public boolean running() {
        return running;
    }

    /**
     * {@code action}, subscribed again after each failure until one attempt succeeds.
     *
     * @param what for the log and the {@link Retrying} event
     * @param action creates one attempt; called once per attempt
     * @return the first successful attempt's item; fails with the last failure once the service stops
     */
    public <T> Uni<T> untilDone(String what, Supplier<Uni<T>> action) {
        return Uni.createFrom().<T>deferred(action::get)
                .onFailure(failure -> running).invoke(failure -> {
                    retrying.fire(new Retrying(what, failure));
                    LOG.warnf("Failed %s, retrying with backoff (nothing acknowledged): %s", what, rootMessage(failure));
                })
                .onFailure(failure -> running).retry()
                .withBackOff(config.initialDelay(), config.maxDelay()).withJitter(JITTER)
                .indefinitely();
    }

    /** The innermost cause's message, for one-line logs. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
