package org.bulletinsearch.search.indexing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where articles are indexed: the versioned index {@code <alias>-<version>} behind the alias searches read. */
@ConfigMapping(prefix = "search.index")
public interface IndexConfig {

    /** Alias every search reads; it points at exactly one versioned index. */
    @WithDefault("articles")
    String alias();

    /**
     * Version of the index definition this release writes; bump it with every change of
     * {@code articles-index.json} (v2: invisible format characters dropped by every analyzer).
     */
    @WithDefault("v2")
    String version();

    @WithDefault("1")
    int shards();

    @WithDefault("1")
    int replicas();
}
