package org.bulletinsearch.search.indexing;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bulletinsearch.events.DeadLetterHeaders;
import org.bulletinsearch.events.Topics;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends an event this service can never index to {@link Topics#ARTICLES_DEAD_LETTER}, with its
 * original key and value and the platform's dead-letter headers. Returns only once Kafka has
 * acknowledged the record (retrying meanwhile), so the batch is not acknowledged before its
 * dead letters are safe.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String CHANNEL = "articles-dead-letter";
    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);

    private final MutinyEmitter<byte[]> emitter;
    private final String consumerGroup;
    private final Backoff backoff;
    private final IndexingMetrics metrics;

    public DeadLetterPublisher(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter,
            @ConfigProperty(name = "mp.messaging.incoming.articles.group.id") String consumerGroup,
            Backoff backoff, IndexingMetrics metrics) {
        this.emitter = emitter;
        this.consumerGroup = consumerGroup;
        this.backoff = backoff;
        this.metrics = metrics;
    }

    /**
     * @param reason human-readable reason, e.g. the codec's or the engine's message
     * @param cause class name of the failure, or the engine's error type
     * @param metricReason {@code invalid_event} or {@code rejected}
     */
    public void publish(ConsumerRecord<String, byte[]> record, String reason, String cause, String metricReason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON, utf8(reason));
        headers.add(DeadLetterHeaders.CAUSE, utf8(cause));
        headers.add(DeadLetterHeaders.CONSUMER, utf8(consumerGroup));
        headers.add(DeadLetterHeaders.TOPIC, utf8(record.topic()));
        headers.add(DeadLetterHeaders.PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(DeadLetterHeaders.OFFSET, utf8(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        // A tombstone (null value) has no payload to keep; the dead letter carries an empty one.
        byte[] value = record.value() == null ? new byte[0] : record.value();
        int failures = 0;
        while (true) {
            backoff.checkRunning();
            try {
                emitter.sendMessageAndAwait(Message.of(value).addMetadata(metadata));
                break;
            } catch (RuntimeException e) {
                if (e instanceof IndexingStoppedException stopped) {
                    throw stopped;
                }
                LOG.warnf("dead letter for %s-%d@%d not accepted by Kafka yet (%s); retrying", record.topic(),
                        record.partition(), record.offset(), e.getMessage());
                metrics.retried(1, "dead_letter_unavailable");
                backoff.pause(failures++);
            }
        }
        metrics.deadLettered(metricReason);
        LOG.warnf("dead-lettered %s-%d@%d (key %s): %s", record.topic(), record.partition(), record.offset(),
                record.key(), reason);
    }

    private static byte[] utf8(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }
}
