package org.bulletinsearch.search.indexing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.indexing.BulkAction.Guard;
import org.bulletinsearch.search.indexing.CatalogExport.Page;
import org.jboss.logging.Logger;

/**
 * Fills the index a reindex job builds: the catalog export copied page by page, then the deletions and
 * retractions the live consumers made meanwhile applied again ({@link ReindexJournal}). Every write goes
 * through the building alias, so nothing is written once the job ended; a job that lost its lock writes nothing.
 */
@ApplicationScoped
public class ReindexBackfill {

    private static final Logger LOG = Logger.getLogger(ReindexBackfill.class);
    private static final int JOURNAL_PAGE = 1000;

    private final IndexManager indexManager;
    private final ArticleIndexer indexer;
    private final ReindexJournal journal;
    private final CatalogExport export;
    private final SearchEngine engine;
    private final ReindexSteps steps;
    private final ReindexConfig config;

    public ReindexBackfill(IndexManager indexManager, ArticleIndexer indexer, ReindexJournal journal,
            CatalogExport export, SearchEngine engine, ReindexSteps steps, ReindexConfig config) {
        this.indexManager = indexManager;
        this.indexer = indexer;
        this.journal = journal;
        this.export = export;
        this.engine = engine;
        this.steps = steps;
        this.config = config;
    }

    /** Copies the export and replays the journal; returns once both are in the new index. */
    void fill(ReindexJob job) {
        job.backfillStarted(Instant.now());
        copyExport(job);
        job.backfillEnded(Instant.now());
        replayJournal(job);
    }

    /**
     * The export page by page (the next page is fetched while one is written), each with one {@code _bulk} of
     * {@code create} actions: a document a live write put there first is newer and stays.
     */
    private void copyExport(ReindexJob job) {
        int size = config.reindex().pageSize();
        CompletableFuture<Page> next = fetch(job, null, size);
        while (next != null) {
            steps.stopIfShuttingDown();
            Page page = join(next);
            next = page.nextCursor() == null ? null : fetch(job, page.nextCursor(), size);
            if (!page.invalid().isEmpty()) {
                LOG.warnf("reindex %s: %d export items are not articles and were skipped, e.g. %s", job.id,
                        page.invalid().size(), page.invalid().get(0));
            }
            List<IndexOperation> writes = page.items().stream()
                    .map(article -> (IndexOperation) new IndexOperation.Write(article.document())).toList();
            ArticleIndexer.Result result = indexer.write("reindex " + job.id + ": backfilling", writes,
                    pending -> steps.owned(job) ? this::create : operation -> List.of()).await().indefinitely();
            job.page(page.items().size() + page.invalid().size(), page.total(), result.indexed(),
                    result.rejected().size() + page.invalid().size());
            steps.progress(job, false);
        }
    }

    /** Started now, awaited when the page before it is written. */
    private CompletableFuture<Page> fetch(ReindexJob job, String cursor, int size) {
        return steps.later(job, "reading the catalog export", () -> export.page(cursor, size))
                .subscribeAsCompletionStage();
    }

    private static Page join(CompletableFuture<Page> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private List<BulkAction> create(IndexOperation operation) {
        return List.of(new BulkAction("create", indexManager.nextAlias(), true, operation.id(),
                ((IndexOperation.Write) operation).document(), null));
    }

    private void replayJournal(ReindexJob job) {
        String after = null;
        List<IndexOperation> changes;
        do {
            steps.stopIfShuttingDown();
            String from = after;
            changes = steps.patiently(job, "reading the journal", () -> journal.changed(job.journal, from, JOURNAL_PAGE));
            if (changes.isEmpty()) {
                return;
            }
            indexer.write("reindex " + job.id + ": replaying changes", changes, pending -> replayPlan(job, pending))
                    .await().indefinitely();
            job.replayed(changes.size());
            after = changes.get(changes.size() - 1).id();
            steps.progress(job, false);
        } while (changes.size() == JOURNAL_PAGE);
    }

    /**
     * Applies each article's journal entry as it is now (a write since makes it nothing to do) to the document
     * as it is now, guarded by its version: a live write in between wins.
     */
    private ArticleIndexer.Plan replayPlan(ReindexJob job, List<IndexOperation> pending) {
        if (!steps.owned(job)) {
            return operation -> List.of();
        }
        List<String> ids = pending.stream().map(IndexOperation::id).toList();
        Map<String, JsonNode> entries = journal.entries(job.journal, ids);
        Map<String, Guard> versions = versions(ids);
        return operation -> {
            JsonNode entry = entries.get(operation.id());
            Guard guard = versions.get(operation.id());
            if (entry == null || guard == null) {
                return List.of();
            }
            return switch (entry.path("kind").asText()) {
                case "deleted" -> List.of(new BulkAction("delete", indexManager.nextAlias(), true, operation.id(),
                        null, guard));
                case "retracted" -> List.of(new BulkAction("update", indexManager.nextAlias(), true, operation.id(),
                        Map.of("doc", entry.path("current")), guard));
                default -> List.of();
            };
        };
    }

    /** Sequence number and primary term of the new index's documents (real-time); absent ones are missing. */
    private Map<String, Guard> versions(List<String> ids) {
        ObjectNode request = engine.mapper().createObjectNode();
        ArrayNode wanted = request.putArray("ids");
        ids.forEach(wanted::add);
        Map<String, Guard> versions = new HashMap<>();
        engine.send("POST", "/" + indexManager.nextAlias() + "/_mget", Map.of("_source", "false"), request)
                .path("docs").forEach(doc -> {
                    if (doc.path("found").asBoolean()) {
                        versions.put(doc.path("_id").asText(),
                                new Guard(doc.path("_seq_no").asLong(), doc.path("_primary_term").asLong()));
                    }
                });
        return versions;
    }
}
