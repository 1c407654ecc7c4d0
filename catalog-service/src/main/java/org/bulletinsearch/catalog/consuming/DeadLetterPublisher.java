package org.bulletinsearch.catalog.consuming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
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
 * Sends records the catalog can never store to {@link Topics#ARTICLES_DEAD_LETTER}: the original key
 * and value, with the {@link DeadLetterHeaders} saying who gave up, why, and where the record came
 * from. The returned {@link Uni} completes only once Kafka acknowledged every record
 * ({@code acks=all}), so the consumer can acknowledge the batch after it and lose nothing.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);

    private final MutinyEmitter<byte[]> emitter;
    private final String consumerGroup;
    private final CatalogMetrics metrics;

    public DeadLetterPublisher(@Channel("dead-letters") MutinyEmitter<byte[]> emitter,
            @ConfigProperty(name = "mp.messaging.incoming.articles.group.id") String consumerGroup,
            CatalogMetrics metrics) {
        this.emitter = emitter;
        this.consumerGroup = consumerGroup;
        this.metrics = metrics;
    }

    public Uni<Void> publish(List<DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = deadLetters.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast()
                .invoke(() -> deadLetters.forEach(letter -> metrics.deadLettered(letter.category())))
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
        // A null value (a tombstone) has no payload to forward; the headers still say where it was.
        byte[] value = record.value() != null ? record.value() : new byte[0];
        return emitter.sendMessage(Message.of(value).addMetadata(metadata));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
