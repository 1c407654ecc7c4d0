package org.bulletinsearch.search.support;

import io.smallrye.mutiny.Multi;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ProducerBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.ArticleEventCodec;
import org.bulletinsearch.events.Topics;
import org.bulletinsearch.infra.LocalInfraTestResource;

/**
 * Kafka as the tests use it, through SmallRye's {@link KafkaCompanion}: events published the way
 * ingest-service publishes them (one transaction per upload, key = article id, value = the codec's
 * JSON), the service group's committed offsets, and the dead-letter topic.
 */
public final class Kafka {

    /** The service's consumer group. */
    public static final String GROUP = "search-service";
    private static final ArticleEventCodec CODEC = new ArticleEventCodec();
    private static KafkaCompanion companion;

    private Kafka() {
    }

    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(LocalInfraTestResource.infrastructure().kafkaBootstrapServers());
        }
        return companion;
    }

    /** One upload: its events in one committed transaction; returns where each was written. */
    public static List<RecordMetadata> publish(List<ArticleEvent> events) {
        return publishRaw(events.stream().map(Kafka::record).toList());
    }

    /** Records (poison among them) in one committed transaction. */
    public static List<RecordMetadata> publishRaw(List<ProducerRecord<byte[], byte[]>> records) {
        try (ProducerBuilder<byte[], byte[]> producer = transactional()) {
            return producer.fromRecords(records).awaitCompletion(Duration.ofMinutes(2)).getRecords();
        }
    }

    /** Sends the events in a transaction that is then aborted: a read-committed consumer never sees them. */
    public static void publishAborted(List<ArticleEvent> events) {
        Multi<ProducerRecord<byte[], byte[]>> abortedAtTheEnd = Multi.createFrom().iterable(events.stream()
                .map(Kafka::record).toList()).onCompletion().failWith(() -> new IllegalStateException("abort"));
        try (ProducerBuilder<byte[], byte[]> producer = transactional()) {
            producer.fromMulti(abortedAtTheEnd).awaitCompletion((failure, cancelled) -> { }, Duration.ofSeconds(30));
        }
    }

    private static ProducerBuilder<byte[], byte[]> transactional() {
        return companion().produce(byte[].class, byte[].class).withTransactionalId("search-tests-" + UUID.randomUUID())
                .withProp("acks", "all").withProp("linger.ms", 5).withProp("batch.size", 256 * 1024);
    }

    public static ProducerRecord<byte[], byte[]> record(ArticleEvent event) {
        return new ProducerRecord<>(Topics.ARTICLES, utf8(event.articleId()), CODEC.toJson(event));
    }

    public static ProducerRecord<byte[], byte[]> raw(String key, String value) {
        return new ProducerRecord<>(Topics.ARTICLES, utf8(key), utf8(value));
    }

    public static ArticleEventCodec codec() {
        return CODEC;
    }

    /** Offsets the service's consumer group has committed, per partition of {@code topic}. */
    public static Map<TopicPartition, Long> committedOffsets(String topic) {
        Map<TopicPartition, Long> result = new HashMap<>();
        companion().consumerGroups().offsets(GROUP).forEach((partition, offset) -> {
            if (partition.topic().equals(topic) && offset != null) {
                result.put(partition, offset.offset());
            }
        });
        return result;
    }

    /** Every record of the dead-letter topic from its beginning on, read as they come (stop it when done). */
    public static ConsumerTask<byte[], byte[]> deadLetters() {
        return companion().consume(byte[].class, byte[].class).withGroupId("search-tests-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Topics.ARTICLES_DEAD_LETTER);
    }

    public static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
