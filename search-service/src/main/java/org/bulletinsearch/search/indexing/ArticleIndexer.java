package org.bulletinsearch.search.indexing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.engine.SearchEngineRequestException;
import org.bulletinsearch.search.engine.SearchEngineUnavailableException;
import org.bulletinsearch.search.indexing.BulkItemOutcome.Kind;
import org.jboss.logging.Logger;

/**
 * Writes documents with {@code _bulk} ({@code _id} = article id, so a redelivered event overwrites
 * the same document) and does not return before the engine has confirmed or refused each of them.
 *
 * <p>Items the engine could not take now (429, 5xx, engine down, index missing) are sent again after
 * a backoff, for as long as it takes; items refused for good (a 4xx such as
 * {@code mapper_parsing_exception}) are returned to the caller, which dead-letters them. A whole
 * request refused with a 4xx is split in halves until the refused document is isolated, so one bad
 * document never holds back its neighbours. No refresh is requested: the index refreshes on its own
 * interval (1 s by default).
 */
@ApplicationScoped
public class ArticleIndexer {

    private static final Logger LOG = Logger.getLogger(ArticleIndexer.class);
    /** Only what the outcome needs: keeps large bulk answers small. */
    private static final Map<String, String> BULK_PARAMETERS =
            Map.of("filter_path", "errors,items.*._id,items.*.status,items.*.error");

    private final SearchEngine engine;
    private final IndexManager indexManager;
    private final Backoff backoff;
    private final IndexingMetrics metrics;

    public ArticleIndexer(SearchEngine engine, IndexManager indexManager, Backoff backoff, IndexingMetrics metrics) {
        this.engine = engine;
        this.indexManager = indexManager;
        this.backoff = backoff;
        this.metrics = metrics;
    }

    /** What became of a batch once every document is confirmed or refused. */
    public record Result(int indexed, List<BulkItemOutcome> rejected) {
    }

    /**
     * Indexes the documents (the last one wins when an id repeats), retrying until each is confirmed
     * or refused for good. Throws {@link IndexingStoppedException} only when the service stops.
     */
    public Result index(List<IndexDocument> documents) {
        Map<String, IndexDocument> pending = new LinkedHashMap<>();
        for (IndexDocument document : documents) {
            pending.remove(document.id());
            pending.put(document.id(), document);
        }
        List<BulkItemOutcome> rejected = new ArrayList<>();
        int indexed = 0;
        int failures = 0;
        try {
            while (!pending.isEmpty()) {
                backoff.checkRunning();
                List<IndexDocument> batch = List.copyOf(pending.values());
                List<BulkItemOutcome> outcomes = attempt(batch);
                int retrying = 0;
                String retryCause = null;
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
                        case RETRY -> {
                            retrying++;
                            retryCause = outcome.errorType();
                            if ("index_not_found_exception".equals(outcome.errorType())) {
                                indexManager.invalidate();
                            }
                        }
                    }
                }
                if (retrying > 0) {
                    metrics.waiting(retrying);
                    metrics.retried(retrying, retryCause == null || retryCause.isEmpty() ? "unknown" : retryCause);
                    if (failures == 0 || failures % 10 == 0) {
                        LOG.warnf("%d of %d articles not indexed yet (%s); retrying with backoff, consumption paused",
                                retrying, batch.size(), retryCause);
                    }
                    backoff.pause(failures++);
                } else if (failures > 0) {
                    LOG.infof("engine took the held-back articles after %d retries", failures);
                }
            }
        } finally {
            metrics.waiting(0);
        }
        metrics.indexed(indexed);
        return new Result(indexed, List.copyOf(rejected));
    }

    /** One round trip (or several, when a refused request is split), never throwing for engine failures. */
    private List<BulkItemOutcome> attempt(List<IndexDocument> batch) {
        try {
            indexManager.ensureIndex();
        } catch (SearchEngineUnavailableException e) {
            return allRetry(batch, "engine_unavailable", e.getMessage());
        } catch (SearchEngineRequestException e) {
            // Not the documents' fault (e.g. the engine lacks an analysis module): hold them back.
            LOG.errorf("cannot create index %s: %s", indexManager.indexName(), e.getMessage());
            return allRetry(batch, "index_creation_failed", e.getMessage());
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
            outcomes.addAll(allRetry(serializable, "engine_unavailable", e.getMessage()));
        } catch (SearchEngineRequestException e) {
            Kind kind = BulkItemOutcome.classify(e.status(), e.errorType());
            if (kind == Kind.RETRY) {
                outcomes.addAll(allRetry(serializable, e.errorType(), e.reason()));
            } else if (serializable.size() == 1) {
                outcomes.add(new BulkItemOutcome(serializable.get(0).id(), kind, e.status(), e.errorType(), e.reason()));
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

    private static List<BulkItemOutcome> allRetry(List<IndexDocument> batch, String cause, String reason) {
        return batch.stream().map(d -> new BulkItemOutcome(d.id(), Kind.RETRY, 0, cause, reason)).toList();
    }
}
