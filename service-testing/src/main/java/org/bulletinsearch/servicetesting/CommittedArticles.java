package org.bulletinsearch.servicetesting;

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

/**
 * What was really published to {@link Topics#ARTICLES} since this reader was opened, read the way the
 * platform's consumers read it ({@code isolation.level=read_committed}). Opened by
 * {@link ArticlesTopic#readCommitted()}; creates the topic (3 partitions) when it does not exist yet.
 *
 * <p>Aborted records take offsets too, so offsets say nothing about what was published; and commit or
 * abort markers reach the partitions shortly after the producer's call returns. {@link #readSettled()}
 * therefore waits until every transaction that had written to the topic by the time of the call is
 * resolved (the last stable offset has caught up with the high watermark) and the consumer has read up to
 * there, then returns exactly the committed records since the previous read.
 */
public final class CommittedArticles implements AutoCloseable {

    private static final Duration RESOLVED_WITHIN = Duration.ofSeconds(90);
    private static final Duration READ_WITHIN = Duration.ofSeconds(30);

    private final KafkaCompanion kafka;
    private final List<TopicPartition> partitions;
    private final ConsumerBuilder<String, byte[]> consumer;
    private final ConsumerTask<String, byte[]> records;
    private int returned;

    CommittedArticles(KafkaCompanion kafka) {
        this.kafka = kafka;
        if (!kafka.topics().list().contains(Topics.ARTICLES)) {
            kafka.topics().createAndWait(Topics.ARTICLES, 3);
        }
        partitions = kafka.topics().describe(Topics.ARTICLES).get(Topics.ARTICLES).partitions().stream()
                .map(info -> new TopicPartition(Topics.ARTICLES, info.partition())).toList();
        consumer = kafka.consume(String.class, byte[].class).withIsolationLevel(IsolationLevel.READ_COMMITTED);
        records = consumer.fromOffsets(endOffsets(IsolationLevel.READ_UNCOMMITTED));
    }

    /**
     * The committed records published since the last read (or since this reader was opened), keys as text;
     * fails the test when transactions stay unresolved for 90 s or the consumer does not catch up in 30 s.
     */
    public List<ConsumerRecord<String, byte[]>> readSettled() {
        Map<TopicPartition, Long> written = endOffsets(IsolationLevel.READ_UNCOMMITTED);
        await("transactions on " + Topics.ARTICLES + " to be resolved").atMost(RESOLVED_WITHIN)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> reached(endOffsets(IsolationLevel.READ_COMMITTED), written));
        await("committed records to be read").atMost(READ_WITHIN)
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

    /** Stops the reader's consumer (the companion stays, shared by the test run). */
    @Override
    public void close() {
        records.close();
    }
}
