package org.bulletinsearch.bench;

import java.time.Duration;

/**
 * The run's time limit (the issue: the whole benchmark within 15 minutes on this machine). Every phase
 * runs at least one round; further rounds run while the time left still covers the next round and
 * one round of every phase still to come.
 */
public final class Budget {

    /** Decides, after each round of a phase, whether another one fits; {@link #each} runs the rounds. */
    @FunctionalInterface
    public interface Rounds {
        /** Whether another round fits after {@code done} rounds, the last of which took {@code lastRound}. */
        boolean another(int done, Duration lastRound);

        /** Runs rounds, numbered from 1, for as long as {@link #another} allows (at least one). */
        default void each(Round round) throws Exception {
            after(0, Duration.ZERO, round);
        }

        /** Runs further rounds, numbered on from {@code done + 1}, after {@code done} of which the last took {@code last}. */
        default void after(int done, Duration last, Round round) throws Exception {
            while (another(done, last)) {
                long started = System.nanoTime();
                round.run(++done);
                last = Duration.ofNanos(System.nanoTime() - started);
            }
        }
    }

    /** One round of a phase. */
    @FunctionalInterface
    public interface Round {
        /** Runs round number {@code round} (from 1). */
        void run(int round) throws Exception;
    }

    private final long started = System.nanoTime();
    private final Duration limit;

    /** A budget of {@code limit} from now. */
    public Budget(Duration limit) {
        this.limit = limit;
    }

    /** Time since the budget was set. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Up to {@code wanted} rounds, fewer when the time left must be kept for what comes after. */
    public Rounds rounds(int wanted, Duration reserveForTheRest) {
        return (done, lastRound) -> done == 0
                || done < wanted && limit.minus(elapsed()).compareTo(lastRound.plus(reserveForTheRest)) > 0;
    }
}
