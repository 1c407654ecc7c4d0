package org.bulletinsearch.catalog.consuming;

import org.bulletinsearch.events.InvalidArticleEventException;

/**
 * A record the catalog gives up on, and why.
 *
 * @param record the record as consumed: its key and value are forwarded unchanged
 * @param reason what is wrong with it, for people (the {@code dead-letter-reason} header)
 * @param category a short, bounded label for metrics (see {@link #CATEGORIES})
 * @param cause class name of the failure (the {@code dead-letter-cause} header)
 */
public record DeadLetter(ConsumedRecord record, String reason, String category, String cause) {

    /** Every category, so that the metrics exist (at zero) before the first dead letter. */
    static final String[] CATEGORIES = {"empty", "not-json", "schema", "not-an-event", "id-mismatch", "store-refused", "invalid"};

    /** A record the event contract refuses: its category follows the codec's reason. */
    static DeadLetter undecodable(ConsumedRecord record, InvalidArticleEventException failure) {
        String reason = failure.getMessage();
        return new DeadLetter(record, reason, categoryOf(reason), failure.getClass().getName());
    }

    /** An event the database refuses for good (a data exception or a constraint violation). */
    static DeadLetter refusedByStore(ConsumedRecord record, String reason, Throwable failure) {
        return new DeadLetter(record, reason, "store-refused", failure.getClass().getName());
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
