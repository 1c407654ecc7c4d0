package org.bulletinsearch.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.bulletinsearch.bench.BenchPlatform;
import org.bulletinsearch.embeddings.TextEmbedder;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.Entities;
import org.bulletinsearch.platform.client.JsonHttp;
import org.bulletinsearch.search.vectors.VectorField;
import org.bulletinsearch.vocabulary.ArticleEntities;
import org.bulletinsearch.vocabulary.EntityExtractor;

/**
 * The engine anchor of figure 1 (and of freshness): documents written with {@code _bulk} straight into
 * an index of their own that has exactly the live article index's settings and mapping, read back from
 * the engine ({@code GET /articles}: the versioned index behind the alias), and refreshes every second as the
 * live index does while it is searched ({@link #liveDefinition}). The documents are those the search
 * service writes for the same events (id, title, body, suggest, sourceName, uploadId, position, ingestedAt, and
 * the entity fields ingest extracts: country, region, organization, programme, year).
 *
 * <p>Other indices ({@link #into}) serve the field-cost and vector figures: the same documents into another
 * definition, or random vectors into the live index ({@link #addRandomVectors}).
 */
public final class RawBulk {

    public static final String INDEX = "bench-raw-articles";
    /** Settings the engine reports but refuses at index creation. */
    private static final List<String> GENERATED_SETTINGS = List.of("uuid", "version", "creation_date", "provided_name");
    private static final String VECTOR = VectorField.NAME;
    private static final String BULK_PARAMETERS = "?filter_path=errors,items.*.status,items.*.error";

    private final String engineUrl;
    private final String index;
    private final int batchSize;
    private final int concurrency;
    /** Seed of the random unit vectors each document gets; null: no vector. */
    private final Long vectorSeed;
    private boolean created;

    /** {@code batchSize} documents per {@code _bulk}, {@code concurrency} requests in flight. */
    public RawBulk(String engineUrl, int batchSize, int concurrency) {
        this(engineUrl, INDEX, batchSize, concurrency, null);
    }

    private RawBulk(String engineUrl, String index, int batchSize, int concurrency, Long vectorSeed) {
        this.engineUrl = engineUrl;
        this.index = index;
        this.batchSize = batchSize;
        this.concurrency = concurrency;
        this.vectorSeed = vectorSeed;
    }

    /** Documents per request. */
    public int batchSize() {
        return batchSize;
    }

    /** Requests in flight. */
    public int concurrency() {
        return concurrency;
    }

    /** The index this sender writes into. */
    public String indexName() {
        return index;
    }

    /** The same sender, writing into another index or alias (one of its own: {@link #create}, then {@link #delete}). */
    public RawBulk into(String otherIndex) {
        return new RawBulk(engineUrl, otherIndex, batchSize, concurrency, vectorSeed);
    }

    /**
     * The same sender, each document with a random unit vector of 384 dimensions in field {@code vector}
     * (seeded by {@code seed} and the article id): the size and indexing cost of real embeddings, without the model.
     */
    public RawBulk withRandomVectors(long seed) {
        RawBulk sender = new RawBulk(engineUrl, index, batchSize, concurrency, seed);
        sender.created = created;
        return sender;
    }

    /** Creates the anchor index as a copy of the service's index definition (once). */
    public void ensureIndex() {
        if (created) {
            return;
        }
        JsonHttp.Reply exists = JsonHttp.send(JsonHttp.request(engineUrl + "/" + index).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build());
        if (exists.status() == 404) {
            create(liveDefinition());
        }
        created = true;
    }

    /**
     * The settings and mappings of the index behind the service's alias, as {@code PUT /<index>} takes them:
     * {@code {"settings":{"index":{…}},"mappings":{…}}}; the refresh interval explicit (1 s unless the live
     * index sets one), so that the copy refreshes as the live index does while it is searched.
     */
    public ObjectNode liveDefinition() {
        // Keyed by the concrete index's name (articles-vN), the only one behind the alias.
        JsonNode live = JsonHttp.getJson(engineUrl + "/" + BenchPlatform.SEARCH_ALIAS).elements().next();
        ObjectNode settings = live.path("settings").path("index").deepCopy();
        GENERATED_SETTINGS.forEach(settings::remove);
        if (!settings.has("refresh_interval")) {
            // Without an explicit interval the engine skips the periodic refresh of a shard nobody searched for
            // 30 s (index.search.idle.after). The live index is searched while it takes writes (the service's
            // users, the figures' own polling), so it refreshes every second; an anchor that nobody searches
            // would write fewer, larger segments and pay less for the same documents.
            settings.put("refresh_interval", "1s");
        }
        ObjectNode definition = JsonHttp.JSON.createObjectNode();
        definition.putObject("settings").set("index", settings);
        definition.set("mappings", live.path("mappings").deepCopy());
        return definition;
    }

    /**
     * The same sender, writing into {@code copy}: a clone ({@code _clone}) of the index behind the service's alias,
     * so the same documents in the same segments, with the same merges still to come, and refreshing as
     * {@link #liveDefinition} says. Call it with the engine idle (no merge running): the clone takes the live
     * index's last commit. The live index is write-blocked for the instant of the clone (the search service retries
     * a blocked write: {@code cluster_block_exception} is transient to it). {@link #delete} the copy after use.
     */
    public RawBulk cloneOfLive(String copy) {
        String live = JsonHttp.getJson(engineUrl + "/_alias/" + BenchPlatform.SEARCH_ALIAS).fieldNames().next();
        RawBulk sender = into(copy);
        sender.delete(); // one a failed run left behind
        ObjectNode body = JsonHttp.JSON.createObjectNode();
        ObjectNode settings = body.putObject("settings");
        settings.put("index.blocks.write", false); // the clone copies the source's settings, the block too
        settings.put("index.refresh_interval", liveDefinition().path("settings").path("index").path("refresh_interval").asText());
        writeBlock(live, true);
        try {
            JsonNode answer = JsonHttp.postJson(engineUrl + "/" + live + "/_clone/" + copy + "?wait_for_active_shards=1", body);
            if (!answer.path("shards_acknowledged").asBoolean()) {
                throw new IllegalStateException("the clone " + copy + " of " + live + " did not start: " + answer);
            }
        } finally {
            writeBlock(live, false);
        }
        sender.created = true;
        return sender;
    }

    /** Sets {@code index.blocks.write} on {@code index}; false removes the setting (the live index has none). */
    private void writeBlock(String index, boolean blocked) {
        ObjectNode body = JsonHttp.JSON.createObjectNode();
        if (blocked) {
            body.put("index.blocks.write", true);
        } else {
            body.putNull("index.blocks.write");
        }
        JsonHttp.putJson(engineUrl + "/" + index + "/_settings", body);
    }

    /** Creates this sender's index with {@code definition}. */
    public void create(ObjectNode definition) {
        JsonHttp.putJson(engineUrl + "/" + index, definition);
        created = true;
    }

    /** Deletes this sender's index. */
    public void delete() {
        JsonHttp.send(JsonHttp.request(engineUrl + "/" + index).DELETE().build());
        created = false;
    }

    /** Bytes of this index's primary store after a flush (segments as written, not force-merged). */
    public long storeBytes() {
        return storeBytes(engineUrl, index);
    }

    /** Bytes of the primary store of {@code index} (an index or an alias) on the engine, after a flush. */
    public static long storeBytes(String engineUrl, String index) {
        JsonHttp.json(JsonHttp.request(engineUrl + "/" + index + "/_flush").POST(HttpRequest.BodyPublishers.noBody()).build());
        return JsonHttp.getJson(engineUrl + "/" + index + "/_stats/store")
                .path("_all").path("primaries").path("store").path("size_in_bytes").asLong();
    }

    /** Indexes every event's document, then refreshes (searchable, as the figure's end point requires). */
    public double index(List<ArticleEvent> events) throws Exception {
        ensureIndex();
        return inBatches(events, this::send);
    }

    /**
     * Gives each listed document of this sender's index a random unit vector (as {@link #withRandomVectors} does:
     * seeded by {@code seed} and the id) by the partial {@code _bulk} update the search service's backfill sends,
     * then refreshes.
     *
     * @return the seconds taken
     * @throws IllegalStateException when the engine refuses an update (a listed id missing, say)
     */
    public double addRandomVectors(List<String> ids, long seed) throws Exception {
        return inBatches(ids, batch -> bulk(vectorUpdates(batch, seed)));
    }

    /**
     * {@code batchSize} items per request, {@code concurrency} requests in flight, then a refresh; seconds taken.
     * The first request that fails stops the others from taking more, and its exception is thrown.
     */
    private <T> double inBatches(List<T> items, Consumer<List<T>> sender) throws Exception {
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < concurrency; s++) {
                running.add(senders.submit(() -> {
                    int from;
                    while ((from = next.getAndAdd(batchSize)) < items.size()) {
                        try {
                            sender.accept(items.subList(from, Math.min(items.size(), from + batchSize)));
                        } catch (RuntimeException e) {
                            next.set(items.size());
                            throw e;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> one : running) {
                try {
                    one.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        } finally {
            senders.shutdownNow();
        }
        refresh();
        return (System.nanoTime() - start) / 1e9;
    }

    private void refresh() {
        JsonHttp.json(JsonHttp.request(engineUrl + "/" + index + "/_refresh").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** One {@code _bulk} request, without refresh; fails unless every item was indexed. */
    public void send(List<ArticleEvent> batch) {
        bulk(ndjson(batch));
    }

    private void bulk(byte[] ndjson) {
        JsonNode answer = JsonHttp.json(JsonHttp.request(engineUrl + "/_bulk" + BULK_PARAMETERS)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ndjson)).build());
        if (answer.path("errors").asBoolean()) {
            Iterator<JsonNode> items = answer.path("items").elements();
            String error = items.hasNext() ? items.next().toString() : "";
            throw new IllegalStateException("raw _bulk refused documents: " + JsonHttp.abbreviate(error));
        }
    }

    private byte[] vectorUpdates(List<String> ids, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ids.size() * 4096);
        try {
            for (String id : ids) {
                ObjectNode action = JsonHttp.JSON.createObjectNode();
                action.putObject("update").put("_index", index).put("_id", id);
                ObjectNode update = JsonHttp.JSON.createObjectNode();
                update.putObject("doc").set(VECTOR, randomUnitVector(seed ^ id.hashCode()));
                line(out, action);
                line(out, update);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private byte[] ndjson(List<ArticleEvent> batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 2048);
        try {
            for (ArticleEvent event : batch) {
                ObjectNode action = JsonHttp.JSON.createObjectNode();
                action.putObject("index").put("_index", index).put("_id", event.articleId());
                ObjectNode source = JsonHttp.JSON.createObjectNode()
                        .put("id", event.articleId())
                        .put("title", event.title())
                        .put("body", event.body())
                        .put("suggest", event.title())
                        .put("sourceName", event.sourceName())
                        .put("uploadId", event.uploadId())
                        .put("position", event.position())
                        .put("ingestedAt", event.ingestedAt().toString());
                putEntities(source, event);
                if (vectorSeed != null) {
                    source.set(VECTOR, randomUnitVector(vectorSeed ^ event.articleId().hashCode()));
                }
                line(out, action);
                line(out, source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One NDJSON line. */
    private static void line(ByteArrayOutputStream out, JsonNode node) throws IOException {
        out.write(JsonHttp.JSON.writeValueAsBytes(node));
        out.write('\n');
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode randomUnitVector(long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] values = new double[TextEmbedder.DIMENSION];
        double norm = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
            norm += values[i] * values[i];
        }
        com.fasterxml.jackson.databind.node.ArrayNode vector = JsonHttp.JSON.createArrayNode();
        for (double value : values) {
            vector.add((float) (value / Math.sqrt(norm)));
        }
        return vector;
    }

    /** The entities the event carries, or those ingest would extract (events of the generator carry none). */
    private static void putEntities(ObjectNode source, ArticleEvent event) {
        Entities entities = event.entities();
        if (entities == null) {
            ArticleEntities found = EntityExtractor.shared().extract(event.title(), event.body());
            entities = new Entities(found.countries(), found.regions(), found.organizations(), found.programmes(),
                    found.years());
        }
        putAll(source, "country", entities.country());
        putAll(source, "region", entities.region());
        putAll(source, "organization", entities.organization());
        putAll(source, "programme", entities.programme());
        putAll(source, "year", entities.year());
    }

    private static void putAll(ObjectNode source, String field, List<?> values) {
        if (!values.isEmpty()) {
            ArrayNode array = source.putArray(field);
            values.forEach(value -> array.add(JsonHttp.JSON.<JsonNode>valueToTree(value)));
        }
    }

}
