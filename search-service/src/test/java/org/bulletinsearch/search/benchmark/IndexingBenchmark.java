package org.bulletinsearch.search.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.indexing.ArticleDocument;
import org.bulletinsearch.search.indexing.IndexManager;
import org.bulletinsearch.platform.BulletinGenerator;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Measures indexing throughput of the service (Kafka to confirmed {@code _bulk}) against raw
 * {@code _bulk} of the same documents into the same engine, and search latency percentiles.
 * Runs only with the root's {@code benchmark} profile:
 *
 * <pre>
 *   flock /tmp/bulletin-build.lock ./mvnw -B verify -Pbenchmark -pl search-service -Dit.test=IndexingBenchmark \
 *       [-Dbenchmark.events=100000]
 * </pre>
 *
 * The report goes to stdout and {@code target/benchmark-report.txt}.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
@Order(Integer.MAX_VALUE - 1)
class IndexingBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 100_000);
    private static final int BULK_SIZE = 1000;
    private static final int LATENCY_ROUNDS = Integer.getInteger("benchmark.latency.rounds", 30);

    @Inject
    MeterRegistry registry;

    @Inject
    SearchEngine engine;

    @Inject
    IndexManager indexManager;

    @TestHTTPResource("/")
    URI base;

    private final StringBuilder report = new StringBuilder();

    @Test
    void indexingThroughputAndSearchLatency() throws Exception {
        line("Bulletin Search benchmark, %s, %d events, %d cores, engine %s", Instant.now(), EVENTS,
                Runtime.getRuntime().availableProcessors(), engine.send("GET", "/", null).path("version").path("number").asText());
        List<ArticleEvent> events = generate(EVENTS, 7);
        long bytes = events.stream().mapToLong(e -> e.title().length() + e.body().length()).sum();
        line("corpus: %d articles, %.1f MB of text, %.0f chars per body on average", events.size(), bytes / 1e6,
                events.stream().mapToInt(e -> e.body().length()).average().orElse(0));

        // Warm the engine and the JIT on both paths with documents of the same shape.
        rawBulk("bench-warmup-" + UUID.randomUUID().toString().substring(0, 8), generate(10_000, 1));

        // 1. The service: one committed transaction (a read-committed consumer sees nothing before the
        //    commit), then the time until the engine confirmed every document.
        double before = indexedCount();
        long produceStart = System.nanoTime();
        ArticlesTopic.publish(events);
        long committed = System.nanoTime();
        line("produce (1 transaction, idempotent, acks=all): %.1f s, %.0f events/s", seconds(produceStart, committed),
                EVENTS / seconds(produceStart, committed));
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> indexedCount() >= before + EVENTS);
        long confirmed = System.nanoTime();
        double service = EVENTS / seconds(committed, confirmed);
        line("service: Kafka -> decode + validate -> _bulk (%d per batch) confirmed: %.1f s, %.0f articles/s",
                BULK_SIZE, seconds(committed, confirmed), service);

        // 2. Raw _bulk of the same documents, same index definition, same batch size, one client thread.
        String rawIndex = "bench-raw-" + UUID.randomUUID().toString().substring(0, 8);
        double raw = rawBulk(rawIndex, events);
        line("raw _bulk (same documents, same index definition, %d per request, 1 thread): %.0f articles/s", BULK_SIZE, raw);
        line("service / raw: %.0f %%", 100 * service / raw);

        engine.send("POST", "/" + indexManager.alias() + "/_refresh", null);
        long count = engine.send("GET", "/" + indexManager.alias() + "/_count", null).path("count").asLong();
        line("documents behind alias %s: %d", indexManager.alias(), count);
        assertThat(count).isGreaterThanOrEqualTo(EVENTS);

        latencies(events);

        Path out = Path.of("target", "benchmark-report.txt");
        Files.writeString(out, report.toString());
        System.out.println("\n" + report + "(written to " + out.toAbsolutePath() + ")");
    }

    /** Bulk-indexes into a fresh index with the service's definition; returns articles per second. */
    private double rawBulk(String index, List<ArticleEvent> events) throws IOException {
        indexManager.createIndex(index, null);
        ObjectMapper mapper = engine.mapper();
        long start = System.nanoTime();
        for (int from = 0; from < events.size(); from += BULK_SIZE) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(BULK_SIZE * 2048);
            for (ArticleEvent event : events.subList(from, Math.min(events.size(), from + BULK_SIZE))) {
                ObjectNode action = mapper.createObjectNode();
                action.putObject("index").put("_index", index).put("_id", event.articleId());
                out.writeBytes(mapper.writeValueAsBytes(action));
                out.write('\n');
                out.writeBytes(mapper.writeValueAsBytes(ArticleDocument.of(event)));
                out.write('\n');
            }
            JsonNode answer = engine.bulk(out.toByteArray(), out.size(), Map.of("filter_path", "errors,items.*.error"));
            assertThat(answer.path("errors").asBoolean()).as("raw bulk errors: %s", answer).isFalse();
        }
        return events.size() / seconds(start, System.nanoTime());
    }

    private void latencies(List<ArticleEvent> events) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<String> searches = List.of("customs", "border trade", "\"single window\"", "tariff -coffee",
                "port OR harbour", "clearance", "post-clearance audit", "risk management", "exporters training",
                "e-commerce parcels", "inspection vessel cargo", "revenue agency report", "(fiji OR samoa) customs",
                "valuation -dispute", "\"rules of origin\"", "timber licence", "warehouse bonded", "scanner container port",
                "inspecton", "quarantine fruit");
        List<String> prefixes = List.of("bord", "cus", "tari", "harb", "single win", "risk man", "tim", "quar");
        Random random = new Random(3);
        List<String> relatedIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            relatedIds.add(events.get(random.nextInt(events.size())).articleId());
        }
        Map<String, List<String>> urls = Map.of(
                "search", searches.stream().map(q -> "search?size=10&q=" + encode(q)).toList(),
                "search + sourceName filter", searches.stream().map(q -> "search?size=10&sourceName=bench-3.txt&q="
                        + encode(q)).toList(),
                "suggest", prefixes.stream().map(q -> "search/suggest?q=" + encode(q)).toList(),
                "related", relatedIds.stream().map(id -> "search/related/" + id).toList());
        line("latency, client side over HTTP (%d rounds per query after one warm-up round; index holds %d+ articles):",
                LATENCY_ROUNDS, events.size());
        List<Double> all = new ArrayList<>();
        for (String endpoint : List.of("search", "search + sourceName filter", "suggest", "related")) {
            List<String> requests = urls.get(endpoint);
            requests.forEach(url -> get(client, url)); // warm-up
            List<Double> millis = new ArrayList<>();
            for (int round = 0; round < LATENCY_ROUNDS; round++) {
                for (String url : requests) {
                    long start = System.nanoTime();
                    get(client, url);
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            }
            all.addAll(millis);
            line("  %-36s n=%5d  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms", endpoint, millis.size(), percentile(millis, 50),
                    percentile(millis, 99), percentile(millis, 100));
        }
        line("  %-36s n=%5d  p50 %6.1f ms  p99 %6.1f ms", "all", all.size(), percentile(all, 50), percentile(all, 99));
    }

    private void get(HttpClient client, String path) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private double indexedCount() {
        var counter = registry.find("search.indexing.indexed").counter();
        return counter == null ? 0 : counter.count();
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.append(text).append('\n');
        System.out.println(text);
    }

    /** Articles from the platform's {@link BulletinGenerator}, in uploads of 1,000; deterministic for a seed. */
    private static List<ArticleEvent> generate(int count, long seed) {
        BulletinGenerator generator = new BulletinGenerator(seed);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        List<ArticleEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int upload = i / 1000;
            events.add(ArticleEvent.of(generator.title(i + 1), generator.body(), "bench-" + (upload % 10) + ".txt",
                    "bench-upload-" + seed + "-" + upload, i % 1000 + 1, start.plusSeconds(3600L * upload)));
        }
        return events;
    }
}
