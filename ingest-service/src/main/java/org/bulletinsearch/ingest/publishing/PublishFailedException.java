package org.bulletinsearch.ingest.publishing;

/**
 * Kafka did not take an upload's events (unreachable, timed out, refused) or no producer was free: the
 * transaction is aborted, nothing of the upload is visible, and the client can retry.
 */
public class PublishFailedException extends Exception {

    private final boolean busy;

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
        this.busy = false;
    }

    private PublishFailedException(String message) {
        super(message);
        this.busy = true;
    }

    /** Every producer is taken by other uploads. */
    static PublishFailedException busy(String message) {
        return new PublishFailedException(message);
    }

    /** True when the service was only busy, false when Kafka failed. */
    public boolean isBusy() {
        return busy;
    }
}
