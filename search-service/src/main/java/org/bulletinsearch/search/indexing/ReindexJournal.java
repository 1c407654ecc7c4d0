package org.bulletinsearch.search.indexing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.events.SightingRetraction.Sighting;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.engine.SearchEngineUnavailableException;

/**
 * What the live consumers changed while a reindex runs: one entry per article, its last change
 * ({@code written}, {@code deleted}, or {@code retracted} with the sighting that now represents it), in a
 * small index of the reindex's own ({@code <new index>-journal}, alias {@code <alias>-next-journal}), so that
 * the changes of every replica are there whichever replica runs the job.
 *
 * <p>Why: the backfill copies a snapshot of the catalog, page by page, into the new index with
 * {@code op_type=create}, so it never overwrites a document a live write put there first. A deletion or a
 * retraction that reached the new index before the backfill's older copy of the article did, though, would
 * be undone by it; after the backfill the reindex replays those entries ({@link Reindexer}).
 */
@ApplicationScoped
public class ReindexJournal {

    private static final Map<String, String> BULK_PARAMETERS = Map.of("filter_path", "errors,items.*.status");

    private final SearchEngine engine;
    private final IndexManager indexManager;

    public ReindexJournal(SearchEngine engine, IndexManager indexManager) {
        this.engine = engine;
        this.indexManager = indexManager;
    }

    /** Settings and mapping of a journal index: only the article and the kind are searched. */
    public ObjectNode definition(int replicas) {
        ObjectNode body = engine.mapper().createObjectNode();
        body.putObject("settings").putObject("index").put("number_of_shards", 1).put("number_of_replicas", replicas);
        ObjectNode mappings = body.putObject("mappings").put("dynamic", false);
        ObjectNode properties = mappings.putObject("properties");
        properties.putObject("article").put("type", "keyword");
        properties.putObject("kind").put("type", "keyword");
        return body;
    }

    /**
     * Records the operations (their article's last change) before the live consumer writes them, through the
     * journal alias: once the reindex ended the alias is gone, and the engine refuses instead of creating an
     * index.
     *
     * @throws SearchEngineUnavailableException when any entry was not stored (the attempt is retried)
     */
    public void record(List<IndexOperation> operations) {
        List<BulkAction> entries = new ArrayList<>(operations.size());
        for (IndexOperation operation : operations) {
            ObjectNode entry = engine.mapper().createObjectNode().put("article", operation.id())
                    .put("kind", operation.kind());
            if (operation instanceof IndexOperation.Retract retract) {
                entry.set("current", engine.mapper().valueToTree(retract.current()));
            }
            entries.add(new BulkAction("index", indexManager.nextJournalAlias(), true, operation.id(), entry, null));
        }
        JsonNode answer;
        try {
            BulkBody body = BulkBody.of(engine.mapper(), entries);
            answer = engine.bulk(body.bytes(), body.size(), BULK_PARAMETERS);
        } catch (IOException e) {
            throw new UncheckedIOException("journal entries always serialize", e);
        }
        if (answer.path("errors").asBoolean()) {
            // The journal alias went away (the reindex just ended) or the engine is busy: decide again.
            throw new SearchEngineUnavailableException(0, "journal_unavailable", "the reindex journal did not take "
                    + "every entry", null);
        }
    }

    /**
     * The deletions and retractions recorded during the run, in article order after {@code after} (null: from
     * the start); the journal is refreshed first, so every entry recorded before the first call is found.
     */
    public List<IndexOperation> changed(String journalIndex, String after, int size) {
        if (after == null) {
            engine.send("POST", "/" + journalIndex + "/_refresh", null);
        }
        ObjectNode query = engine.mapper().createObjectNode().put("size", size);
        query.putObject("query").putObject("terms").putArray("kind").add("deleted").add("retracted");
        query.putArray("sort").addObject().put("article", "asc");
        if (after != null) {
            query.putArray("search_after").add(after);
        }
        List<IndexOperation> changes = new ArrayList<>(size);
        for (JsonNode hit : engine.send("POST", "/" + journalIndex + "/_search", query).path("hits").path("hits")) {
            changes.add(operation(hit.path("_id").asText(), hit.path("_source")));
        }
        return changes;
    }

    /** The change a deletion or retraction entry records. */
    private IndexOperation operation(String id, JsonNode entry) {
        if ("retracted".equals(entry.path("kind").asText())) {
            try {
                return new IndexOperation.Retract(id, engine.mapper().treeToValue(entry.path("current"), Sighting.class));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new IllegalStateException("unreadable journal entry of " + id, e);
            }
        }
        return new IndexOperation.Delete(id);
    }

    /** The articles' entries as they are now (a real-time read: no refresh needed); absent ones are missing. */
    public Map<String, JsonNode> entries(String journalIndex, List<String> ids) {
        ObjectNode request = engine.mapper().createObjectNode();
        var wanted = request.putArray("ids");
        ids.forEach(wanted::add);
        Map<String, JsonNode> entries = new HashMap<>();
        engine.send("POST", "/" + journalIndex + "/_mget", request).path("docs").forEach(doc -> {
            if (doc.path("found").asBoolean()) {
                entries.put(doc.path("_id").asText(), doc.path("_source"));
            }
        });
        return entries;
    }
}
