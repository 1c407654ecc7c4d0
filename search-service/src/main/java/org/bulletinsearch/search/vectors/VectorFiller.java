package org.bulletinsearch.search.vectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.engine.SearchEngineRequestException;
import org.bulletinsearch.search.engine.SearchEngineUnavailableException;
import org.bulletinsearch.search.indexing.BackgroundLoop;
import org.bulletinsearch.search.indexing.IndexManager;
import org.jboss.logging.Logger;

/**
 * Gives every article in the index its vector, in the background: asks the index for articles without one,
 * embeds them ({@link ArticleEmbedder}) and adds the vector with a partial update. The same loop serves new
 * articles (seconds after their keyword indexing, which it never delays) and the backfill of existing ones
 * (after an upgrade or a reindex), so there is one way, and the index itself says what is missing: no second
 * consumer of the topic, no ordering between two writers of a document. A vector depends only on the article's
 * text, which its content-derived id fixes, so a late or repeated write is always right.
 *
 * <p>New articles come first (those of the last minute, in the order they came), then the backlog, so that a backfill of
 * millions never delays the vectors of today's uploads; the backlog is paced ({@code search.vectors.backfill-rate})
 * so that it never takes the machine from the engine, the keyword indexing and the searches. Articles it has just written stay excluded for a few seconds: the engine shows their vector only after
 * its next refresh. Deleted meanwhile: the update finds no document and nothing happens. With several replicas
 * each runs the loop, each taking the missing articles in an order of its own, so that they share the work; two
 * may still embed the same article, never wrongly.
 */
@ApplicationScoped
public class VectorFiller {

    private static final Logger LOG = Logger.getLogger(VectorFiller.class);
    /** Longer than the engine's refresh interval (1 s by default): a written vector is visible by then. */
    private static final long RECENT_MILLIS = 5_000;
    private static final long RATE_WINDOW_MILLIS = 60_000;
    /** Articles ingested this recently (seconds) are new: embedded first, in the order they came, never held back. */
    static final int NEW_SECONDS = 60;

    private final SearchEngine engine;
    private final IndexManager indexManager;
    private final ArticleEmbedder embedder;
    private final VectorConfig config;
    private final Map<String, Long> recent = new LinkedHashMap<>();
    private final Deque<long[]> written = new ArrayDeque<>();
    private final AtomicLong embedded = new AtomicLong();
    private final int seed = new java.util.Random().nextInt();
    private BackgroundLoop loop;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "vector-writer");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);
    /** {@link System#nanoTime()} from which the backlog may be read again. */
    private long backlogAllowedAt = System.nanoTime();

    public VectorFiller(SearchEngine engine, IndexManager indexManager, ArticleEmbedder embedder, VectorConfig config) {
        this.engine = engine;
        this.indexManager = indexManager;
        this.embedder = embedder;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            loop = BackgroundLoop.start("vector-filler", this::fillAll, Duration.ZERO, config.pollInterval());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.close();
        }
        writer.shutdownNow();
    }

    /** Fills batches until one comes back short; failures wait for the next poll. */
    private void fillAll() {
        try {
            while (!Thread.currentThread().isInterrupted() && fillBatch() == config.batchSize()) {
                // a full batch: more may be waiting
            }
            awaitWrite();
        } catch (SearchEngineUnavailableException e) {
            LOG.debugf("vector filler waits for the engine: %s", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "vector filler: batch failed, trying again in %s", config.pollInterval());
        }
    }

    /**
     * One batch: the articles without a vector (and not just written), embedded and updated.
     *
     * @return how many articles the batch found
     */
    int fillBatch() {
        String index = vectorIndex();
        if (index == null || !embedder.ready()) {
            return 0;
        }
        List<String> exclude = recentIds();
        ArrayNode hits = engine.mapper().createArrayNode();
        engine.send("POST", "/" + index + "/_search", recentMissing(config.batchSize(), exclude)).path("hits")
                .path("hits").forEach(hits::add);
        int recent = hits.size();
        if (recent < config.batchSize() && System.nanoTime() >= backlogAllowedAt) {
            List<String> taken = new ArrayList<>(exclude);
            hits.forEach(hit -> taken.add(hit.path("_id").asText()));
            engine.send("POST", "/" + index + "/_search", anyMissing(config.batchSize() - recent, taken))
                    .path("hits").path("hits").forEach(hits::add);
            throttleBacklog(hits.size() - recent);
        }
        if (hits.isEmpty()) {
            return 0;
        }
        List<String[]> texts = new ArrayList<>();
        hits.forEach(hit -> texts.add(new String[] {hit.path("_source").path("title").asText(""),
                hit.path("_source").path("body").asText("")}));
        List<float[]> vectors = embedder.articles(texts);
        byte[] body = updates(hits, vectors);
        remember(hits);
        // One write in flight while the next batch is read and embedded: the engine indexes the vectors (its HNSW
        // graph) on its own threads meanwhile, so the model is not idle waiting for it.
        awaitWrite();
        lastWrite = CompletableFuture.runAsync(() -> write(body), writer);
        return hits.size();
    }

    private void write(byte[] body) {
        JsonNode answer = engine.bulk(body, body.length, Map.of());
        if (answer.path("errors").asBoolean()) {
            answer.path("items").forEach(item -> {
                JsonNode error = item.path("update").path("error");
                // document_missing: deleted since it was read
                if (!error.isMissingNode() && !"document_missing_exception".equals(error.path("type").asText())) {
                    LOG.warnf("vector of %s not written: %s", item.path("update").path("_id").asText(), error);
                }
            });
        }
    }

    /** Waits for the write in flight; its failure is this batch's (the articles stay missing and come again). */
    private void awaitWrite() {
        try {
            lastWrite.join();
        } catch (CompletionException e) {
            lastWrite = CompletableFuture.completedFuture(null);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Spaces out the backlog's batches to {@code search.vectors.backfill-rate} articles per second, so that the
     * backfill leaves the machine to the engine, the keyword indexing and the searches; new articles are never held.
     */
    private void throttleBacklog(int taken) {
        int rate = config.backfillRate();
        if (rate > 0 && taken > 0) {
            backlogAllowedAt = System.nanoTime() + taken * 1_000_000_000L / rate;
        }
    }

    /** How many articles lack a vector, and how fast this replica adds them. */
    public VectorStatus status() {
        if (!config.enabled()) {
            return new VectorStatus("disabled", count(null), 0, 0, 0, null);
        }
        String index = vectorIndex();
        long articles = count(null);
        long missing = index == null ? articles : count(missingFilter(List.of()));
        double rate = perSecond();
        String state = !embedder.ready() ? "loading" : missing == 0 ? "complete" : "filling";
        Long eta = missing == 0 || rate <= 0 ? null : (long) Math.ceil(missing / rate);
        return new VectorStatus(state, articles, missing, embedded.get(), Math.round(rate * 10) / 10.0, eta);
    }

    /** The index behind the alias when it has the vector field (an index of an earlier release has not); else null. */
    private String vectorIndex() {
        String index = indexManager.aliasTarget();
        return index != null && indexManager.info(index).fields().contains(VectorField.NAME) ? index : null;
    }

    private long count(JsonNode query) {
        ObjectNode body = engine.mapper().createObjectNode();
        if (query != null) {
            body.set("query", query);
        }
        try {
            return engine.send("POST", "/" + indexManager.alias() + "/_count", body).path("count").asLong();
        } catch (SearchEngineRequestException e) {
            return 0;
        }
    }

    /**
     * Articles of the last {@value #NEW_SECONDS} seconds without a vector, in the order they came: new articles
     * never wait behind a backfill of millions.
     */
    private ObjectNode recentMissing(int size, List<String> exclude) {
        ObjectNode body = engine.mapper().createObjectNode();
        body.put("size", size);
        body.putArray("_source").add("title").add("body");
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.putArray("filter").addObject().putObject("range").putObject("ingestedAt").put("gte", "now-" + NEW_SECONDS + "s");
        bool.putArray("must").add(missingFilter(exclude));
        // oldest first: first in, first out, so that no new article waits while newer ones keep coming
        body.putArray("sort").addObject().putObject("ingestedAt").put("order", "asc");
        return body;
    }

    /**
     * Any articles without a vector (the backfill), in an order of this replica's own ({@code random_score} with a
     * seed drawn at start), so that replicas filling at once mostly take different articles.
     */
    private ObjectNode anyMissing(int size, List<String> exclude) {
        ObjectNode body = engine.mapper().createObjectNode();
        body.put("size", size);
        body.putArray("_source").add("title").add("body");
        ObjectNode scored = body.putObject("query").putObject("function_score");
        scored.set("query", missingFilter(exclude));
        scored.putObject("random_score").put("seed", seed).put("field", "_seq_no");
        scored.put("boost_mode", "replace");
        return body;
    }

    private ObjectNode missingFilter(List<String> exclude) {
        ObjectNode query = engine.mapper().createObjectNode();
        ArrayNode mustNot = query.putObject("bool").putArray("must_not");
        mustNot.addObject().putObject("exists").put("field", VectorField.NAME);
        if (!exclude.isEmpty()) {
            ArrayNode ids = mustNot.addObject().putObject("ids").putArray("values");
            exclude.forEach(ids::add);
        }
        return query;
    }

    private byte[] updates(JsonNode hits, List<float[]> vectors) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (int i = 0; i < hits.size(); i++) {
                ObjectNode action = engine.mapper().createObjectNode();
                action.putObject("update").put("_index", hits.get(i).path("_index").asText())
                        .put("_id", hits.get(i).path("_id").asText()).put("retry_on_conflict", 3);
                ObjectNode doc = engine.mapper().createObjectNode();
                doc.putObject("doc").set(VectorField.NAME, VectorField.array(vectors.get(i)));
                out.write(engine.mapper().writeValueAsBytes(action));
                out.write('\n');
                out.write(engine.mapper().writeValueAsBytes(doc));
                out.write('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("vector update does not serialize", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private synchronized List<String> recentIds() {
        long now = System.currentTimeMillis();
        recent.values().removeIf(until -> until < now);
        return List.copyOf(recent.keySet());
    }

    private synchronized void remember(JsonNode hits) {
        long now = System.currentTimeMillis();
        hits.forEach(hit -> recent.put(hit.path("_id").asText(), now + RECENT_MILLIS));
        embedded.addAndGet(hits.size());
        written.addLast(new long[] {now, hits.size()});
    }

    private synchronized double perSecond() {
        long now = System.currentTimeMillis();
        for (Iterator<long[]> it = written.iterator(); it.hasNext(); ) {
            if (it.next()[0] < now - RATE_WINDOW_MILLIS) {
                it.remove();
            }
        }
        if (written.isEmpty()) {
            return 0;
        }
        long count = written.stream().mapToLong(w -> w[1]).sum();
        long span = Math.max(1_000, now - written.peekFirst()[0]);
        return count * 1000.0 / span;
    }
}
