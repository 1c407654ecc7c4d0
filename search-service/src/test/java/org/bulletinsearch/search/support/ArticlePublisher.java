package org.bulletinsearch.search.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.ArticleEventCodec;
import org.bulletinsearch.events.Topics;
import org.bulletinsearch.infra.LocalInfraTestResource;

/**
 * Publishes article events the way ingest-service does: one Kafka transaction per upload,
 * idempotent producer, key = article id, value = the codec's JSON.
 */
public final class ArticlePublisher implements AutoCloseable {

    private static final ArticleEventCodec CODEC = new ArticleEventCodec();
    private final KafkaProducer<String, byte[]> producer;

    public ArticlePublisher() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfraTestResource.infrastructure().kafkaBootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "search-tests-" + UUID.randomUUID());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(props);
        producer.initTransactions();
    }

    /** One upload, one committed transaction; returns where each event was written. */
    public List<RecordMetadata> publish(List<ArticleEvent> events) {
        producer.beginTransaction();
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        for (ArticleEvent event : events) {
            sent.add(producer.send(record(event)));
        }
        producer.commitTransaction();
        List<RecordMetadata> written = new ArrayList<>(sent.size());
        for (Future<RecordMetadata> future : sent) {
            try {
                written.add(future.get());
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("send failed", e);
            }
        }
        return written;
    }

    /** Sends and then aborts: a read-committed consumer must never see these. */
    public void publishAborted(List<ArticleEvent> events) {
        producer.beginTransaction();
        for (ArticleEvent event : events) {
            producer.send(record(event));
        }
        producer.flush();
        producer.abortTransaction();
    }

    /** Raw records (poison among them), in one committed transaction. */
    public void publishRaw(List<ProducerRecord<String, byte[]>> records) {
        producer.beginTransaction();
        records.forEach(producer::send);
        producer.commitTransaction();
    }

    public static ProducerRecord<String, byte[]> record(ArticleEvent event) {
        return new ProducerRecord<>(Topics.ARTICLES, event.articleId(), CODEC.toJson(event));
    }

    public static ProducerRecord<String, byte[]> raw(String key, String value) {
        return new ProducerRecord<>(Topics.ARTICLES, key, value.getBytes(StandardCharsets.UTF_8));
    }

    public static ArticleEventCodec codec() {
        return CODEC;
    }

    @Override
    public void close() {
        producer.close();
    }
}
