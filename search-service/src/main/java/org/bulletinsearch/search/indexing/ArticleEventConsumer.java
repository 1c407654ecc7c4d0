package org.bulletinsearch.search.indexing;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
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
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.ArticleEventCodec;
import org.bulletinsearch.events.ArticleId;
import org.bulletinsearch.events.ArticleRecord;
import org.bulletinsearch.events.InvalidArticleEventException;
import org.bulletinsearch.events.SightingRetraction;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes the articles topic in batches (group {@code search-service}, read-committed, key and value as
 * raw bytes so that a dead letter forwards them unchanged) and applies each batch with one {@code _bulk}:
 * a sighting ({@link ArticleEvent}) writes the article's document, and deletes the article it supersedes
 * when it is a correction; a tombstone (no value) deletes the document of its key; a
 * {@link SightingRetraction} re-points the document's sighting fields to {@code current}. The records of one
 * article are applied in offset order (they share a partition), so a deletion outlives every older sighting
 * and a later sighting brings the article back.
 *
 * <p>The batch is acknowledged, and its offsets become committable, only when the returned {@link Uni}
 * completes: after the engine has confirmed every operation and every record that can never be applied
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
                        .chain(() -> indexer.index(batch.operations()))
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
                for (IndexOperation operation : operations(record)) {
                    batch.recordsById().computeIfAbsent(operation.id(), id -> new ArrayList<>(1)).add(record);
                    batch.operations().add(operation);
                }
            } catch (InvalidArticleEventException e) {
                batch.undecodable().add(DeadLetter.undecodable(record, e));
            }
        }
        return batch;
    }

    /** What one record asks of the index, in order. */
    private List<IndexOperation> operations(ConsumedRecord record) throws InvalidArticleEventException {
        if (record.value() == null) {
            String id = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            if (!ArticleId.isWellFormed(id)) {
                throw new InvalidArticleEventException("a tombstone whose key is not an article id");
            }
            return List.of(new IndexOperation.Delete(id));
        }
        ArticleRecord decoded = codec.decode(record.value());
        if (decoded instanceof SightingRetraction retraction) {
            return List.of(new IndexOperation.Retract(retraction.articleId(), retraction.current()));
        }
        ArticleEvent event = (ArticleEvent) decoded;
        IndexOperation write = new IndexOperation.Write(ArticleDocument.of(event));
        if (event.supersedes() == null || event.supersedes().equals(event.articleId())) {
            return List.of(write);
        }
        return List.of(new IndexOperation.Delete(event.supersedes()), write);
    }

    /** A consumed batch, decoded: the operations to apply, the records behind each article, and the poison. */
    private record Batch(Map<String, List<ConsumedRecord>> recordsById, List<IndexOperation> operations,
            List<DeadLetter> undecodable) {

        /** The dead letters of the records behind the operations the engine refused for good. */
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
