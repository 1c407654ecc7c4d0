package org.bulletinsearch.search.indexing;

import java.time.Duration;
import java.time.Instant;

/**
 * The job this replica runs: what it builds, its lock and its progress, updated by the job's thread and read
 * by status requests.
 */
final class ReindexJob {

    final String id;
    final String index;
    final String journal;
    final String previousIndex;
    final String trigger;
    final String requestedBy;
    final Instant startedAt;
    private ReindexState.Lock lock;
    private long read;
    private Long total;
    private long indexed;
    private long rejected;
    private long replayed;
    private Instant backfillStarted;
    private Instant backfillEnded;
    private String retrying;

    ReindexJob(String id, String index, String previousIndex, String trigger, String requestedBy, Instant startedAt) {
        this.id = id;
        this.index = index;
        this.journal = index + "-journal";
        this.previousIndex = previousIndex;
        this.trigger = trigger;
        this.requestedBy = requestedBy;
        this.startedAt = startedAt;
    }

    synchronized ReindexState.Lock lock() {
        return lock;
    }

    synchronized void lock(ReindexState.Lock held) {
        this.lock = held;
    }

    synchronized void backfillStarted(Instant now) {
        backfillStarted = now;
    }

    synchronized void backfillEnded(Instant now) {
        backfillEnded = now;
    }

    /** One export page went into the new index. */
    synchronized void page(int items, Long announced, int confirmed, int refused) {
        read += items;
        if (announced != null) {
            total = announced;
        }
        indexed += confirmed;
        rejected += refused;
        retrying = null;
    }

    synchronized void replayed(int changes) {
        replayed += changes;
        retrying = null;
    }

    /** Why the job waits right now (null: it does not). */
    synchronized void retrying(String why) {
        retrying = why;
    }

    /** The status as of now. */
    synchronized ReindexStatus status(String state, Instant finishedAt, String error) {
        boolean running = state.equals(ReindexStatus.RUNNING);
        double rate = rate();
        Long eta = running && total != null && rate > 0 && backfillEnded == null
                ? Math.round(Math.max(total - read, 0) / rate) : null;
        return new ReindexStatus(id, state, index, previousIndex, trigger, requestedBy,
                new ReindexStatus.Progress(read, total), indexed, rejected, replayed, rate, eta, startedAt, finishedAt,
                running ? retrying : null, error);
    }

    /** Articles indexed per second of backfill (rounded to one decimal). */
    private double rate() {
        if (backfillStarted == null || indexed == 0) {
            return 0;
        }
        Instant end = backfillEnded != null ? backfillEnded : Instant.now();
        double seconds = Math.max(Duration.between(backfillStarted, end).toMillis(), 1) / 1000.0;
        return Math.round(indexed / seconds * 10) / 10.0;
    }
}
