package org.bulletinsearch.search.indexing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.search.indexing.ArticleIndexer.Result;
import org.jboss.logging.Logger;

/**
 * The operations of one batch the engine has not confirmed or refused yet, across the attempts of
 * {@link ArticleIndexer}, and what became of the others. Keeps the {@code search.indexing.waiting}
 * gauge up to date with this batch's share.
 */
final class PendingOperations {

    private static final Logger LOG = Logger.getLogger(PendingOperations.class);

    private final Map<String, IndexOperation> pending = new LinkedHashMap<>();
    private final List<BulkItemOutcome> rejected = new ArrayList<>();
    private final IndexingMetrics metrics;
    private int indexed;
    private int reportedWaiting;
    private String retryCause = "";

    /** @param operations in log order; several about one article become one ({@link IndexOperation#after}) */
    PendingOperations(List<IndexOperation> operations, IndexingMetrics metrics) {
        this.metrics = metrics;
        for (IndexOperation operation : operations) {
            IndexOperation earlier = pending.remove(operation.id());
            pending.put(operation.id(), earlier == null ? operation : operation.after(earlier));
        }
    }

    int size() {
        return pending.size() + indexed + rejected.size();
    }

    synchronized List<IndexOperation> pending() {
        return List.copyOf(pending.values());
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    synchronized String retryCause() {
        return retryCause.isEmpty() ? "unknown" : retryCause;
    }

    /** Takes in the outcomes of one attempt: confirmed and refused operations leave the pending ones. */
    synchronized void settle(List<BulkItemOutcome> outcomes) {
        for (BulkItemOutcome outcome : outcomes) {
            switch (outcome.kind()) {
                case INDEXED -> {
                    pending.remove(outcome.id());
                    indexed++;
                }
                case REJECTED -> {
                    pending.remove(outcome.id());
                    rejected.add(outcome);
                    LOG.warnf("engine refused article %s for good: %s %s", outcome.id(), outcome.errorType(),
                            outcome.reason());
                }
                case RETRY -> retryCause = outcome.errorType();
            }
        }
        metrics.waitingChanged(pending.size() - reportedWaiting);
        reportedWaiting = pending.size();
    }

    synchronized Result result() {
        return new Result(indexed, List.copyOf(rejected));
    }

    /** The batch is over (done or given up): it holds nothing back any more. */
    synchronized void done() {
        metrics.waitingChanged(-reportedWaiting);
        reportedWaiting = 0;
    }
}
