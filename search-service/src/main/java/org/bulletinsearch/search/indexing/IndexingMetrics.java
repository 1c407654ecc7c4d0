package org.bulletinsearch.search.indexing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

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

    /** Documents sent again; {@code cause} is engine_unavailable or the engine's item error type. */
    public void retried(int count, String cause) {
        Counter.builder("search.indexing.retried")
                .description("Documents sent to the engine again after a transient failure")
                .tag("cause", cause)
                .register(registry)
                .increment(count);
    }

    /** {@code reason}: invalid_event (not the contract) or rejected (refused by the engine for good). */
    public void deadLettered(String reason) {
        Counter.builder("search.indexing.dead.lettered")
                .description("Events sent to the dead-letter topic")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** Documents held back while the engine cannot take them: non-zero means consumption is paused. */
    public void waiting(int count) {
        waiting.set(count);
    }
}
