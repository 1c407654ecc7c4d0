package org.bulletinsearch.catalog.lifecycle;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.bulletinsearch.catalog.CatalogConfig;
import org.bulletinsearch.catalog.article.ArticleChange;
import org.bulletinsearch.catalog.article.ArticleChange.Deleted;
import org.bulletinsearch.catalog.article.ArticleChange.Retracted;
import org.bulletinsearch.edge.DependencyUnavailableException;
import org.bulletinsearch.edge.DependencyUnavailableException.Dependency;
import org.bulletinsearch.events.ArticleEventCodec;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes deletions (tombstones) and retractions on the articles topic, all records of one request in one
 * Kafka transaction (SmallRye's {@link KafkaTransactions} on the channel {@value #CHANNEL}: transactional,
 * hence idempotent with {@code acks=all}; its {@code transactional.id} is the configured prefix and a random
 * suffix per process). Consumers read {@code read_committed}: a request's records become visible together or
 * not at all.
 *
 * <p>A transactional producer runs one transaction at a time, so requests take turns (a fair lock). The catalog
 * applies the records when it consumes them, like every other consumer: the API only publishes.
 */
@ApplicationScoped
public class LifecyclePublisher {

    /** The outgoing channel: the articles topic, String keys, byte[] values. */
    public static final String CHANNEL = "lifecycle";

    private static final Logger LOG = Logger.getLogger(LifecyclePublisher.class);

    private final KafkaTransactions<Record<String, byte[]>> transactions;
    private final ArticleEventCodec codec;
    private final Duration timeout;
    private final ReentrantLock oneTransactionAtATime = new ReentrantLock(true);

    public LifecyclePublisher(@Channel(CHANNEL) KafkaTransactions<Record<String, byte[]>> transactions,
            ArticleEventCodec codec, CatalogConfig config) {
        this.transactions = transactions;
        this.codec = codec;
        this.timeout = config.lifecycle().publishTimeout();
    }

    /**
     * Publishes the deletions and retractions, in this order, in one transaction; returns once it committed.
     *
     * @throws DependencyUnavailableException (kafka) when the transaction did not commit within
     *     {@code catalog.lifecycle.publish-timeout}: usually nothing of it is visible then; a transaction that
     *     commits after the timeout is not harmful either, since asking again only adds a second audit row
     */
    public void publish(List<? extends ArticleChange> records) {
        List<Message<Record<String, byte[]>>> messages = records.stream().map(this::message).toList();
        try {
            if (!oneTransactionAtATime.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw unavailable("another deletion is still being published", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for Kafka", e);
        }
        try {
            transactions.withTransaction(emitter -> {
                messages.forEach(emitter::send);
                return Uni.createFrom().voidItem();
            }).await().atMost(timeout);
        } catch (RuntimeException e) {
            // Everything in the transaction is Kafka's: the messages were built before it began.
            LOG.warnf("Kafka did not take %d lifecycle records: %s", messages.size(), e.toString());
            throw unavailable("Kafka did not confirm the deletion in time; retry shortly", e);
        } finally {
            oneTransactionAtATime.unlock();
        }
    }

    private Message<Record<String, byte[]>> message(ArticleChange change) {
        if (change instanceof Deleted deletion) {
            return Message.of(Record.of(deletion.articleId(), (byte[]) null))
                    .addMetadata(OutgoingKafkaRecordMetadata.builder().withHeaders(TombstoneHeaders.of(deletion)).build());
        }
        if (change instanceof Retracted retracted) {
            return Message.of(Record.of(retracted.articleId(), codec.toJson(retracted.retraction())));
        }
        throw new IllegalArgumentException("the catalog publishes deletions and retractions only, not " + change);
    }

    private static DependencyUnavailableException unavailable(String detail, Throwable cause) {
        return new DependencyUnavailableException(Dependency.KAFKA, detail, cause);
    }
}
