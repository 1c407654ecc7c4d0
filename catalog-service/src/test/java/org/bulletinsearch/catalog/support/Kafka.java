package org.bulletinsearch.catalog.support;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.ArticleEventCodec;
import org.bulletinsearch.events.Topics;
import org.bulletinsearch.infra.LocalInfraTestResource;

/**
 * Kafka for the tests through SmallRye's {@link KafkaCompanion}, on the Kafka that
 * {@link LocalInfraTestResource} started: the records ingest would publish, and publishing them.
 */
public final class Kafka {

    public static final ArticleEventCodec CODEC = new ArticleEventCodec();
    private static final Duration ACKNOWLEDGED_WITHIN = Duration.ofSeconds(60);

    private static KafkaCompanion companion;

    private Kafka() {
    }

    /** The companion for the test run's Kafka (created on first use, closed with the JVM). */
    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(LocalInfraTestResource.infrastructure().kafkaBootstrapServers());
        }
        return companion;
    }

    /** Publishes the events as ingest does (key = article id) and waits for Kafka's acknowledgements. */
    public static List<RecordMetadata> publish(List<ArticleEvent> events) {
        return send(events.stream().map(event -> record(null, event)).toList());
    }

    /** Sends the records one after another, in order, and waits until Kafka acknowledged all of them. */
    public static List<RecordMetadata> send(List<ProducerRecord<byte[], byte[]>> records) {
        return companion().produce(byte[].class, byte[].class).withConcurrency(1).fromRecords(records)
                .awaitCompletion(ACKNOWLEDGED_WITHIN).getRecords();
    }

    /**
     * Reads the dead-letter topic from the beginning until {@code expected} records match, or fails
     * after a minute.
     */
    public static List<ConsumerRecord<byte[], byte[]>> readDeadLetters(Predicate<ConsumerRecord<byte[], byte[]>> wanted,
            int expected) {
        companion().topics().waitForTopic(Topics.ARTICLES_DEAD_LETTER).await().atMost(ACKNOWLEDGED_WITHIN);
        return companion().consume(byte[].class, byte[].class)
                .withProp(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .fromTopics(Set.of(Topics.ARTICLES_DEAD_LETTER), records -> records.filter(wanted).select().first(expected))
                .awaitCompletion(ACKNOWLEDGED_WITHIN).getRecords();
    }

    /** The record ingest would publish for an event; a null partition lets the key decide. */
    public static ProducerRecord<byte[], byte[]> record(Integer partition, ArticleEvent event) {
        return new ProducerRecord<>(Topics.ARTICLES, partition, utf8(event.articleId()), CODEC.toJson(event));
    }

    /** A hand-made record, possibly not an event at all. */
    public static ProducerRecord<byte[], byte[]> raw(Integer partition, String key, byte[] value) {
        return new ProducerRecord<>(Topics.ARTICLES, partition, key == null ? null : utf8(key), value);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
