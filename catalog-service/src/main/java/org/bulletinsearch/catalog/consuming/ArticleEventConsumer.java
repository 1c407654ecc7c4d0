package org.bulletinsearch.catalog.consuming;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;
import org.bulletinsearch.catalog.article.ArticleChange;
import org.bulletinsearch.catalog.article.ArticleStore;
import org.bulletinsearch.catalog.article.EntityFacets;
import org.bulletinsearch.catalog.database.DatabaseFailures;
import org.bulletinsearch.catalog.lifecycle.TombstoneHeaders;
import org.bulletinsearch.consumption.ConsumedRecord;
import org.bulletinsearch.consumption.DeadLetter;
import org.bulletinsearch.consumption.DeadLetterPublisher;
import org.bulletinsearch.consumption.RetryPolicy;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.ArticleEventCodec;
import org.bulletinsearch.events.ArticleRecord;
import org.bulletinsearch.events.InvalidArticleEventException;
import org.bulletinsearch.events.SightingRetraction;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes the articles topic a polled batch at a time and applies it to the catalog: sightings, deletions
 * (tombstones: no value, {@code deleted-*} headers) and retractions of an upload's sightings.
 *
 * <p>For each batch, in this order:
 * <ol>
 *   <li>decode every record: values with the event contract's codec ({@link ArticleEventCodec#decode}:
 *       an {@link ArticleEvent} or a {@link SightingRetraction}), tombstones from their key and headers
 *       ({@link TombstoneHeaders}); an event without entities gets those of its text. Records that cannot be
 *       read (not JSON, schema violation, id not matching the text, a tombstone without its headers) go to the
 *       dead-letter topic;</li>
 *   <li>apply the rest in one database transaction, in the batch's order ({@link ArticleStore}); if the
 *       database refuses the data itself (SQLState class 22/23), apply them one by one and dead-letter only
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
 * same key (article id) are on the same partition, so all records of one article are applied in the
 * order they were published: that order decides between a deletion and a sighting. Blocking work
 * (decoding, JDBC) runs on the worker pool, never on the event loop.
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
        List<Received> records = batch.getRecords().stream()
                .map(record -> new Received(ConsumedRecord.of(record), record.getHeaders())).toList();
        return onWorker(() -> decode(records))
                .chain(decoded -> retry.untilDone("dead-lettering undecodable records",
                                () -> deadLetters.publish(decoded.undecodable()))
                        .chain(() -> retry.untilDone("applying " + decoded.changes().size() + " records",
                                () -> onWorker(() -> applyOrIsolate(decoded.changes()))))
                        .chain(refused -> retry.untilDone("dead-lettering records the database refused",
                                () -> deadLetters.publish(refused))))
                .chain(() -> Uni.createFrom().completionStage(batch::ack))
                .invoke(() -> metrics.batchDone(Duration.ofNanos(System.nanoTime() - started)));
    }

    private Decoded decode(List<Received> records) {
        // Schema validation (~50 µs) and, for events without entities, their extraction are the costliest
        // steps per record; records are independent, so a large batch is decoded on all cores. The encounter
        // order (and so the order of application) is kept.
        List<Object> outcomes = (records.size() >= PARALLEL_DECODE_THRESHOLD ? records.parallelStream() : records.stream())
                .map(this::decodeOne)
                .toList();
        List<DecodedChange> changes = new ArrayList<>(records.size());
        List<DeadLetter> undecodable = new ArrayList<>();
        for (Object outcome : outcomes) {
            if (outcome instanceof DecodedChange change) {
                changes.add(change);
            } else {
                undecodable.add((DeadLetter) outcome);
            }
        }
        return new Decoded(changes, undecodable);
    }

    /** A {@link DecodedChange}, or the {@link DeadLetter} of a record that cannot be read. */
    private Object decodeOne(Received received) {
        ConsumedRecord record = received.record();
        try {
            return new DecodedChange(record, change(record, received.headers()));
        } catch (InvalidArticleEventException e) {
            return DeadLetter.undecodable(record, e);
        }
    }

    private ArticleChange change(ConsumedRecord record, Headers headers) throws InvalidArticleEventException {
        if (record.value() == null) {
            return TombstoneHeaders.read(record.key(), headers);
        }
        ArticleRecord decoded = codec.decode(record.value());
        if (decoded instanceof ArticleEvent event) {
            return new ArticleChange.Seen(event, EntityFacets.of(event));
        }
        return new ArticleChange.Retracted((SightingRetraction) decoded);
    }

    /** Applies the changes; returns the dead letters of those the database refuses for good. */
    private List<DeadLetter> applyOrIsolate(List<DecodedChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        try {
            metrics.applied(store.apply(changes.stream().map(DecodedChange::change).toList()));
            return List.of();
        } catch (RuntimeException batchFailure) {
            if (!DatabaseFailures.isRefusedForGood(batchFailure)) {
                throw batchFailure;
            }
            LOG.warnf("The database refused a batch of %d records (%s); applying them one at a time to find which",
                    changes.size(), RetryPolicy.rootMessage(batchFailure));
        }
        List<DeadLetter> refused = new ArrayList<>();
        for (DecodedChange change : changes) {
            try {
                metrics.applied(store.apply(List.of(change.change())));
            } catch (RuntimeException failure) {
                if (!DatabaseFailures.isRefusedForGood(failure)) {
                    throw failure; // e.g. the database went down meanwhile: retry the whole batch
                }
                refused.add(DeadLetter.refusedByStore(change.record(), "refused by the catalog database: "
                        + RetryPolicy.rootMessage(failure) + " (SQLState " + DatabaseFailures.sqlState(failure) + ")",
                        failure.getClass().getName()));
            }
        }
        return refused;
    }

    private static <T> Uni<T> onWorker(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** A record as received: its bytes and where it came from, and its headers (a tombstone's say who and when). */
    private record Received(ConsumedRecord record, Headers headers) {
    }

    private record DecodedChange(ConsumedRecord record, ArticleChange change) {
    }

    private record Decoded(List<DecodedChange> changes, List<DeadLetter> undecodable) {
    }
}
