package org.bulletinsearch.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The API keys every writing endpoint accepts (the same keys in every service). */
@ConfigMapping(prefix = "api-keys")
public interface ApiKeyConfig {

    /**
     * Comma-separated keys, each optionally named ({@code ops:5f2c…}); unnamed keys are called {@code key-1},
     * {@code key-2}... by position. Fed by the environment variable {@code INGEST_API_KEY} in every service.
     */
    Optional<String> keys();

    /** Whether the service refuses to start in production without a key (ingest: its only endpoint writes). */
    @WithDefault("false")
    boolean required();
}
