package org.bulletinsearch.bench.ingest;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.ArticleEventCodec;
import org.bulletinsearch.events.Topics;

/**
 * The Kafka anchor of figure 1: the same events, serialized with the same codec, produced straight
 * to a topic of their own with a plain producer: acks=all, idempotent, and the batching and
 * compression settings the ingest service uses (so the difference is ours, not a setting), but no
 * transaction and no parsing.
 */
public final class RawKafkaProduce {

    public static final String TOPIC = "bench.raw-produce.v1";

    private final String bootstrap;
    private final ArticleEventCodec codec = new ArticleEventCodec();
    private int partitions = -1;

    /** A producer with the ingest service's settings, to Kafka at {@code bootstrap}. */
    public RawKafkaProduce(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Creates the topic with as many partitions as the articles topic has (once). */
    private void ensureTopic() throws InterruptedException, ExecutionException {
        if (partitions > 0) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            partitions = admin.describeTopics(List.of(Topics.ARTICLES)).allTopicNames().get()
                    .get(Topics.ARTICLES).partitions().size();
            try {
                admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /** Partitions of the anchor's topic. */
    public int partitions() {
        return partitions;
    }

    /** Produces every event, waits until all are acknowledged; returns the seconds that took. */
    public double produce(List<ArticleEvent> events) throws Exception {
        ensureTopic();
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // The ingest service's producer settings (ingest.publish.*): linger 10 ms, 256 KiB batches, lz4.
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 16L * 1024 * 1024);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings)) {
            // Metadata and the producer id first, outside the timing, as a long-running service has them.
            producer.send(new ProducerRecord<>(TOPIC, "warm-up", new byte[] {'{', '}'})).get(30, TimeUnit.SECONDS);
            AtomicLong failed = new AtomicLong();
            AtomicReference<Exception> firstFailure = new AtomicReference<>();
            long start = System.nanoTime();
            for (ArticleEvent event : events) {
                producer.send(new ProducerRecord<>(TOPIC, event.articleId(), codec.toJson(event)), (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " events not acknowledged", firstFailure.get());
            }
            return seconds;
        }
    }
}
