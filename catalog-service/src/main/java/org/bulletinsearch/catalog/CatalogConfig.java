package org.bulletinsearch.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The catalog's own settings (prefix {@code catalog}), set in application.properties with their
 * environment variables. Retry pauses of the consumer are the shared {@code consumer.retry.*}
 * ({@link org.bulletinsearch.consumption.RetryConfig}).
 */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    /** {@code GET /articles}. */
    ArticlePaging articles();

    /** {@code GET /uploads/{uploadId}}. */
    Paging uploads();

    /** {@code GET /articles/export}. */
    Paging export();

    /** {@code DELETE /articles/{id}} and {@code DELETE /uploads/{uploadId}}. */
    Lifecycle lifecycle();

    /** Grouping new articles into stories ({@link org.bulletinsearch.catalog.story.StoryAssigner}). */
    Stories stories();

    /** How fast pending articles are grouped into stories. */
    interface Stories {

        /** Whether the assigner runs (false: every article stays its own story, pending). */
        @WithDefault("true")
        boolean enabled();

        /** Articles grouped per round (one transaction). */
        @WithDefault("100")
        int batchSize();

        /**
         * Pause after a round. With {@link #batchSize()} it paces the assigner while articles are being stored (100
         * per second by default), so that a bulk upload is stored at full speed instead of competing with grouping.
         */
        @WithDefault("1s")
        Duration pause();

        /**
         * Articles grouped per round, rounds back to back, while no article was stored since the last round: the
         * backlog a bulk upload left is grouped at full speed once it is stored. Zero: always paced.
         */
        @WithDefault("500")
        int idleBatchSize();

        /**
         * Share of the machine's CPUs (0 to 1) below which the assigner counts the machine as idle and catches up
         * with {@link #idleBatchSize()}; busier, it stays paced, so that a bulk upload's indexing elsewhere on the
         * machine keeps the CPU.
         */
        @WithDefault("0.5")
        double idleCpuBelow();

        /**
         * Articles grouped per round while articles are being stored and the CPUs are busy (a bulk upload on a
         * saturated machine): grouping then yields almost all the CPU to ingest (its cost per article grows with
         * the stored articles, 2-5 ms of CPU at 50,000-500,000 here) but keeps moving. Zero: it waits.
         */
        @WithDefault("10")
        int busyBatchSize();
    }

    /** Publishing deletions and retractions. */
    interface Lifecycle {

        /**
         * Longest wait for Kafka to commit a request's records (and for the previous request's transaction to
         * end); longer is a 503 and nothing is published.
         */
        Duration publishTimeout();
    }

    /** Page sizes of {@code GET /articles}, and how far its first page counts. */
    interface ArticlePaging extends Paging {

        /**
         * The first page counts the matching articles exactly up to this many; beyond, an unfiltered listing
         * gives PostgreSQL's estimate and a filtered one this number as a lower bound. Bounds the cost of a
         * first page (one index range of at most this many rows) however large the catalog.
         */
        int exactTotalUpTo();
    }

    /** Page sizes of one listing, in items. */
    interface Paging {

        /** Size of a page when the request names none. */
        int defaultPageSize();

        /** Largest {@code size} a request may ask for; larger is a 400. */
        int maxPageSize();
    }
}
