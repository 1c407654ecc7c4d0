package org.bulletinsearch.ingest.upload;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bulletinsearch.events.Topics;
import org.bulletinsearch.infra.LocalInfraTestResource;

/**
 * Reads {@link Topics#ARTICLES} the way the platform's consumers do ({@code isolation.level=read_committed})
 * to see what an upload really published.
 *
 * <p>Aborted records take offsets too, so offsets say nothing about what was published; and commit or
 * abort markers reach the partitions shortly after the producer's call returns. {@link #readSettled()}
 * therefore waits until every transaction that had written to the topic by the time of the call is
 * resolved (the last stable offset has caught up with the high watermark), then returns exactly the
 * committed records since the previous read.
 */
final class ArticleTopic implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> committed;
    private final KafkaConsumer<String, byte[]> uncommitted;
    private final List<TopicPartition> partitions;

    ArticleTopic() {
        String bootstrap = LocalInfraTestResource.infrastructure().kafkaBootstrapServers();
        ensureTopic(bootstrap);
        committed = consumer(bootstrap, "read_committed");
        uncommitted = consumer(bootstrap, "read_uncommitted");
        partitions = committed.partitionsFor(Topics.ARTICLES).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        committed.assign(partitions);
        uncommitted.assign(partitions);
        committed.seekToEnd(partitions);
        partitions.forEach(committed::position);
    }

    /** The committed records published since the last read (or since this reader was created). */
    List<ConsumerRecord<String, byte[]>> readSettled() {
        Map<TopicPartition, Long> written = uncommitted.endOffsets(partitions);
        await("transactions on " + Topics.ARTICLES + " to be resolved").atMost(Duration.ofSeconds(90))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).pollInSameThread()
                .until(() -> {
                    Map<TopicPartition, Long> stable = committed.endOffsets(partitions);
                    return partitions.stream().allMatch(p -> stable.get(p) >= written.get(p));
                });
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        await("committed records to be read").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInSameThread().until(() -> {
            committed.poll(Duration.ofMillis(50)).forEach(records::add);
            return partitions.stream().allMatch(p -> committed.position(p) >= written.get(p));
        });
        return records;
    }

    @Override
    public void close() {
        committed.close(Duration.ofSeconds(2));
        uncommitted.close(Duration.ofSeconds(2));
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap, String isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    private static void ensureTopic(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(Topics.ARTICLES, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + Topics.ARTICLES, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
