package org.bulletinsearch.catalog.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.ArticleEventCodec;
import org.bulletinsearch.events.Topics;
import org.bulletinsearch.infra.LocalInfraTestResource;

/** Real Kafka clients for the tests: publish events as ingest does, and read the dead-letter topic. */
public final class TestKafka {

    public static final ArticleEventCodec CODEC = new ArticleEventCodec();

    private static KafkaProducer<byte[], byte[]> producer;

    private TestKafka() {
    }

    public static String bootstrapServers() {
        return LocalInfraTestResource.infrastructure().kafkaBootstrapServers();
    }

    /** Publishes the events (key = article id, value = the contract's JSON) and waits for Kafka's acks. */
    public static List<RecordMetadata> publish(List<ArticleEvent> events) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (ArticleEvent event : events) {
            records.add(record(null, event));
        }
        return send(records);
    }

    /** The record ingest would publish for an event; a null partition lets the key decide. */
    public static ProducerRecord<byte[], byte[]> record(Integer partition, ArticleEvent event) {
        return new ProducerRecord<>(Topics.ARTICLES, partition, utf8(event.articleId()), CODEC.toJson(event));
    }

    /** A hand-made record, possibly not an event at all. */
    public static ProducerRecord<byte[], byte[]> raw(Integer partition, String key, byte[] value) {
        return new ProducerRecord<>(Topics.ARTICLES, partition, key == null ? null : utf8(key), value);
    }

    /** Sends the records in order and waits until Kafka acknowledged all of them. */
    public static synchronized List<RecordMetadata> send(List<ProducerRecord<byte[], byte[]>> records) {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig(null));
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (ProducerRecord<byte[], byte[]> record : records) {
            sent.add(producer.send(record));
        }
        producer.flush();
        List<RecordMetadata> metadata = new ArrayList<>();
        for (Future<RecordMetadata> future : sent) {
            try {
                metadata.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka refused a test record", e.getCause());
            }
        }
        return metadata;
    }

    /** A transactional producer, as ingest uses one per upload; the caller closes it. */
    public static KafkaProducer<byte[], byte[]> transactionalProducer() {
        KafkaProducer<byte[], byte[]> transactional = new KafkaProducer<>(
                producerConfig("catalog-test-" + UUID.randomUUID()));
        transactional.initTransactions();
        return transactional;
    }

    /**
     * Reads the dead-letter topic from the beginning until {@code expected} records match, or fails
     * after a minute.
     */
    public static List<ConsumerRecord<byte[], byte[]>> readDeadLetters(Predicate<ConsumerRecord<byte[], byte[]>> wanted,
            int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            Awaitility.await("dead-letter topic exists").atMost(Duration.ofSeconds(60)).until(() -> {
                Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(5));
                return topics.containsKey(Topics.ARTICLES_DEAD_LETTER);
            });
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES_DEAD_LETTER).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await("dead letters").atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                }
                return found.size() >= expected;
            });
        }
        return found;
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Properties producerConfig(String transactionalId) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return config;
    }
}
