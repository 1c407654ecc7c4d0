package org.bulletinsearch.search.indexing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where a reindex reads articles from and how it runs ({@code search.catalog-url}, {@code search.reindex.*}). */
@ConfigMapping(prefix = "search")
public interface ReindexConfig {

    /** Base URL of the catalog service, whose {@code GET /articles/export} a reindex reads (env {@code CATALOG_URL}). */
    @WithDefault("http://localhost:8082")
    URI catalogUrl();

    /** How the reindex job runs. */
    Reindex reindex();

    /** The reindex job's settings. */
    interface Reindex {

        /** Whether a start-up whose mapping version is newer than the alias's index reindexes by itself. */
        @WithDefault("true")
        boolean automatic();

        /** Articles per export page and per {@code _bulk} of the backfill (the catalog serves at most 2000). */
        @WithDefault("1000")
        int pageSize();

        /** How long one export page may take to arrive. */
        @WithDefault("30s")
        Duration catalogTimeout();

        /** Whether the index the alias pointed at before is deleted once the alias moved. */
        @WithDefault("true")
        boolean deleteOldIndex();

        /**
         * How long after the alias moved the old index is deleted: a replica's write that was decided before the
         * move (at most one request, bounded by the engine socket timeout) must not find it gone, or the engine
         * would create an empty index of that name.
         */
        @WithDefault("60s")
        Duration oldIndexGrace();

        /**
         * A job whose replica reported no progress for this long is taken to be dead (its replica stopped): the
         * next request or start-up removes what it built and runs a new one.
         */
        @WithDefault("5m")
        Duration staleAfter();
    }
}
