package org.bulletinsearch.search.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.infra.Component;
import org.bulletinsearch.infra.LocalInfraTestResource;

/**
 * A stand-in for the catalog's {@code GET /articles/export?cursor=&size=}: the pages the search service
 * reindexes from, served from the articles a test puts here, in the shape catalog-service's
 * {@code export.ExportPage} has ({@code items} ordered by id, each {@code id, title, body, sourceName, uploadId,
 * position, ingestedAt, entities, supersedes}; {@code nextCursor}, null on the last page; {@code total} on the
 * first page only). The export is the catalog's contract; the catalog's own tests check that it keeps it. A
 * stub, rather than the catalog service with its PostgreSQL and consumer, lets a test hold the export back at
 * a page of its choice (a reindex in mid-run, deterministically) and serve a snapshot older than the topic (an
 * article deleted or retracted meanwhile), the case a reindex must get right.
 *
 * <p>As a test resource, it also points the application at its own alias and consumer group (the index a
 * reindex replaces is then the test's own) and, before the application starts, puts that alias on an index of
 * the previous definition (mapping version 2) holding the {@link #LEGACY} articles, so that the start-up
 * reindexes by itself.
 */
public class CatalogExportStub implements QuarkusTestResourceLifecycleManager {

    /** The alias the application serves while this resource is active. */
    public static final String ALIAS = "reindexit";
    /** The index of the previous release behind it at start-up. */
    public static final String LEGACY_INDEX = ALIAS + "-v2";
    /** Articles in the legacy index and in the export (without entities: the reindex derives them). */
    public static final Collection<ArticleEvent> LEGACY = java.util.List.of(
            ArticleEvent.of("Kenya Revenue Authority extends its trusted trader scheme",
                    "Nairobi: the Kenya Revenue Authority extends its Authorized Economic Operator programme in 2026.",
                    "legacy.txt", "legacy-upload", 1, java.time.Instant.parse("2024-05-02T08:00:00Z")),
            ArticleEvent.of("Harbour pilots keep the night shift",
                    "The port authority keeps night pilotage open for another season.",
                    "legacy.txt", "legacy-upload", 2, java.time.Instant.parse("2024-05-02T08:00:00Z")));

    /** The upload of the {@link #CORPUS_SIZE} articles the export holds from the start. */
    public static final String CORPUS_UPLOAD = "reindex-corpus";
    public static final int CORPUS_SIZE = 30_000;
    /** The word every corpus article has in its body. */
    public static final String CORPUS_WORD = "reindexcorpus";
    private static final String[] WORDS = {"customs", "tariff", "border", "cargo", "scanning", "clearance", "audit",
        "origin", "valuation", "transit", "warehouse", "inspection", "risk", "declaration", "excise", "quota",
        "permit", "seizure", "manifest", "container", "corridor", "broker", "duty", "exemption", "harbour", "rail",
        "trucking", "licence", "certificate", "sanitary", "phytosanitary", "textile", "coffee", "vanilla", "timber",
        "pharmaceutical", "fertiliser", "steel", "grain", "fisheries"};

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final NavigableMap<String, ObjectNode> ARTICLES = new ConcurrentSkipListMap<>();
    private static final AtomicInteger PAGES_SERVED = new AtomicInteger();
    private static volatile int holdAtPage = -1;
    private static volatile CountDownLatch released = new CountDownLatch(0);
    private static volatile int refusal;
    private static HttpServer server;

    /** Adds (or replaces) articles of the export, as the catalog holds them. */
    public static void put(Collection<ArticleEvent> events) {
        for (ArticleEvent event : events) {
            ObjectNode item = JSON.createObjectNode().put("id", event.articleId()).put("title", event.title())
                    .put("body", event.body()).put("sourceName", event.sourceName()).put("uploadId", event.uploadId())
                    .put("position", event.position()).put("ingestedAt", event.ingestedAt().toString());
            item.set("entities", event.entities() == null ? null : JSON.valueToTree(event.entities()));
            item.put("supersedes", event.supersedes());
            ARTICLES.put(event.articleId(), item);
        }
    }

    /**
     * The corpus: {@link #CORPUS_SIZE} generated articles of upload {@link #CORPUS_UPLOAD}; every tenth mentions
     * Kenya and carries the entities ingest would have extracted.
     */
    public static java.util.List<ArticleEvent> corpus() {
        java.util.List<ArticleEvent> corpus = new java.util.ArrayList<>(CORPUS_SIZE);
        java.time.Instant start = java.time.Instant.parse("2025-01-06T08:00:00Z");
        for (int n = 1; n <= CORPUS_SIZE; n++) {
            boolean kenya = n % 10 == 0;
            String title = "Corpus bulletin " + n + ": " + word(n) + " " + word(n * 7) + " " + word(n * 13);
            String body = "The " + CORPUS_WORD + " article " + n + " reports on " + word(n * 3) + " and "
                    + word(n * 5) + " at the " + word(n * 11) + " office" + (kenya ? " in Kenya" : "")
                    + "; officers checked the " + word(n * 17) + " of every " + word(n * 19) + " before the "
                    + word(n * 23) + " was released, and the " + word(n * 29) + " unit published its figures.";
            ArticleEvent event = ArticleEvent.of(title, body, "corpus-" + (n / 1000) + ".txt", CORPUS_UPLOAD,
                    n % 1000 + 1, start.plusSeconds(n * 60L));
            corpus.add(event.withEntities(kenya ? new org.bulletinsearch.events.Entities(java.util.List.of("Kenya"),
                    java.util.List.of("Africa", "Eastern Africa", "Sub-Saharan Africa"), java.util.List.of(),
                    java.util.List.of(), java.util.List.of()) : org.bulletinsearch.events.Entities.NONE));
        }
        return corpus;
    }

    private static String word(int n) {
        return WORDS[Math.floorMod(n, WORDS.length)];
    }

    /** How many articles the export holds. */
    public static int size() {
        return ARTICLES.size();
    }

    /**
     * Holds the export back from its {@code page}-th page (0-based, counted from now) until {@link #release()}:
     * the reindex reading it stops in mid-run.
     */
    public static void holdAt(int page) {
        released = new CountDownLatch(1);
        PAGES_SERVED.set(0);
        holdAtPage = page;
    }

    /** Lets a held export go on. */
    public static void release() {
        holdAtPage = -1;
        released.countDown();
    }

    /** Answers every request with this status and a problem body from now on; 0 serves pages again. */
    public static void refuseWith(int status) {
        refusal = status;
    }

    /** Pages answered since the last {@link #holdAt}. */
    public static int pagesServed() {
        return PAGES_SERVED.get();
    }

    @Override
    public Map<String, String> start() {
        String engineUrl = LocalInfraTestResource.startShared(EnumSet.of(Component.KAFKA, Component.SEARCH_ENGINE))
                .searchEngineUrl();
        put(LEGACY);
        put(corpus());
        try {
            createLegacyIndex(engineUrl);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/articles/export", this::page);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot prepare the reindex test", e);
        }
        Map<String, String> properties = new HashMap<>();
        properties.put("search.catalog-url", "http://127.0.0.1:" + server.getAddress().getPort());
        properties.put("search.index.alias", ALIAS);
        properties.put("mp.messaging.incoming.articles.group.id", "search-service-" + ALIAS);
        // 30,000 articles would keep one core busy embedding for minutes; the reindex is about the keyword index
        properties.put("search.vectors.enabled", "false");
        return properties;
    }

    @Override
    public void stop() {
        release();
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI());
            int size = Integer.parseInt(query.getOrDefault("size", "500"));
            if (refusal != 0) {
                byte[] problem = ("{\"type\":\"https://bulletinsearch.org/problems/invalid-parameter\",\"status\":"
                        + refusal + ",\"parameter\":\"size\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(refusal, problem.length);
                exchange.getResponseBody().write(problem);
                return;
            }
            String cursor = query.get("cursor");
            if (PAGES_SERVED.getAndIncrement() == holdAtPage && !released.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never released the export");
            }
            ObjectNode page = JSON.createObjectNode();
            ArrayNode items = page.putArray("items");
            Iterator<ObjectNode> rest = (cursor == null ? ARTICLES : ARTICLES.tailMap(cursor, false)).values().iterator();
            String last = null;
            while (rest.hasNext() && items.size() < size) {
                ObjectNode item = rest.next();
                items.add(item);
                last = item.path("id").asText();
            }
            page.put("nextCursor", rest.hasNext() ? last : null);
            if (cursor == null) {
                page.put("total", ARTICLES.size());
            }
            byte[] body = JSON.writeValueAsBytes(page);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(pair.substring(0, equals),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    /** The previous release's index (its definition as released) behind the alias, with the legacy articles. */
    private static void createLegacyIndex(String engineUrl) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        ObjectNode definition;
        try (InputStream in = CatalogExportStub.class.getResourceAsStream("/search/articles-index-v2.json")) {
            definition = (ObjectNode) JSON.readTree(in);
        }
        ((ObjectNode) definition.path("settings").path("index")).put("number_of_replicas", 0);
        definition.putObject("aliases").putObject(ALIAS);
        send(client, "PUT", engineUrl + "/" + LEGACY_INDEX, JSON.writeValueAsString(definition));
        StringBuilder bulk = new StringBuilder();
        for (ArticleEvent event : LEGACY) {
            bulk.append("{\"index\":{\"_id\":\"").append(event.articleId()).append("\"}}\n");
            ObjectNode source = JSON.createObjectNode().put("id", event.articleId()).put("title", event.title())
                    .put("body", event.body()).put("suggest", event.title()).put("sourceName", event.sourceName())
                    .put("uploadId", event.uploadId()).put("position", event.position())
                    .put("ingestedAt", event.ingestedAt().toString());
            bulk.append(JSON.writeValueAsString(source)).append('\n');
        }
        send(client, "POST", engineUrl + "/" + LEGACY_INDEX + "/_bulk?refresh=true", bulk.toString());
    }

    private static void send(HttpClient client, String method, String url, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", body.startsWith("{\"index\"") ? "application/x-ndjson" : "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300 || response.body().contains("\"errors\":true")) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
