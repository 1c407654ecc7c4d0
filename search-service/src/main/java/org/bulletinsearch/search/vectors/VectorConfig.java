package org.bulletinsearch.search.vectors;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Sentence embeddings of articles and queries ({@code search.vectors.*}, env {@code SEARCH_VECTORS_*}). */
@ConfigMapping(prefix = "search.vectors")
public interface VectorConfig {

    /** Whether the model is loaded and articles get vectors; without it every search is a keyword search. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Embeddings computed at once, each on one thread. The model shares the machine with the engine and the
     * keyword indexing: one thread leaves the other core of a 2-core machine to them.
     */
    @WithDefault("1")
    int threads();

    /** Articles read, embedded and written per round trip. */
    @WithDefault("32")
    int batchSize();

    /**
     * Most articles per second the backfill embeds (articles older than a few minutes, for example every article
     * after an upgrade); 0 for no limit. New articles are never held back. Raise it while the platform is quiet.
     */
    @WithDefault("25")
    int backfillRate();

    /**
     * Query vectors kept, by the query's words, so that a query asked again (a popular one, its next page, the way
     * back to it) is not embedded again; 0 keeps none. A vector takes about 1.6 KB (384 floats and the entry), so
     * the default holds 1.6 MB of the service's heap.
     */
    @WithDefault("1000")
    int queryCache();

    /** How long the filler waits, once every article has its vector, before it looks for new ones. */
    @WithDefault("1s")
    Duration pollInterval();
}
