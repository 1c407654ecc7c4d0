package org.bulletinsearch.catalog.benchmark;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bulletinsearch.catalog.support.Bulletins;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.ArticleEventCodec;
import org.bulletinsearch.infra.Component;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.infra.LocalInfrastructure;

/**
 * Fills a fresh topic with N article events (uploads of 1,000) BEFORE the application starts, then
 * points the catalog's consumer at it: the measurement sees consumption and storage only, not a
 * producer racing it.
 */
public class PreloadedTopicResource implements QuarkusTestResourceLifecycleManager {

    static final int EVENTS = Integer.getInteger("benchmark.catalog.events", 100_000);
    static final int UPLOAD_SIZE = 1_000;
    static final int PARTITIONS = 3;
    static volatile String topic;
    static volatile Duration produceTime;

    @Override
    public Map<String, String> start() {
        LocalInfrastructure infra = LocalInfraTestResource.startShared(EnumSet.of(Component.KAFKA, Component.POSTGRES));
        topic = "bench.articles." + System.currentTimeMillis();
        long started = System.nanoTime();
        createTopic(infra.kafkaBootstrapServers());
        produce(infra.kafkaBootstrapServers());
        produceTime = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("[benchmark] produced %,d events to %s in %.1f s%n", EVENTS, topic, produceTime.toMillis() / 1000.0);

        Map<String, String> properties = new HashMap<>(infra.quarkusProperties());
        properties.put("mp.messaging.incoming.articles.topic", topic);
        return properties;
    }

    @Override
    public void stop() {
        // The shared servers stop with the JVM.
    }

    private static void createTopic(String bootstrap) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create " + topic, e);
        }
    }

    private static void produce(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        ArticleEventCodec codec = new ArticleEventCodec();
        Instant firstUpload = Instant.parse("2030-01-01T00:00:00Z");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            for (int first = 0; first < EVENTS; first += UPLOAD_SIZE) {
                int count = Math.min(UPLOAD_SIZE, EVENTS - first);
                List<ArticleEvent> upload = Bulletins.upload(Bulletins.newUploadId(), "bench-" + first + ".txt",
                        firstUpload.plusSeconds(first), Bulletins.articles("bench", first, count));
                for (ArticleEvent event : upload) {
                    // key = article id, as ingest publishes
                    producer.send(new ProducerRecord<>(topic, event.articleId().getBytes(StandardCharsets.UTF_8),
                            codec.toJson(event)));
                }
            }
            producer.flush();
        }
    }
}
