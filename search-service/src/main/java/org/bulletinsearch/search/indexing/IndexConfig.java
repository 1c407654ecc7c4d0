package org.bulletinsearch.search.indexing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Where articles are indexed: the alias searches read and the shape of the indices behind it. Which version
 * of the index definition this release writes is the definition's own ({@code _meta.mappingVersion} in
 * {@code search/articles-index.json}), not configuration: it must match the mapping.
 * Also when the searched index is merged into few segments ({@link IndexCompaction}).
 */
@ConfigMapping(prefix = "search.index")
public interface IndexConfig {

    /** Alias every search reads; it points at exactly one versioned index. */
    @WithDefault("articles")
    String alias();

    /** Primary shards of a new index. */
    @WithDefault("1")
    int shards();

    /** Replicas of a new index. */
    @WithDefault("1")
    int replicas();

    /** When the searched index is merged into few segments ({@link IndexCompaction}). */
    Compaction compaction();

    /** Merging the searched index while nothing is written. */
    interface Compaction {

        /** How long the engine must have indexed nothing before a merge is asked; 0 turns merging off. */
        @WithDefault("5m")
        Duration idle();

        /** Segments a primary shard of the searched index may have, on average, without a merge being asked. */
        @WithDefault("5")
        int aboveSegments();
    }
}
