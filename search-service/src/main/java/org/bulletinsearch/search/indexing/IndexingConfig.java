package org.bulletinsearch.search.indexing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How indexing retries while the engine cannot take documents. */
@ConfigMapping(prefix = "search.indexing")
public interface IndexingConfig {

    Retry retry();

    interface Retry {
        /** First pause after a failed attempt; it doubles with every further failure. */
        @WithDefault("200ms")
        Duration initialDelay();

        /** Longest pause between two attempts: how late at most indexing notices the engine is back. */
        @WithDefault("5s")
        Duration maxDelay();
    }
}
