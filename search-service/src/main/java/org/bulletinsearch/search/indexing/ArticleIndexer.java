package org.bulletinsearch.search.indexing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
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
 * Writes documents with {@code _bulk} ({@code _id} = article id, so a redelivered event overwrites
 * the same document) and completes only once the engine has confirmed or refused each of them.
 *
 * <p>One attempt sends every document still pending; items the engine could not take now (429, 5xx,
 * engine down, index missing) stay pending and the attempt fails with {@link ItemsPendingException},
 * so that the {@link RetryPolicy} sends them again after its backoff, for as long as it takes. Items
 * refused for good (a 4xx such as {@code mapper_parsing_exception}) are returned to the caller, which
 * dead-letters them. A whole request refused with a 4xx is split in halves until the refused document
 * is isolated, so one bad document never holds back its neighbours. No refresh is requested: the index
 * refreshes on its own interval (1 s by default).
 */
@ApplicationScoped
public class ArticleIndexer {

    private static final Logger LOG = Logger.getLogger(ArticleIndexer.class);
    /** Only what the outcome needs: keeps large bulk answers small. */
    private static final Map<String, String> BULK_PARAMETERS =
            Map.of("filter_path", "errors,items.*._id,items.*.status,items.*.error");

    private final SearchEngine engine;
    private final IndexManager indexManager;
    private final RetryPolicy retry;
    private final IndexingMetrics metrics;

    public ArticleIndexer(SearchEngine engine, IndexManager indexManager, RetryPolicy retry, IndexingMetrics metrics) {
        this.engine = engine;
        this.indexManager = indexManager;
        this.retry = retry;
        this.metrics = metrics;
    }

    /** What became of a batch once every document is confirmed or refused. */
    public record Result(int indexed, List<BulkItemOutcome> rejected) {
    }

    /**
     * An attempt left documents the engine could not take yet; the retry policy sends them again.
     *
     * @param count documents still pending
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
     * Indexes the documents (the last one wins when an id repeats) on a worker thread. Completes when
     * each is confirmed or refused for good; fails only when the service stops first.
     */
    public Uni<Result> index(List<IndexDocument> documents) {
        if (documents.isEmpty()) {
            return Uni.createFrom().item(new Result(0, List.of()));
        }
        PendingDocuments batch = new PendingDocuments(documents, metrics);
        return retry.untilDone("indexing " + batch.size() + " articles",
                        () -> Uni.createFrom().item(() -> attemptPending(batch))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .eventually(batch::done)
                .invoke(result -> metrics.indexed(result.indexed()));
    }

    private Result attemptPending(PendingDocuments batch) {
        List<IndexDocument> sent = batch.pending();
        batch.settle(attempt(sent));
        indexManager.noticeFailure(batch.retryCause());
        if (batch.pendingCount() > 0) {
            throw new ItemsPendingException(batch.pendingCount(), sent.size(), batch.retryCause());
        }
        return batch.result();
    }

    /** One round trip (or several, when a refused request is split), never throwing for engine failures. */
    private List<BulkItemOutcome> attempt(List<IndexDocument> batch) {
        try {
            indexManager.ensureIndex();
        } catch (SearchEngineUnavailableException e) {
            return BulkItemOutcome.all(batch, Kind.RETRY, e.status(), e.errorType(), e.getMessage());
        } catch (SearchEngineRequestException e) {
            // Not the documents' fault (e.g. the engine lacks an analysis module): hold them back.
            LOG.errorf("cannot create index %s: %s", indexManager.indexName(), e.getMessage());
            return BulkItemOutcome.all(batch, Kind.RETRY, e.status(), "index_creation_failed", e.getMessage());
        }
        List<IndexDocument> serializable = new ArrayList<>(batch.size());
        List<BulkItemOutcome> outcomes = new ArrayList<>(batch.size());
        NdjsonBody body = ndjson(batch, serializable, outcomes);
        if (serializable.isEmpty()) {
            return outcomes;
        }
        try {
            outcomes.addAll(BulkItemOutcome.read(engine.bulk(body.bytes(), body.size(), BULK_PARAMETERS), serializable));
        } catch (SearchEngineUnavailableException e) {
            outcomes.addAll(BulkItemOutcome.all(serializable, Kind.RETRY, e.status(), e.errorType(), e.getMessage()));
        } catch (SearchEngineRequestException e) {
            if (serializable.size() == 1) {
                outcomes.addAll(BulkItemOutcome.all(serializable, Kind.REJECTED, e.status(), e.errorType(), e.reason()));
            } else {
                int half = serializable.size() / 2;
                outcomes.addAll(attempt(serializable.subList(0, half)));
                outcomes.addAll(attempt(serializable.subList(half, serializable.size())));
            }
        }
        return outcomes;
    }

    /**
     * The request body, written straight into one buffer: the benchmark's profiles had this method at a
     * tenth of the service's CPU while it built a tree and a byte array per document and copied the body
     * once more at the end. A document that does not serialize is cut off again and refused alone.
     */
    private NdjsonBody ndjson(List<IndexDocument> batch, List<IndexDocument> serializable, List<BulkItemOutcome> refused) {
        ObjectMapper mapper = engine.mapper();
        NdjsonBody out = new NdjsonBody(batch.size() * 1536);
        String index = indexManager.indexName();
        for (IndexDocument document : batch) {
            int start = out.size();
            try (JsonGenerator action = mapper.createGenerator(out)) {
                action.writeStartObject();
                action.writeObjectFieldStart("index");
                action.writeStringField("_index", index);
                action.writeStringField("_id", document.id());
                action.writeEndObject();
                action.writeEndObject();
                action.writeRaw('\n');
                action.flush();
                mapper.writeValue(out, document.source());
                out.write('\n');
                serializable.add(document);
            } catch (IOException e) {
                out.truncate(start);
                String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
                refused.add(new BulkItemOutcome(document.id(), Kind.REJECTED, 0, "not_serializable", reason));
            }
        }
        return out;
    }

    /** A growing NDJSON buffer that can drop a half-written document and hand its bytes over without a copy. */
    static final class NdjsonBody extends ByteArrayOutputStream {
        NdjsonBody(int capacity) {
            super(capacity);
        }

        void truncate(int length) {
            count = length;
        }

        byte[] bytes() {
            return buf;
        }
    }
}
