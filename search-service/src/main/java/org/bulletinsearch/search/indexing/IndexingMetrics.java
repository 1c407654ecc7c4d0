package org.bulletinsearch.search.indexing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;
import org.bulletinsearch.consumption.DeadLetterPublisher.DeadLettered;
import org.bulletinsearch.consumption.RetryPolicy.Retrying;
import org.bulletinsearch.search.indexing.ArticleIndexer.ItemsPendingException;

/**
 * Indexing counters on {@code /q/metrics}. Consumer lag comes from the Kafka client metrics
 * ({@code kafka_consumer_fetch_manager_records_lag*}) that Quarkus' Kafka binder registers.
 */
@Startup // the meters exist (at zero) from the start, not from the first batch on
@ApplicationScoped
public class IndexingMetrics {

    private final MeterRegistry registry;
    private final Counter indexed;
    private final AtomicInteger waiting = new AtomicInteger();

    public IndexingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.indexed = Counter.builder("search.indexing.indexed")
                .description("Articles the engine confirmed as indexed (redeliveries included)")
                .register(registry);
        registry.gauge("search.indexing.waiting", waiting);
    }

    public void indexed(int count) {
        indexed.increment(count);
    }

    /**
     * Counts documents sent again ({@code cause}: {@code engine_unavailable} or the engine's error type) and
     * dead letters Kafka did not take yet ({@code dead_letter_unavailable}).
     */
    void retrying(@Observes Retrying retrying) {
        boolean documents = retrying.failure() instanceof ItemsPendingException;
        Counter.builder("search.indexing.retried")
                .description("Documents sent to the engine again after a transient failure")
                .tag("cause", documents ? ((ItemsPendingException) retrying.failure()).engineCause() : "dead_letter_unavailable")
                .register(registry)
                .increment(documents ? ((ItemsPendingException) retrying.failure()).count() : 1);
    }

    /** {@code reason}: invalid_event (not the contract) or rejected (refused by the engine for good). */
    void deadLettered(@Observes DeadLettered letter) {
        Counter.builder("search.indexing.dead.lettered")
                .description("Events sent to the dead-letter topic")
                .tag("reason", "store-refused".equals(letter.category()) ? "rejected" : "invalid_event")
                .register(registry)
                .increment();
    }

    /** Documents held back while the engine cannot take them: non-zero means consumption is paused. */
    void waitingChanged(int delta) {
        waiting.addAndGet(delta);
    }
}
