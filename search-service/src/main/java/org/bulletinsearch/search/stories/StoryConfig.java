package org.bulletinsearch.search.stories;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How search asks the catalog for stories ({@code search.stories.*}; the catalog is {@code search.catalog-url}). */
@ConfigMapping(prefix = "search.stories")
public interface StoryConfig {

    /**
     * Longest wait for the catalog's answer (connection included). A search whose stories do not come in time is
     * answered without folding versions ({@code collapsed: false}) rather than late.
     */
    @WithDefault("1s")
    Duration timeout();
}
