package org.bulletinsearch.ingest.upload;

import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerBuilder;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.bulletinsearch.events.Topics;
import org.bulletinsearch.infra.LocalInfraTestResource;

/**
 * What uploads really published: {@link Topics#ARTICLES} read the way the platform's consumers read it
 * ({@code isolation.level=read_committed}), through SmallRye's {@link KafkaCompanion}.
 *
 * <p>Aborted records take offsets too, so offsets say nothing about what was published; and commit or
 * abort markers reach the partitions shortly after the producer's call returns. {@link #readSettled()}
 * therefore waits until every transaction that had written to the topic by the time of the call is
 * resolved (the last stable offset has caught up with the high watermark) and the consumer has read up to
 * there, then returns exactly the committed records since the previous read.
 */
final class PublishedEvents implements AutoCloseable {

    private final KafkaCompanion kafka;
    private final List<TopicPartition> partitions;
    private final ConsumerBuilder<String, byte[]> consumer;
    private final ConsumerTask<String, byte[]> records;
    private int returned;

    PublishedEvents() {
        kafka = new KafkaCompanion(LocalInfraTestResource.infrastructure().kafkaBootstrapServers());
        if (!kafka.topics().list().contains(Topics.ARTICLES)) {
            kafka.topics().createAndWait(Topics.ARTICLES, 3);
        }
        partitions = kafka.topics().describe(Topics.ARTICLES).get(Topics.ARTICLES).partitions().stream()
                .map(info -> new TopicPartition(Topics.ARTICLES, info.partition())).toList();
        consumer = kafka.consume(String.class, byte[].class).withIsolationLevel(IsolationLevel.READ_COMMITTED);
        records = consumer.fromOffsets(endOffsets(IsolationLevel.READ_UNCOMMITTED));
    }

    /** The committed records published since the last read (or since this reader was created). */
    List<ConsumerRecord<String, byte[]>> readSettled() {
        Map<TopicPartition, Long> written = endOffsets(IsolationLevel.READ_UNCOMMITTED);
        await("transactions on " + Topics.ARTICLES + " to be resolved").atMost(Duration.ofSeconds(90))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> reached(endOffsets(IsolationLevel.READ_COMMITTED), written));
        await("committed records to be read").atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> reached(partitions.stream().collect(Collectors.toMap(Function.identity(),
                        consumer::position)), written));
        List<ConsumerRecord<String, byte[]>> all = records.getRecords();
        List<ConsumerRecord<String, byte[]>> unread = List.copyOf(all.subList(returned, all.size()));
        returned = all.size();
        return unread;
    }

    private boolean reached(Map<TopicPartition, Long> offsets, Map<TopicPartition, Long> target) {
        return partitions.stream().allMatch(p -> offsets.get(p) >= target.get(p));
    }

    /** The high watermark (read_uncommitted) or the last stable offset (read_committed) of every partition. */
    private Map<TopicPartition, Long> endOffsets(IsolationLevel isolation) {
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        try {
            return kafka.getOrCreateAdminClient().listOffsets(latest, new ListOffsetsOptions(isolation)).all().get()
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list the offsets of " + Topics.ARTICLES, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        records.close();
        kafka.close();
    }
}
