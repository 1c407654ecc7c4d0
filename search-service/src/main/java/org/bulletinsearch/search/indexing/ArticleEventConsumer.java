package org.bulletinsearch.search.indexing;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.ArticleEventCodec;
import org.bulletinsearch.events.InvalidArticleEventException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes article events in batches (group {@code search-service}, read-committed) and indexes each
 * batch with one {@code _bulk}.
 *
 * <p>The batch is acknowledged, and its offsets become committable, only when the returned stage
 * completes: after the engine has confirmed every document and every event that can never be indexed
 * is on the dead-letter topic. While the engine is down the stage simply does not complete, so the
 * connector's buffer fills and it pauses fetching; nothing is skipped. Batches run one after another
 * on a dedicated thread (the connector concatenates stages), which keeps the event loop free and
 * the worker pool's blocked-thread checker quiet during a long outage.
 */
@ApplicationScoped
public class ArticleEventConsumer {

    private static final Logger LOG = Logger.getLogger(ArticleEventConsumer.class);

    private final ArticleEventCodec codec = new ArticleEventCodec();
    private final ExecutorService workers;
    private final ArticleIndexer indexer;
    private final DeadLetterPublisher deadLetters;

    public ArticleEventConsumer(ArticleIndexer indexer, DeadLetterPublisher deadLetters,
            @ConfigProperty(name = "mp.messaging.incoming.articles.concurrency", defaultValue = "1") int concurrency) {
        this.indexer = indexer;
        this.deadLetters = deadLetters;
        AtomicInteger threads = new AtomicInteger();
        // At most one batch per channel copy is in flight, so this many threads never queue a batch.
        this.workers = Executors.newFixedThreadPool(Math.max(1, concurrency), runnable -> {
            Thread thread = new Thread(runnable, "article-indexer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Incoming("articles")
    public CompletionStage<Void> consume(ConsumerRecords<String, byte[]> records) {
        return CompletableFuture.runAsync(() -> index(records), workers);
    }

    void index(ConsumerRecords<String, byte[]> records) {
        Map<String, List<ConsumerRecord<String, byte[]>>> recordsById = new LinkedHashMap<>();
        List<IndexDocument> documents = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            ArticleEvent event;
            try {
                event = codec.fromJson(record.value());
            } catch (InvalidArticleEventException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                deadLetters.publish(record, e.getMessage(), cause.getClass().getName(), "invalid_event");
                continue;
            }
            if (record.key() != null && !record.key().equals(event.articleId())) {
                // Harmless for the index (the id comes from the content), but the producer breaks the contract.
                LOG.debugf("record key %s differs from articleId %s", record.key(), event.articleId());
            }
            recordsById.computeIfAbsent(event.articleId(), id -> new ArrayList<>(1)).add(record);
            documents.add(IndexDocument.of(ArticleDocument.of(event)));
        }
        if (documents.isEmpty()) {
            return;
        }
        ArticleIndexer.Result result = indexer.index(documents);
        for (BulkItemOutcome refused : result.rejected()) {
            for (ConsumerRecord<String, byte[]> record : recordsById.getOrDefault(refused.id(), List.of())) {
                deadLetters.publish(record, "refused by the search engine: " + refused.errorType() + ": " + refused.reason(),
                        refused.errorType(), "rejected");
            }
        }
        LOG.debugf("batch of %d events: %d indexed, %d refused", records.count(), result.indexed(), result.rejected().size());
    }

    @PreDestroy
    void stop() {
        // Interrupts a batch waiting for the engine; it stays unacknowledged and is redelivered.
        workers.shutdownNow();
    }
}
