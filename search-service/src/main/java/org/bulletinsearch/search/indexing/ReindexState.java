package org.bulletinsearch.search.indexing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.engine.SearchEngineRequestException;

/**
 * Reindex jobs and the lock that lets one run at a time, kept in the engine ({@code <alias>-reindex}) so that
 * every replica sees them: a status request may reach another replica than the one running the job, and two
 * replicas starting with a newer mapping must not both reindex.
 *
 * <p>The lock is the document {@value #LOCK}, created with {@code op_type=create} (the engine lets one creation
 * win) and renewed by the running job with a guarded write ({@code if_seq_no}): a job whose lock was taken over
 * (it had stalled beyond {@code search.reindex.stale-after}) notices at its next renewal and stops.
 */
@ApplicationScoped
public class ReindexState {

    static final String LOCK = "running";

    /**
     * The lock as last read or written.
     *
     * @param job the running job's id
     * @param index the index it builds
     * @param journal its journal index
     * @param heartbeat when it last reported progress
     */
    public record Lock(String job, String index, String journal, Instant heartbeat, long seqNo, long primaryTerm) {
    }

    /** The lock was taken over by another job (this one had stalled); the job must stop. */
    public static class LostLockException extends RuntimeException {
        public LostLockException(String job) {
            super("reindex " + job + " lost its lock (it had made no progress for too long and was taken over)");
        }
    }

    private final SearchEngine engine;
    private final IndexManager indexManager;
    private final IndexConfig config;

    public ReindexState(SearchEngine engine, IndexManager indexManager, IndexConfig config) {
        this.engine = engine;
        this.indexManager = indexManager;
        this.config = config;
    }

    /** Creates the state index when absent (no searchable fields: documents are read by id only). */
    public void ensure() {
        if (engine.exists("/" + indexManager.stateIndex())) {
            return;
        }
        ObjectNode body = engine.mapper().createObjectNode();
        body.putObject("settings").putObject("index").put("number_of_shards", 1)
                .put("number_of_replicas", config.replicas());
        body.putObject("mappings").put("enabled", false);
        indexManager.create(indexManager.stateIndex(), body);
    }

    /** The lock, if a job holds it. */
    public Optional<Lock> lock() {
        return engine.find("/" + indexManager.stateIndex() + "/_doc/" + LOCK)
                .filter(answer -> answer.path("found").asBoolean())
                .map(answer -> lock(answer.path("_source"), answer));
    }

    /** Takes the lock for a job; empty when another job holds it. */
    public Optional<Lock> acquire(String job, String index, String journal, Instant now) {
        try {
            JsonNode answer = engine.send("PUT", "/" + indexManager.stateIndex() + "/_create/" + LOCK,
                    Map.of(), source(job, index, journal, now));
            return Optional.of(new Lock(job, index, journal, now, answer.path("_seq_no").asLong(),
                    answer.path("_primary_term").asLong()));
        } catch (SearchEngineRequestException e) {
            if (e.status() == 409) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Renews the lock: the job is alive.
     *
     * @throws LostLockException when another job took it over meanwhile
     */
    public Lock renew(Lock lock, Instant now) {
        try {
            JsonNode answer = engine.send("PUT", "/" + indexManager.stateIndex() + "/_doc/" + LOCK, guard(lock),
                    source(lock.job(), lock.index(), lock.journal(), now));
            return new Lock(lock.job(), lock.index(), lock.journal(), now, answer.path("_seq_no").asLong(),
                    answer.path("_primary_term").asLong());
        } catch (SearchEngineRequestException e) {
            if (e.status() == 409 || e.status() == 404) {
                throw new LostLockException(lock.job());
            }
            throw e;
        }
    }

    /** Releases the lock, unless another job holds it by now. */
    public void release(Lock lock) {
        try {
            engine.send("DELETE", "/" + indexManager.stateIndex() + "/_doc/" + LOCK, guard(lock), null);
        } catch (SearchEngineRequestException e) {
            if (e.status() != 409 && e.status() != 404) {
                throw e;
            }
        }
    }

    /** Stores a job's status. */
    public void save(ReindexStatus status) {
        engine.send("PUT", "/" + indexManager.stateIndex() + "/_doc/" + status.id(), engine.mapper().valueToTree(status));
    }

    /** A job's status, if there is such a job. */
    public Optional<ReindexStatus> load(String id) {
        return engine.find("/" + indexManager.stateIndex() + "/_doc/" + id)
                .filter(answer -> answer.path("found").asBoolean() && answer.path("_source").has("status"))
                .map(answer -> {
                    try {
                        return engine.mapper().treeToValue(answer.path("_source"), ReindexStatus.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("unreadable reindex status " + id, e);
                    }
                });
    }

    private ObjectNode source(String job, String index, String journal, Instant now) {
        return engine.mapper().createObjectNode().put("job", job).put("index", index).put("journal", journal)
                .put("heartbeat", now.toString());
    }

    private static Map<String, String> guard(Lock lock) {
        return Map.of("if_seq_no", Long.toString(lock.seqNo()), "if_primary_term", Long.toString(lock.primaryTerm()));
    }

    private static Lock lock(JsonNode source, JsonNode answer) {
        return new Lock(source.path("job").asText(), source.path("index").asText(), source.path("journal").asText(),
                Instant.parse(source.path("heartbeat").asText()), answer.path("_seq_no").asLong(),
                answer.path("_primary_term").asLong());
    }
}
