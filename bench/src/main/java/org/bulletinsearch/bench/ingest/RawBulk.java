package org.bulletinsearch.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bulletinsearch.bench.BenchPlatform;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.platform.client.JsonHttp;

/**
 * The engine anchor of figure 1 (and of freshness): documents written with {@code _bulk} straight into
 * an index of their own that has exactly the live article index's settings and mapping, read back from
 * the engine ({@code GET /articles}: the versioned index behind the alias). The documents are those the search
 * service writes for the same events (id, title, body, suggest, sourceName, uploadId, position, ingestedAt).
 */
public final class RawBulk {

    public static final String INDEX = "bench-raw-articles";
    /** Settings the engine reports but refuses at index creation. */
    private static final List<String> GENERATED_SETTINGS = List.of("uuid", "version", "creation_date", "provided_name");
    private static final String BULK_PARAMETERS = "?filter_path=errors,items.*.status,items.*.error";

    private final String engineUrl;
    private final int batchSize;
    private final int concurrency;
    private boolean created;

    /** {@code batchSize} documents per {@code _bulk}, {@code concurrency} requests in flight. */
    public RawBulk(String engineUrl, int batchSize, int concurrency) {
        this.engineUrl = engineUrl;
        this.batchSize = batchSize;
        this.concurrency = concurrency;
    }

    /** Documents per request. */
    public int batchSize() {
        return batchSize;
    }

    /** Requests in flight. */
    public int concurrency() {
        return concurrency;
    }

    /** Creates the anchor index as a copy of the service's index definition (once). */
    public void ensureIndex() {
        if (created) {
            return;
        }
        // Keyed by the concrete index's name (articles-vN), the only one behind the alias.
        JsonNode live = JsonHttp.getJson(engineUrl + "/" + BenchPlatform.SEARCH_ALIAS).elements().next();
        ObjectNode index = live.path("settings").path("index").deepCopy();
        GENERATED_SETTINGS.forEach(index::remove);
        ObjectNode definition = JsonHttp.JSON.createObjectNode();
        definition.putObject("settings").set("index", index);
        definition.set("mappings", live.path("mappings").deepCopy());
        JsonHttp.Reply exists = JsonHttp.send(JsonHttp.request(engineUrl + "/" + INDEX).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build());
        if (exists.status() == 404) {
            JsonHttp.putJson(engineUrl + "/" + INDEX, definition);
        }
        created = true;
    }

    /** Indexes every event's document, then refreshes (searchable, as the figure's end point requires). */
    public double index(List<ArticleEvent> events) throws Exception {
        ensureIndex();
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < concurrency; s++) {
                running.add(senders.submit(() -> {
                    int from;
                    while ((from = next.getAndAdd(batchSize)) < events.size()) {
                        send(events.subList(from, Math.min(events.size(), from + batchSize)));
                    }
                    return null;
                }));
            }
            for (Future<?> sender : running) {
                sender.get();
            }
        } finally {
            senders.shutdown();
        }
        refresh();
        return (System.nanoTime() - start) / 1e9;
    }

    private void refresh() {
        JsonHttp.json(JsonHttp.request(engineUrl + "/" + INDEX + "/_refresh").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** One {@code _bulk} request, without refresh; fails unless every item was indexed. */
    public void send(List<ArticleEvent> batch) {
        JsonNode answer = JsonHttp.json(JsonHttp.request(engineUrl + "/_bulk" + BULK_PARAMETERS)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ndjson(batch))).build());
        if (answer.path("errors").asBoolean()) {
            Iterator<JsonNode> items = answer.path("items").elements();
            String error = items.hasNext() ? items.next().toString() : "";
            throw new IllegalStateException("raw _bulk refused documents: " + JsonHttp.abbreviate(error));
        }
    }

    private static byte[] ndjson(List<ArticleEvent> batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 2048);
        try {
            for (ArticleEvent event : batch) {
                ObjectNode action = JsonHttp.JSON.createObjectNode();
                action.putObject("index").put("_index", INDEX).put("_id", event.articleId());
                ObjectNode source = JsonHttp.JSON.createObjectNode()
                        .put("id", event.articleId())
                        .put("title", event.title())
                        .put("body", event.body())
                        .put("suggest", event.title())
                        .put("sourceName", event.sourceName())
                        .put("uploadId", event.uploadId())
                        .put("position", event.position())
                        .put("ingestedAt", event.ingestedAt().toString());
                out.write(JsonHttp.JSON.writeValueAsBytes(action));
                out.write('\n');
                out.write(JsonHttp.JSON.writeValueAsBytes(source));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

}
