package org.bulletinsearch.search.indexing;

/**
 * Tells when the engine has written nothing for {@code idleNanos}, once per quiet spell: the state of
 * {@link IndexCompaction}'s loop, which alone calls it.
 */
final class QuietSpell {

    private final long idleNanos;
    private long writesSeen = -1;
    private long quietSince;
    private long doneAtWrites = -1;

    /** @param idleNanos how long the write count must stay the same, in nanoseconds */
    QuietSpell(long idleNanos) {
        this.idleNanos = idleNanos;
    }

    /**
     * One look at the engine's write count.
     *
     * @param writes documents indexed and deleted so far, any value that changes with every write
     * @param nanos  {@link System#nanoTime()} of the look
     * @return true when the count has not changed for {@code idleNanos} and this spell was not {@link #done} yet
     */
    boolean due(long writes, long nanos) {
        if (writes != writesSeen) {
            writesSeen = writes;
            quietSince = nanos;
            return false;
        }
        return writes != doneAtWrites && nanos - quietSince >= idleNanos;
    }

    /** The work of this quiet spell is done (or cannot be): {@link #due} stays false until the next write. */
    void done() {
        doneAtWrites = writesSeen;
    }
}
