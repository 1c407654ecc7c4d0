package org.bulletinsearch.consumption;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a consumer waits between attempts while a dependency is down. */
@ConfigMapping(prefix = "consumer.retry")
public interface RetryConfig {

    /** First pause; each later one doubles, up to {@link #maxDelay()}. */
    @WithDefault("200ms")
    Duration initialDelay();

    /** Longest pause between two attempts. */
    @WithDefault("5s")
    Duration maxDelay();
}
