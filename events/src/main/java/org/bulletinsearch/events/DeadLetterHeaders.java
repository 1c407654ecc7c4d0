package org.bulletinsearch.events;

/** Header names on {@link Topics#ARTICLES_DEAD_LETTER} records, the same for every consumer. */
public final class DeadLetterHeaders {

    /** Human-readable reason the event could not be stored. */
    public static final String REASON = "dead-letter-reason";
    /** Class name of the failure, where there was one. */
    public static final String CAUSE = "dead-letter-cause";
    /** Consumer group (service) that gave up on the event. */
    public static final String CONSUMER = "dead-letter-consumer";
    /** Topic, partition and offset the event was read from. */
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private DeadLetterHeaders() {
    }
}
