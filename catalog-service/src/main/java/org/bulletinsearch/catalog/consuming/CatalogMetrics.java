package org.bulletinsearch.catalog.consuming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.bulletinsearch.catalog.article.StoreOutcome;
import org.bulletinsearch.consumption.DeadLetter;
import org.bulletinsearch.consumption.DeadLetterPublisher.DeadLettered;
import org.bulletinsearch.consumption.RetryPolicy.Retrying;

/**
 * The consumer's own meters (Prometheus names in brackets), including those of the shared dead-letter
 * and retry policy, counted from the events they fire. Consumer lag comes from the Kafka client
 * itself: quarkus-micrometer binds every consumer the messaging connector creates
 * ({@code kafka_consumer_fetch_manager_records_lag_max}, {@code kafka_consumer_fetch_manager_records_lag}).
 */
@Startup // registers the meters at start, so that they are scraped (at zero) before the first event
@ApplicationScoped
public class CatalogMetrics {

    private final MeterRegistry registry;
    private final Counter stored;
    private final Counter redelivered;
    private final Counter knownArticle;
    private final Counter ignored;
    private final Counter deletions;
    private final Counter retractions;
    private final Counter storeRetries;
    private final Timer batches;

    public CatalogMetrics(MeterRegistry registry) {
        this.registry = registry;
        // [catalog_articles_stored_total]
        this.stored = Counter.builder("catalog.articles.stored")
                .description("Articles stored for the first time")
                .register(registry);
        // [catalog_events_duplicate_total{kind=...}]: events that created no article row
        this.redelivered = Counter.builder("catalog.events.duplicate").tag("kind", "redelivered")
                .description("Events that created no article: their (article, upload, position) was already"
                        + " recorded (redelivered), or the article was known from another upload (known-article)")
                .register(registry);
        this.knownArticle = Counter.builder("catalog.events.duplicate").tag("kind", "known-article")
                .register(registry);
        // [catalog_events_ignored_total]
        this.ignored = Counter.builder("catalog.events.ignored")
                .description("Sightings ingested before their article's deletion (or their upload's retraction):"
                        + " a late producer's, never applied")
                .register(registry);
        // [catalog_lifecycle_applied_total{kind=...}]
        this.deletions = Counter.builder("catalog.lifecycle.applied").tag("kind", "deletion")
                .description("Deletions (tombstones) and retractions applied for the first time")
                .register(registry);
        this.retractions = Counter.builder("catalog.lifecycle.applied").tag("kind", "retraction")
                .register(registry);
        // [catalog_store_retries_total]
        this.storeRetries = Counter.builder("catalog.store.retries")
                .description("Attempts to store a batch (or dead-letter it) that failed and were retried")
                .register(registry);
        // [catalog_batch_seconds_*]
        this.batches = Timer.builder("catalog.batch")
                .description("Time to take one polled batch from receipt to acknowledgement, retries included")
                .register(registry);
        for (String category : DeadLetter.CATEGORIES) {
            registry.counter("catalog.events.dead.lettered", "reason", category);
        }
    }

    void applied(StoreOutcome outcome) {
        stored.increment(outcome.newArticles());
        redelivered.increment(outcome.redelivered());
        knownArticle.increment(outcome.knownArticleSightings());
        ignored.increment(outcome.ignored());
        deletions.increment(outcome.deletions());
        retractions.increment(outcome.retractions());
    }

    /** [catalog_events_dead_lettered_total{reason=...}] */
    void deadLettered(@Observes DeadLettered letter) {
        registry.counter("catalog.events.dead.lettered", "reason", letter.category()).increment();
    }

    void retrying(@Observes Retrying retry) {
        storeRetries.increment();
    }

    void batchDone(Duration took) {
        batches.record(took);
    }

    /** Articles stored for the first time since the service started: whether ingest is running, for background work. */
    public long articlesStored() {
        return (long) stored.count();
    }
}
