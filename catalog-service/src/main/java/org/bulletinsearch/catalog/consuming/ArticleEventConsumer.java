package org.bulletinsearch.catalog.consuming;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bulletinsearch.catalog.article.ArticleStore;
import org.bulletinsearch.catalog.database.DatabaseFailures;
import org.bulletinsearch.consumption.ConsumedRecord;
import org.bulletinsearch.consumption.DeadLetter;
import org.bulletinsearch.consumption.DeadLetterPublisher;
import org.bulletinsearch.consumption.RetryPolicy;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.ArticleEventCodec;
import org.bulletinsearch.events.InvalidArticleEventException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes the articles topic a polled batch at a time and stores it in the catalog.
 *
 * <p>For each batch, in this order:
 * <ol>
 *   <li>decode every record with the event contract's codec; records it refuses (not JSON, schema
 *       violation, id not matching the text) go to the dead-letter topic;</li>
 *   <li>store the valid events in one database transaction ({@link ArticleStore}); if the database
 *       refuses the data itself (SQLState class 22/23), store them one by one and dead-letter only
 *       the refused ones;</li>
 *   <li>acknowledge the batch, only once the transaction committed and Kafka acknowledged every
 *       dead letter. The {@code throttled} commit strategy then commits, every
 *       {@code auto.commit.interval.ms}, offsets up to the last acknowledged record, never beyond.</li>
 * </ol>
 *
 * <p>Any other failure (PostgreSQL down or restarting, Kafka not taking dead letters) is retried by
 * the shared {@link RetryPolicy} (exponential backoff, indefinitely, until shutdown) without
 * acknowledging anything: the batch is neither skipped nor dead-lettered. While a batch retries, the connector stops requesting records and
 * pauses the partitions, but its polling thread keeps calling {@code poll()}, so the consumer stays
 * in its group ({@code max.poll.interval.ms} is never exceeded) and resumes where it stopped.
 *
 * <p>Ordering: the method returns a {@link Uni}, and the connector hands over the next batch only
 * when it completes; batches are therefore processed one at a time, in poll order. Records with the
 * same key (article id) are on the same partition, so all events of one article are stored in the
 * order they were published. Blocking work (decoding, JDBC) runs on the worker pool, never on the
 * event loop.
 */
@ApplicationScoped
public class ArticleEventConsumer {

    private static final Logger LOG = Logger.getLogger(ArticleEventConsumer.class);
    private static final int PARALLEL_DECODE_THRESHOLD = 64;

    private final ArticleEventCodec codec;
    private final ArticleStore store;
    private final DeadLetterPublisher deadLetters;
    private final RetryPolicy retry;
    private final CatalogMetrics metrics;

    public ArticleEventConsumer(ArticleEventCodec codec, ArticleStore store, DeadLetterPublisher deadLetters,
            RetryPolicy retry, CatalogMetrics metrics) {
        this.codec = codec;
        this.store = store;
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.metrics = metrics;
    }

    @Incoming("articles")
    public Uni<Void> consume(KafkaRecordBatch<byte[], byte[]> batch) {
        long started = System.nanoTime();
        List<ConsumedRecord> records = batch.getRecords().stream().map(ConsumedRecord::of).toList();
        return onWorker(() -> decode(records))
                .chain(decoded -> retry.untilDone("dead-lettering undecodable records",
                                () -> deadLetters.publish(decoded.undecodable()))
                        .chain(() -> retry.untilDone("storing " + decoded.events().size() + " events",
                                () -> onWorker(() -> storeOrIsolate(decoded.events()))))
                        .chain(refused -> retry.untilDone("dead-lettering events the database refused",
                                () -> deadLetters.publish(refused))))
                .chain(() -> Uni.createFrom().completionStage(batch::ack))
                .invoke(() -> metrics.batchDone(Duration.ofNanos(System.nanoTime() - started)));
    }

    private Decoded decode(List<ConsumedRecord> records) {
        // Schema validation is the costliest step per record (~50 µs); records are independent, so a
        // large batch is decoded on all cores. The encounter order (and so the storage order) is kept.
        List<Object> outcomes = (records.size() >= PARALLEL_DECODE_THRESHOLD ? records.parallelStream() : records.stream())
                .map(this::decodeOne)
                .toList();
        List<DecodedEvent> events = new ArrayList<>(records.size());
        List<DeadLetter> undecodable = new ArrayList<>();
        for (Object outcome : outcomes) {
            if (outcome instanceof DecodedEvent event) {
                events.add(event);
            } else {
                undecodable.add((DeadLetter) outcome);
            }
        }
        return new Decoded(events, undecodable);
    }

    /** A {@link DecodedEvent}, or the {@link DeadLetter} of a record the contract refuses. */
    private Object decodeOne(ConsumedRecord record) {
        try {
            return new DecodedEvent(record, codec.fromJson(record.value()));
        } catch (InvalidArticleEventException e) {
            return DeadLetter.undecodable(record, e);
        }
    }

    /** Stores the events; returns those the database refuses for good, to be dead-lettered. */
    private List<DeadLetter> storeOrIsolate(List<DecodedEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        try {
            metrics.stored(store.store(events.stream().map(DecodedEvent::event).toList()));
            return List.of();
        } catch (RuntimeException batchFailure) {
            if (!DatabaseFailures.isRefusedForGood(batchFailure)) {
                throw batchFailure;
            }
            LOG.warnf("The database refused a batch of %d events (%s); storing them one at a time to find which",
                    events.size(), RetryPolicy.rootMessage(batchFailure));
        }
        List<DeadLetter> refused = new ArrayList<>();
        for (DecodedEvent event : events) {
            try {
                metrics.stored(store.store(List.of(event.event())));
            } catch (RuntimeException failure) {
                if (!DatabaseFailures.isRefusedForGood(failure)) {
                    throw failure; // e.g. the database went down meanwhile: retry the whole batch
                }
                refused.add(DeadLetter.refusedByStore(event.record(), "refused by the catalog database: "
                        + RetryPolicy.rootMessage(failure) + " (SQLState " + DatabaseFailures.sqlState(failure) + ")",
                        failure.getClass().getName()));
            }
        }
        return refused;
    }

    private static <T> Uni<T> onWorker(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private record DecodedEvent(ConsumedRecord record, ArticleEvent event) {
    }

    private record Decoded(List<DecodedEvent> events, List<DeadLetter> undecodable) {
    }
}
