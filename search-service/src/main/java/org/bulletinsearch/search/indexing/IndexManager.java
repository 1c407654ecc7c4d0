package org.bulletinsearch.search.indexing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.engine.SearchEngineRequestException;
import org.bulletinsearch.search.engine.SearchEngineUnavailableException;
import org.jboss.logging.Logger;

/**
 * Owns the article index: creates the versioned index ({@code articles-v2}) with its explicit
 * settings and mapping, and the alias ({@code articles}) searches go through, when they are absent.
 *
 * <p>Writes go to the versioned index, reads to the alias. A release with a new mapping bumps the
 * version: it builds {@code articles-v3} next to the live index while the alias still points at v2,
 * and the alias is switched once v3 has caught up (see the README's reindex procedure). An alias that
 * already points elsewhere is therefore left alone.
 *
 * <p>The engine may be down when the service starts: start-up only tries, and indexing calls
 * {@link #ensureIndex()} again before it writes.
 */
@ApplicationScoped
public class IndexManager {

    static final String DEFINITION_RESOURCE = "/search/articles-index.json";
    private static final Logger LOG = Logger.getLogger(IndexManager.class);

    private final SearchEngine engine;
    private final IndexConfig config;
    private volatile boolean ready;

    public IndexManager(SearchEngine engine, IndexConfig config) {
        this.engine = engine;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            ensureIndex();
        } catch (SearchEngineUnavailableException e) {
            LOG.warnf("search engine not reachable at start-up (%s); the index will be created before the first write",
                    e.getMessage());
        }
    }

    /** The alias searches read. */
    public String alias() {
        return config.alias();
    }

    /** The concrete index this release writes to. */
    public String indexName() {
        return config.alias() + "-" + config.version();
    }

    public boolean isReady() {
        return ready;
    }

    /** Creates the index and the alias when absent; cheap once they exist. */
    public void ensureIndex() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            boolean aliasExists = engine.exists("/_alias/" + alias());
            if (!engine.exists("/" + indexName())) {
                createIndex(!aliasExists);
            } else if (!aliasExists) {
                addAlias();
            }
            ready = true;
        }
    }

    /** Forgets what {@link #ensureIndex()} found when the engine said the index is missing, to create it again. */
    public void noticeFailure(String errorType) {
        if ("index_not_found_exception".equals(errorType)) {
            ready = false;
        }
    }

    /** Settings and mapping of the index, with the configured shard and replica counts. */
    public ObjectNode definition() {
        try (InputStream in = IndexManager.class.getResourceAsStream(DEFINITION_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + DEFINITION_RESOURCE);
            }
            ObjectNode definition = (ObjectNode) engine.mapper().readTree(in);
            ObjectNode index = (ObjectNode) definition.path("settings").path("index");
            index.put("number_of_shards", config.shards());
            index.put("number_of_replicas", config.replicas());
            return definition;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an index with this release's definition under any name (used for benchmarks). */
    public void createIndex(String name, String aliasOrNull) {
        ObjectNode body = definition();
        if (aliasOrNull != null) {
            body.putObject("aliases").putObject(aliasOrNull);
        }
        try {
            engine.send("PUT", "/" + name, body);
            LOG.infof("created index %s%s", name, aliasOrNull == null ? "" : " with alias " + aliasOrNull);
        } catch (SearchEngineRequestException e) {
            // Another replica won the race: fine, the index exists with the same definition.
            if (!e.errorType().contains("already_exists")) {
                throw e;
            }
        }
    }

    private void createIndex(boolean withAlias) {
        createIndex(indexName(), withAlias ? alias() : null);
        if (withAlias && !engine.exists("/_alias/" + alias())) {
            addAlias();
        }
    }

    private void addAlias() {
        ObjectNode body = engine.mapper().createObjectNode();
        ArrayNode actions = body.putArray("actions");
        actions.addObject().putObject("add").put("index", indexName()).put("alias", alias());
        engine.send("POST", "/_aliases", body);
        LOG.infof("alias %s now points at %s", alias(), indexName());
    }

    /** Which index the alias points at now, for logs and health data; null when there is none. */
    public String aliasTarget() {
        if (!engine.exists("/_alias/" + alias())) {
            return null;
        }
        JsonNode answer = engine.send("GET", "/_alias/" + alias(), null);
        return answer.fieldNames().hasNext() ? answer.fieldNames().next() : null;
    }
}
