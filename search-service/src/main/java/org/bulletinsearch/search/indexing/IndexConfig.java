package org.bulletinsearch.search.indexing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where articles are indexed: the alias searches read and the shape of the indices behind it. Which version
 * of the index definition this release writes is the definition's own ({@code _meta.mappingVersion} in
 * {@code search/articles-index.json}), not configuration: it must match the mapping.
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
}
