package org.bulletinsearch.search.indexing;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.bulletinsearch.consumption.ConsumedRecord;
import org.bulletinsearch.consumption.DeadLetter;
import org.bulletinsearch.consumption.DeadLetterPublisher;
import org.bulletinsearch.consumption.RetryPolicy;
import org.bulletinsearch.events.ArticleEventCodec;
import org.bulletinsearch.events.InvalidArticleEventException;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes article events in batches (group {@code search-service}, read-committed, key and value as
 * raw bytes so that a dead letter forwards them unchanged) and indexes each batch with one
 * {@code _bulk}.
 *
 * <p>The batch is acknowledged, and its offsets become committable, only when the returned {@link Uni}
 * completes: after the engine has confirmed every document and every event that can never be indexed
 * is on the dead-letter topic. While the engine (or Kafka, for dead letters) is down the
 * {@link RetryPolicy} keeps retrying and the Uni does not complete, so the connector's buffer fills and
 * it pauses fetching; nothing is skipped. Each channel copy ({@code concurrency}) has one batch in
 * flight; the blocking work runs on the worker pool.
 */
@ApplicationScoped
public class ArticleEventConsumer {

    private final ArticleEventCodec codec = new ArticleEventCodec();
    private final ArticleIndexer indexer;
    private final DeadLetterPublisher deadLetters;
    private final RetryPolicy retry;

    public ArticleEventConsumer(ArticleIndexer indexer, DeadLetterPublisher deadLetters, RetryPolicy retry) {
        this.indexer = indexer;
        this.deadLetters = deadLetters;
        this.retry = retry;
    }

    @Incoming("articles")
    public Uni<Void> consume(ConsumerRecords<byte[], byte[]> records) {
        List<ConsumedRecord> consumed = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            consumed.add(ConsumedRecord.of(record));
        }
        return Uni.createFrom().item(() -> decode(consumed)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(batch -> deadLetter(batch.undecodable())
                        .chain(() -> indexer.index(batch.documents()))
                        .chain(result -> deadLetter(batch.refused(result))));
    }

    private Uni<Void> deadLetter(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return retry.untilDone("dead-lettering " + letters.size() + " records", () -> deadLetters.publish(letters));
    }

    private Batch decode(List<ConsumedRecord> records) {
        Batch batch = new Batch(new LinkedHashMap<>(), new ArrayList<>(records.size()), new ArrayList<>());
        for (ConsumedRecord record : records) {
            try {
                ArticleDocument document = ArticleDocument.of(codec.fromJson(record.value()));
                batch.recordsById().computeIfAbsent(document.id(), id -> new ArrayList<>(1)).add(record);
                batch.documents().add(IndexDocument.of(document));
            } catch (InvalidArticleEventException e) {
                batch.undecodable().add(DeadLetter.undecodable(record, e));
            }
        }
        return batch;
    }

    /** A consumed batch, decoded: the documents to index, the records behind each id, and the poison. */
    private record Batch(Map<String, List<ConsumedRecord>> recordsById, List<IndexDocument> documents,
            List<DeadLetter> undecodable) {

        /** The dead letters of the events behind the documents the engine refused for good. */
        List<DeadLetter> refused(ArticleIndexer.Result result) {
            List<DeadLetter> letters = new ArrayList<>();
            for (BulkItemOutcome refused : result.rejected()) {
                for (ConsumedRecord record : recordsById.getOrDefault(refused.id(), List.of())) {
                    letters.add(DeadLetter.refusedByStore(record, "refused by the search engine: " + refused.errorType()
                            + ": " + refused.reason(), refused.errorType()));
                }
            }
            return letters;
        }
    }
}
