package org.bulletinsearch.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits the {@link HttpEdge} enforces, with problem+json answers, before a request reaches a resource.
 * They must stay below the HTTP codec's own hard caps ({@code quarkus.http.limits.max-initial-line-length}
 * and {@code max-header-size}, set to 256 KB), above which the codec cuts the connection with a bare status.
 */
@ConfigMapping(prefix = "edge")
public interface EdgeConfig {

    /** Longest request line target (path and query string) in characters: 414 beyond. */
    @WithDefault("8192")
    int maxUriLength();

    /** Largest sum of header names and values in bytes: 431 beyond. */
    @WithDefault("16384")
    int maxHeaderSize();
}
