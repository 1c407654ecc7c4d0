package org.bulletinsearch.servicetesting;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ProducerBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.ArticleEventCodec;
import org.bulletinsearch.events.Topics;
import org.bulletinsearch.infra.LocalInfraTestResource;

/**
 * The articles topic ({@link Topics#ARTICLES}) and its dead-letter topic as the services' integration tests
 * use them, through SmallRye's {@link KafkaCompanion} on the Kafka that {@link LocalInfraTestResource}
 * started: records as ingest writes them (key = article id as UTF-8, value = the codec's JSON), written in
 * one committed transaction per upload as ingest does, in an aborted one (with the plain Kafka producer), or
 * one by one without a transaction; dead letters; the offsets a consumer group committed. What ingest
 * published, read as the consumers read it, comes from {@link #readCommitted()}.
 *
 * <p>Every wait here is bounded: a producer that is not acknowledged, or dead letters that do not come,
 * fail the test after {@link #WITHIN}.
 */
public final class ArticlesTopic {

    /** The event contract's codec: what ingest writes and the consumers read. */
    public static final ArticleEventCodec CODEC = new ArticleEventCodec();
    /** How long a write may take to be acknowledged, or expected dead letters to arrive. */
    public static final Duration WITHIN = Duration.ofMinutes(2);

    private static KafkaCompanion companion;
    private static String companionServers;

    private ArticlesTopic() {
    }

    /**
     * The companion for the test run's Kafka, created on first use and kept for the JVM; a new one when the
     * test resource has started another Kafka since (a later test class that wanted more servers).
     */
    public static synchronized KafkaCompanion companion() {
        String servers = LocalInfraTestResource.infrastructure().kafkaBootstrapServers();
        if (companion == null || !servers.equals(companionServers)) {
            if (companion != null) {
                companion.close();
            }
            companion = new KafkaCompanion(servers);
            companionServers = servers;
        }
        return companion;
    }

    // ---------------------------------------------------------------- records

    /** The record ingest publishes for an event; the key chooses the partition. */
    public static ProducerRecord<byte[], byte[]> record(ArticleEvent event) {
        return record(null, event);
    }

    /** The record ingest would publish for an event, on {@code partition} (null: the key chooses). */
    public static ProducerRecord<byte[], byte[]> record(Integer partition, ArticleEvent event) {
        return new ProducerRecord<>(Topics.ARTICLES, partition, utf8(event.articleId()), CODEC.toJson(event));
    }

    /** The records of {@link #record(Integer, ArticleEvent)}, in the events' order. */
    public static List<ProducerRecord<byte[], byte[]>> records(Integer partition, List<ArticleEvent> events) {
        return events.stream().map(event -> record(partition, event)).toList();
    }

    /**
     * A hand-made record, possibly no event at all (poison).
     *
     * @param partition null: the key chooses
     * @param key       sent as UTF-8; null for no key
     * @param value     the bytes as they are
     */
    public static ProducerRecord<byte[], byte[]> raw(Integer partition, String key, byte[] value) {
        return new ProducerRecord<>(Topics.ARTICLES, partition, key == null ? null : utf8(key), value);
    }

    // ---------------------------------------------------------------- writing

    /** One upload as ingest publishes it: the events in one committed transaction; where each was written. */
    public static List<RecordMetadata> publish(List<ArticleEvent> events) {
        return publishRecords(records(null, events));
    }

    /** Records (poison among them, if wanted) in one committed transaction; where each was written. */
    public static List<RecordMetadata> publishRecords(List<ProducerRecord<byte[], byte[]>> records) {
        try (ProducerBuilder<byte[], byte[]> producer = transactional()) {
            return producer.fromRecords(records).awaitCompletion(WITHIN).getRecords();
        }
    }

    /**
     * Writes the records in a transaction and, once Kafka acknowledged every one of them (they are in the log),
     * aborts it: a read_committed consumer must skip them. Plain Kafka client calls, one after another, so the
     * abort never races the writes (the companion's producer aborts when its stream fails, which may be before
     * the records are written, or hang while they are).
     *
     * @return where each record was written, in the records' order
     * @throws AssertionError when a write or the abort is not acknowledged within {@link #WITHIN}
     */
    public static List<RecordMetadata> publishAborted(List<ProducerRecord<byte[], byte[]>> records) {
        Map<String, Object> config = new HashMap<>(transactionalProps());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalInfraTestResource.infrastructure().kafkaBootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WITHIN.toMillis());
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        try {
            producer.initTransactions();
            producer.beginTransaction();
            List<Future<RecordMetadata>> sends = records.stream().map(producer::send).toList();
            List<RecordMetadata> written = new ArrayList<>();
            for (Future<RecordMetadata> send : sends) {
                written.add(send.get(WITHIN.toMillis(), TimeUnit.MILLISECONDS));
            }
            producer.abortTransaction();
            return written;
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the aborted transaction's records were not written within " + WITHIN, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while writing the aborted transaction", e);
        } finally {
            producer.close(WITHIN); // close() alone waits for in-flight requests without a bound
        }
    }

    /**
     * Sends the records without a transaction, one after another in their order (a redelivery, records whose
     * offsets a test compares), and waits until Kafka acknowledged all of them; where each was written.
     */
    public static List<RecordMetadata> send(List<ProducerRecord<byte[], byte[]>> records) {
        return companion().produce(byte[].class, byte[].class).withConcurrency(1).fromRecords(records)
                .awaitCompletion(WITHIN).getRecords();
    }

    private static ProducerBuilder<byte[], byte[]> transactional() {
        return companion().produce(byte[].class, byte[].class).withProps(transactionalProps());
    }

    /** A transactional producer's settings (a new transactional id each time), without the servers. */
    private static Map<String, Object> transactionalProps() {
        return Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tests-" + UUID.randomUUID(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    }

    // ---------------------------------------------------------------- reading

    /**
     * A reader of what is committed to the articles topic from now on, read as the platform's consumers
     * read it ({@code read_committed}); close it when done.
     */
    public static CommittedArticles readCommitted() {
        return new CommittedArticles(companion());
    }

    /**
     * Reads the dead-letter topic from its beginning until {@code expected} records match {@code wanted};
     * fails the test when they do not come within {@link #WITHIN}.
     *
     * @return the first {@code expected} matching records, in the order read
     */
    public static List<ConsumerRecord<byte[], byte[]>> readDeadLetters(Predicate<ConsumerRecord<byte[], byte[]>> wanted,
            int expected) {
        companion().topics().waitForTopic(Topics.ARTICLES_DEAD_LETTER).await().atMost(WITHIN);
        return companion().consume(byte[].class, byte[].class).withGroupId("tests-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(Set.of(Topics.ARTICLES_DEAD_LETTER), records -> records.filter(wanted).select().first(expected))
                .awaitCompletion(WITHIN).getRecords();
    }

    /** The end offset of every partition of the dead-letter topic; empty while the topic does not exist. */
    public static Map<TopicPartition, Long> deadLetterEndOffsets() {
        if (!companion().topics().list().contains(Topics.ARTICLES_DEAD_LETTER)) {
            return Map.of();
        }
        List<TopicPartition> partitions = companion().topics().describe(Topics.ARTICLES_DEAD_LETTER)
                .get(Topics.ARTICLES_DEAD_LETTER).partitions().stream()
                .map(info -> new TopicPartition(Topics.ARTICLES_DEAD_LETTER, info.partition())).toList();
        return companion().offsets().list(partitions).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** The offsets consumer group {@code group} has committed on the articles topic, by partition. */
    public static Map<TopicPartition, Long> committedOffsets(String group) {
        Map<TopicPartition, Long> result = new HashMap<>();
        companion().consumerGroups().offsets(group).forEach((partition, offset) -> {
            if (partition.topic().equals(Topics.ARTICLES) && offset != null) {
                result.put(partition, offset.offset());
            }
        });
        return result;
    }

    // ---------------------------------------------------------------- text

    /** The last header of that name as UTF-8 text (the dead-letter headers are); null when there is none. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : text(header.value());
    }

    /** The text as UTF-8 bytes. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes (a key, a value) as UTF-8 text; null for null. */
    public static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
