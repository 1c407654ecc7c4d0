package org.bulletinsearch.search.indexing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.engine.SearchEngineRequestException;
import org.bulletinsearch.search.engine.SearchEngineUnavailableException;
import org.bulletinsearch.search.vectors.VectorField;
import org.jboss.logging.Logger;

/**
 * Owns the article indices and the aliases in front of them. Searches read the alias ({@code articles});
 * it points at exactly one versioned index: {@code articles-v3} when the service created it on an empty
 * engine, {@code articles-v3-20261201093000} when a reindex built it. The mapping version is the definition's
 * {@code _meta.mappingVersion} ({@link IndexDefinition}); an index built by an earlier release
 * carries a lower one, which is how a start-up knows it must reindex ({@link Reindexer}).
 *
 * <p>While a reindex runs, two more aliases exist: {@code articles-next} on the index being built and
 * {@code articles-next-journal} on its journal ({@link ReindexJournal}). Every replica's consumer looks them
 * up before each write ({@link #liveTargets()}), so all of them write to both indices, whichever replica runs
 * the job. The job's last step moves the alias and removes both in one {@code _aliases} call.
 *
 * <p>The engine may be down when the service starts: start-up only tries, and indexing calls
 * {@link #ensureIndex()} again before it writes.
 */
@ApplicationScoped
public class IndexManager {

    private static final Logger LOG = Logger.getLogger(IndexManager.class);
    private static final DateTimeFormatter BUILD_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    /**
     * What the service knows of one index's mapping, which never changes once created.
     *
     * @param mappingVersion its {@code _meta.mappingVersion}, 0 when it has none
     * @param fields its top-level fields
     */
    public record IndexInfo(int mappingVersion, Set<String> fields) {
    }

    private final SearchEngine engine;
    private final IndexConfig config;
    private final Map<String, IndexInfo> known = new ConcurrentHashMap<>();
    private volatile ObjectNode resourceDefinition;
    private volatile ObjectNode loadedDefinition;
    private volatile boolean ready;
    private volatile String current;

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

    /** The alias of the index a reindex is building (exists only meanwhile). */
    public String nextAlias() {
        return alias() + "-next";
    }

    /** The alias of the running reindex's journal (exists only meanwhile). */
    public String nextJournalAlias() {
        return alias() + "-next-journal";
    }

    /** The index holding reindex jobs and the lock that lets one run at a time. */
    public String stateIndex() {
        return alias() + "-reindex";
    }

    /** The index behind the alias when last looked up, for health data; null before. */
    public String currentIndex() {
        return current;
    }

    public boolean isReady() {
        return ready;
    }

    /** The mapping version of this release's index definition. */
    public int mappingVersion() {
        return IndexDefinition.mappingVersionOf(resource().path("mappings"));
    }

    /** A new name for an index a reindex builds, e.g. {@code articles-v3-20261201093000} (UTC). */
    public String buildName(Instant now) {
        return alias() + "-v" + mappingVersion() + "-" + BUILD_STAMP.format(now);
    }

    /**
     * Creates the alias, on a new index {@code <alias>-v<mappingVersion>}, when it does not exist; an
     * existing alias is left where it points (a newer definition reaches it by reindexing). Cheap once done.
     */
    public void ensureIndex() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            String target = aliasTarget();
            if (target == null) {
                String initial = alias() + "-v" + mappingVersion();
                if (engine.exists("/" + initial)) {
                    moveAliases(engine.mapper().createArrayNode().add(aliasAction("add", initial, alias())));
                } else {
                    createIndex(initial, alias());
                }
                target = initial;
            }
            current = target;
            ready = true;
        }
    }

    /** Forgets what {@link #ensureIndex()} found when the engine said the index is missing, to create it again. */
    public void noticeFailure(String errorType) {
        if ("index_not_found_exception".equals(errorType)) {
            ready = false;
        }
    }

    /**
     * Settings and mapping of the index, with the configured shard and replica counts and the vector field in
     * the engine's dialect ({@link VectorField}; the engine is asked which it is once); a copy to change at will.
     *
     * @throws SearchEngineUnavailableException when the engine cannot say which it is
     */
    public ObjectNode definition() {
        if (loadedDefinition == null) {
            ObjectNode definition = resource().deepCopy();
            ObjectNode index = (ObjectNode) definition.path("settings").path("index");
            index.put("number_of_shards", config.shards());
            index.put("number_of_replicas", config.replicas());
            VectorField.addTo(definition, engine.distribution());
            loadedDefinition = definition;
        }
        return loadedDefinition.deepCopy();
    }

    /** {@code search/articles-index.json} as written, without the engine-dependent parts. */
    private ObjectNode resource() {
        if (resourceDefinition == null) {
            resourceDefinition = IndexDefinition.read(engine.mapper());
        }
        return resourceDefinition;
    }

    /** Creates an index with this release's definition under any name (reindexing, benchmarks). */
    public void createIndex(String name, String aliasOrNull) {
        ObjectNode body = definition();
        if (aliasOrNull != null) {
            body.putObject("aliases").putObject(aliasOrNull);
        }
        create(name, body);
    }

    /** Creates an index from a full request body; an index of that name that exists already is fine. */
    public void create(String name, ObjectNode body) {
        try {
            engine.send("PUT", "/" + name, body);
            LOG.infof("created index %s", name);
        } catch (SearchEngineRequestException e) {
            // Another replica won the race: fine, the index exists with the same definition.
            if (!e.errorType().contains("already_exists")) {
                throw e;
            }
        }
    }

    /** Deletes an index; one that is already gone is fine. */
    public void deleteIndex(String name) {
        if (engine.exists("/" + name)) {
            engine.send("DELETE", "/" + name, null);
            known.remove(name);
            LOG.infof("deleted index %s", name);
        }
    }

    /** Which index the alias points at now; null when there is no alias. */
    public String aliasTarget() {
        return aliases().get(alias());
    }

    /** The indices behind the alias and behind a reindex's building alias, looked up now. */
    public WriteTargets liveTargets() {
        Map<String, String> aliases = aliases();
        String index = aliases.get(alias());
        if (index == null) {
            ready = false;
            throw new SearchEngineUnavailableException(404, "index_not_found_exception", "alias " + alias()
                    + " does not exist", null);
        }
        current = index;
        return new WriteTargets(alias(), index, info(index).fields(), aliases.containsKey(nextAlias()) ? nextAlias() : null);
    }

    /** The mapping version and fields of an index (looked up once per index). */
    public IndexInfo info(String index) {
        return known.computeIfAbsent(index, name -> {
            JsonNode mappings = engine.send("GET", "/" + name + "/_mapping", null).path(name).path("mappings");
            Set<String> fields = new HashSet<>();
            mappings.path("properties").fieldNames().forEachRemaining(fields::add);
            return new IndexInfo(IndexDefinition.mappingVersionOf(mappings), Set.copyOf(fields));
        });
    }

    /** One {@code _aliases} call: all of {@code actions} happen at once, or none. */
    public void moveAliases(ArrayNode actions) {
        ObjectNode body = engine.mapper().createObjectNode();
        body.set("actions", actions);
        engine.send("POST", "/_aliases", body);
        LOG.infof("aliases changed: %s", actions);
    }

    /** An {@code add} or {@code remove} action of {@link #moveAliases}. */
    public ObjectNode aliasAction(String type, String index, String alias) {
        ObjectNode action = engine.mapper().createObjectNode();
        action.putObject(type).put("index", index).put("alias", alias);
        return action;
    }

    /** Alias → index for the alias and the building alias ({@code _cat/aliases} answers [] for missing ones). */
    private Map<String, String> aliases() {
        JsonNode rows = engine.send("GET", "/_cat/aliases/" + alias() + "," + nextAlias(),
                Map.of("format", "json", "h", "alias,index"), null);
        Map<String, String> found = new HashMap<>();
        rows.forEach(row -> found.put(row.path("alias").asText(), row.path("index").asText()));
        return found;
    }
}
