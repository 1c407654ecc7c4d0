package org.bulletinsearch.search.indexing;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.consumption.RetryPolicy;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.engine.SearchEngineRequestException;
import org.bulletinsearch.search.engine.SearchEngineUnavailableException;
import org.bulletinsearch.search.indexing.BulkItemOutcome.Kind;
import org.jboss.logging.Logger;

/**
 * Applies operations with {@code _bulk} ({@code _id} = article id, so a redelivered record writes the same
 * document again) and completes only once the engine has confirmed or refused each of them.
 *
 * <p>One attempt sends every operation still pending; those the engine could not take now (429, 5xx,
 * engine down, index missing) stay pending and the attempt fails with {@link ItemsPendingException},
 * so that the {@link RetryPolicy} sends them again after its backoff, for as long as it takes. Operations
 * refused for good (a 4xx such as {@code mapper_parsing_exception}) are returned to the caller, which
 * dead-letters them. A whole request refused with a 4xx is split in halves until the refused operation
 * is isolated, so one bad document never holds back its neighbours. No refresh is requested: the index
 * refreshes on its own interval (1 s by default).
 *
 * <p>Where each operation goes is decided afresh for every attempt by a {@link Planner}: the live consumer's
 * ({@link #index}) writes to the alias's index and, while a reindex runs, to the index being built, after
 * recording the changes in the reindex's journal; the reindex's own writes ({@link Reindexer}) have planners
 * of their own.
 */
@ApplicationScoped
public class ArticleIndexer {

    private static final Logger LOG = Logger.getLogger(ArticleIndexer.class);
    /** Only what the outcome needs: keeps large bulk answers small. */
    private static final Map<String, String> BULK_PARAMETERS =
            Map.of("filter_path", "errors,items.*._id,items.*.status,items.*.error");

    private final SearchEngine engine;
    private final IndexManager indexManager;
    private final ReindexJournal journal;
    private final RetryPolicy retry;
    private final IndexingMetrics metrics;

    public ArticleIndexer(SearchEngine engine, IndexManager indexManager, ReindexJournal journal, RetryPolicy retry,
            IndexingMetrics metrics) {
        this.engine = engine;
        this.indexManager = indexManager;
        this.journal = journal;
        this.retry = retry;
        this.metrics = metrics;
    }

    /**
     * What became of a batch once every operation is confirmed or refused.
     *
     * @param indexed operations the engine confirmed (or found nothing to do for)
     * @param rejected operations refused for good
     */
    public record Result(int indexed, List<BulkItemOutcome> rejected) {
    }

    /** The bulk actions of each operation for one attempt; none: nothing to do for it. */
    @FunctionalInterface
    public interface Plan {
        List<BulkAction> actions(IndexOperation operation);
    }

    /**
     * Prepares one attempt for the operations still pending; may ask the engine (where to write, which
     * versions are there). Its engine failures hold the whole attempt back, to be retried.
     */
    @FunctionalInterface
    public interface Planner {
        Plan prepare(List<IndexOperation> pending);
    }

    /**
     * An attempt left operations the engine could not take yet; the retry policy sends them again.
     *
     * @param count operations still pending
     * @param cause the engine's error type for (the last of) them, e.g. {@code engine_unavailable}
     */
    public static final class ItemsPendingException extends RuntimeException {
        private final int count;
        private final String cause;

        ItemsPendingException(int count, int sent, String cause) {
            super(count + " of " + sent + " articles not indexed yet (" + cause + "); consumption paused");
            this.count = count;
            this.cause = cause;
        }

        public int count() {
            return count;
        }

        public String engineCause() {
            return cause;
        }
    }

    /**
     * Applies the live consumer's operations (in log order; the last one about an article wins, see
     * {@link IndexOperation#after}) on a worker thread. Completes when each is confirmed or refused for good;
     * fails only when the service stops first.
     */
    public Uni<Result> index(List<IndexOperation> operations) {
        return write("indexing", operations, this::livePlan).invoke(result -> metrics.indexed(result.indexed()));
    }

    /**
     * Applies operations where {@code planner} says, with the same retries and isolation as {@link #index}.
     *
     * @param what for logs and the retry events, e.g. {@code backfilling}
     */
    public Uni<Result> write(String what, List<IndexOperation> operations, Planner planner) {
        if (operations.isEmpty()) {
            return Uni.createFrom().item(new Result(0, List.of()));
        }
        PendingOperations batch = new PendingOperations(operations, metrics);
        return retry.untilDone(what + " " + batch.size() + " articles",
                        () -> Uni.createFrom().item(() -> attemptPending(batch, planner))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .eventually(batch::done);
    }

    private Plan livePlan(List<IndexOperation> pending) {
        indexManager.ensureIndex();
        WriteTargets targets = indexManager.liveTargets();
        if (targets.building()) {
            // Before the writes: a reindex that sees a document's new version also sees its journal entry.
            journal.record(pending);
        }
        return operation -> targets.actions(operation, engine.mapper());
    }

    private Result attemptPending(PendingOperations batch, Planner planner) {
        List<IndexOperation> sent = batch.pending();
        batch.settle(attempt(sent, planner));
        indexManager.noticeFailure(batch.retryCause());
        if (batch.pendingCount() > 0) {
            throw new ItemsPendingException(batch.pendingCount(), sent.size(), batch.retryCause());
        }
        return batch.result();
    }

    /** One attempt, never throwing for engine failures. */
    private List<BulkItemOutcome> attempt(List<IndexOperation> operations, Planner planner) {
        Plan plan;
        try {
            plan = planner.prepare(operations);
        } catch (SearchEngineUnavailableException e) {
            return BulkItemOutcome.all(operations, Kind.RETRY, e.status(), e.errorType(), e.getMessage());
        } catch (SearchEngineRequestException e) {
            // Not the documents' fault (e.g. the engine lacks an analysis module): hold them back.
            LOG.errorf("cannot prepare writing to the index: %s", e.getMessage());
            return BulkItemOutcome.all(operations, Kind.RETRY, e.status(), "preparation_failed", e.getMessage());
        }
        return send(operations, plan);
    }

    /** One round trip (or several, when a refused request is split). */
    private List<BulkItemOutcome> send(List<IndexOperation> operations, Plan plan) {
        List<BulkItemOutcome> outcomes = new ArrayList<>(operations.size());
        List<IndexOperation> sent = new ArrayList<>(operations.size());
        List<Integer> actionsPerOperation = new ArrayList<>(operations.size());
        List<String> actionIds = new ArrayList<>(operations.size());
        BulkBody body = new BulkBody(engine.mapper(), operations.size() * 1536);
        for (IndexOperation operation : operations) {
            List<BulkAction> actions;
            try {
                actions = plan.actions(operation);
                body.appendAll(actions);
            } catch (IOException | RuntimeException e) {
                String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
                outcomes.add(new BulkItemOutcome(operation.id(), Kind.REJECTED, 0, "not_serializable", reason));
                continue;
            }
            if (actions.isEmpty()) {
                outcomes.add(new BulkItemOutcome(operation.id(), Kind.INDEXED, 200, "", ""));
                continue;
            }
            sent.add(operation);
            actionsPerOperation.add(actions.size());
            actions.forEach(action -> actionIds.add(action.id()));
        }
        if (!sent.isEmpty()) {
            outcomes.addAll(round(sent, actionsPerOperation, actionIds, body, plan));
        }
        return outcomes;
    }

    private List<BulkItemOutcome> round(List<IndexOperation> sent, List<Integer> actionsPerOperation,
            List<String> actionIds, BulkBody body, Plan plan) {
        try {
            List<BulkItemOutcome> items = BulkItemOutcome.read(engine.bulk(body.bytes(), body.size(), BULK_PARAMETERS),
                    actionIds);
            List<BulkItemOutcome> outcomes = new ArrayList<>(sent.size());
            int next = 0;
            for (int count : actionsPerOperation) {
                outcomes.add(BulkItemOutcome.worst(items.subList(next, next + count)));
                next += count;
            }
            return outcomes;
        } catch (SearchEngineUnavailableException e) {
            return BulkItemOutcome.all(sent, Kind.RETRY, e.status(), e.errorType(), e.getMessage());
        } catch (SearchEngineRequestException e) {
            if (sent.size() == 1) {
                return BulkItemOutcome.all(sent, Kind.REJECTED, e.status(), e.errorType(), e.reason());
            }
            int half = sent.size() / 2;
            List<BulkItemOutcome> outcomes = new ArrayList<>(send(sent.subList(0, half), plan));
            outcomes.addAll(send(sent.subList(half, sent.size()), plan));
            return outcomes;
        }
    }
}
