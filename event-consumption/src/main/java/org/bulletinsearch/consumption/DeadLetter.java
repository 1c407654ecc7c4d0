package org.bulletinsearch.consumption;

import org.bulletinsearch.events.InvalidArticleEventException;

/**
 * A record a consumer gives up on for good, and why.
 *
 * @param record the record as consumed: its key and value are forwarded unchanged
 * @param reason what is wrong with it, for people (the {@code dead-letter-reason} header)
 * @param category a short, bounded label for metrics: one of {@link #CATEGORIES}
 * @param cause class name of the failure, or the downstream error type (the {@code dead-letter-cause} header)
 */
public record DeadLetter(ConsumedRecord record, String reason, String category, String cause) {

    /** Every category, so that metrics exist (at zero) before the first dead letter. */
    public static final String[] CATEGORIES =
            {"empty", "not-json", "schema", "not-an-event", "id-mismatch", "store-refused", "invalid"};

    /** A record the event contract refuses: its category follows the codec's reason. */
    public static DeadLetter undecodable(ConsumedRecord record, InvalidArticleEventException failure) {
        String reason = failure.getMessage();
        return new DeadLetter(record, reason, categoryOf(reason), failure.getClass().getName());
    }

    /** A valid event that the consumer's store (database, search engine) refuses for good. */
    public static DeadLetter refusedByStore(ConsumedRecord record, String reason, String cause) {
        return new DeadLetter(record, reason, "store-refused", cause);
    }

    static String categoryOf(String reason) {
        if (reason == null) {
            return "invalid";
        }
        // The prefixes ArticleEventCodec.fromJson writes.
        if (reason.startsWith("empty payload")) {
            return "empty";
        }
        if (reason.startsWith("not JSON")) {
            return "not-json";
        }
        if (reason.startsWith("violates")) {
            return "schema";
        }
        if (reason.startsWith("not an article event")) {
            return "not-an-event";
        }
        if (reason.startsWith("articleId") && reason.contains("does not match")) {
            return "id-mismatch";
        }
        return "invalid";
    }
}
