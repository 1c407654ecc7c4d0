package org.bulletinsearch.consumption;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bulletinsearch.events.DeadLetterHeaders;
import org.bulletinsearch.events.Topics;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends records a consumer can never store to {@link Topics#ARTICLES_DEAD_LETTER}: the original key and
 * value, with the {@link DeadLetterHeaders} saying who gave up, why, and where the record came from.
 *
 * <p>Needs an outgoing channel {@value #CHANNEL} (smallrye-kafka, byte[] key and value serializers,
 * {@code acks=all}) and the consumer's group in {@code mp.messaging.incoming.articles.group.id}. The
 * returned {@link Uni} completes only once Kafka acknowledged every record, so the consumer may
 * acknowledge its batch after it and lose nothing; each dead letter then fires a {@link DeadLettered}
 * event (for the service's metrics).
 */
@ApplicationScoped
public class DeadLetterPublisher {

    /** The outgoing channel this publisher sends on. */
    public static final String CHANNEL = "dead-letters";

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);

    private final MutinyEmitter<byte[]> emitter;
    private final String consumerGroup;
    private final Event<DeadLettered> deadLettered;

    public DeadLetterPublisher(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter,
            @ConfigProperty(name = "mp.messaging.incoming.articles.group.id") String consumerGroup,
            Event<DeadLettered> deadLettered) {
        this.emitter = emitter;
        this.consumerGroup = consumerGroup;
        this.deadLettered = deadLettered;
    }

    /** A record was dead-lettered; {@code category} is one of {@link DeadLetter#CATEGORIES}. */
    public record DeadLettered(String category) {
    }

    /** Publishes every letter; completes when Kafka acknowledged all of them, fails if any send fails. */
    public Uni<Void> publish(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(letters.stream().map(this::send).toList()).andFailFast()
                .invoke(() -> letters.forEach(letter -> deadLettered.fire(new DeadLettered(letter.category()))))
                .replaceWithVoid();
    }

    private Uni<Void> send(DeadLetter letter) {
        ConsumedRecord record = letter.record();
        LOG.warnf("Dead-lettering %s: %s", record, letter.reason());
        RecordHeaders headers = new RecordHeaders();
        header(headers, DeadLetterHeaders.REASON, letter.reason());
        header(headers, DeadLetterHeaders.CAUSE, letter.cause());
        header(headers, DeadLetterHeaders.CONSUMER, consumerGroup);
        header(headers, DeadLetterHeaders.TOPIC, record.topic());
        header(headers, DeadLetterHeaders.PARTITION, Integer.toString(record.partition()));
        header(headers, DeadLetterHeaders.OFFSET, Long.toString(record.offset()));
        OutgoingKafkaRecordMetadata<byte[]> metadata = OutgoingKafkaRecordMetadata.<byte[]>builder()
                .withTopic(Topics.ARTICLES_DEAD_LETTER)
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        // A tombstone has no payload to forward; the headers still say where it was.
        byte[] value = record.value() != null ? record.value() : new byte[0];
        return emitter.sendMessage(Message.of(value).addMetadata(metadata));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
