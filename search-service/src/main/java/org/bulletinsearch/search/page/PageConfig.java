package org.bulletinsearch.search.page;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/**
 * The search page's own settings ({@code search.page.*}): where the upload page forwards files to. The catalog
 * the article page reads provenance from is the reindex's ({@code search.catalog-url}).
 */
@ConfigMapping(prefix = "search.page")
public interface PageConfig {

    /** Base URL of the ingest service, whose {@code POST /bulletins} the upload page calls (env {@code INGEST_URL}). */
    @WithDefault("http://localhost:8081")
    URI ingestUrl();

    /** How long a new connection to the ingest service may take before the upload page reports it unreachable. */
    @WithDefault("5s")
    Duration ingestConnectTimeout();

    /** How long an upload forwarded to ingest may take, answer included. */
    @WithDefault("120s")
    Duration uploadTimeout();

    /** How long the catalog may take to answer for one article page. */
    @WithDefault("5s")
    Duration catalogTimeout();

    /** Articles listed in an upload report (the counts always cover all of them). */
    @WithDefault("200")
    int reportArticles();
}
