package org.bulletinsearch.events;

/** Kafka topic names of the platform; every service and the deployment manifests use these. */
public final class Topics {

    /** Article events, keyed by article id. Compacted in production: the latest event per id is enough. */
    public static final String ARTICLES = "bulletin.articles.v1";

    /**
     * Events a consumer could never store (not JSON, failing the schema, refused by a store). The
     * original key and value are kept; headers say which consumer gave up and why.
     */
    public static final String ARTICLES_DEAD_LETTER = "bulletin.articles.v1.dlq";

    private Topics() {
    }
}
