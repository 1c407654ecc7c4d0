package org.bulletinsearch.bench;

import java.time.Duration;

/**
 * The run's time limit (the issue: the whole benchmark within 15 minutes on this machine). Every phase
 * runs at least one round; further rounds run while the time left still covers the next round and
 * one round of every phase still to come.
 */
public final class Budget {

    /** Decides, after each round of a phase, whether another one fits. */
    @FunctionalInterface
    public interface Rounds {
        boolean another(int done, Duration lastRound);
    }

    private final long started = System.nanoTime();
    private final Duration limit;

    public Budget(Duration limit) {
        this.limit = limit;
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    public Duration remaining() {
        return limit.minus(elapsed());
    }

    /** Up to {@code wanted} rounds, fewer when the time left must be kept for what comes after. */
    public Rounds rounds(int wanted, Duration reserveForTheRest) {
        return (done, lastRound) -> done == 0
                || done < wanted && remaining().compareTo(lastRound.plus(reserveForTheRest)) > 0;
    }
}
