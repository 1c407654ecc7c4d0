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
import org.bulletinsearch.search.support.ArticlePublisher;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures indexing throughput of the service (Kafka to confirmed {@code _bulk}) against raw
 * {@code _bulk} of the same documents into the same engine, and search latency percentiles.
 * Not part of the normal build:
 *
 * <pre>
 *   flock /tmp/bulletin-build.lock ./mvnw -B -pl search-service verify -Dbenchmark=true -Dtest=IndexingBenchmark \
 *       -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.events=100000]
 * </pre>
 *
 * The report goes to stdout and {@code target/benchmark-report.txt}.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
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
        List<ArticleEvent> events = BenchmarkCorpus.generate(EVENTS, new Random(7));
        long bytes = events.stream().mapToLong(e -> e.title().length() + e.body().length()).sum();
        line("corpus: %d articles, %.1f MB of text, %.0f chars per body on average", events.size(), bytes / 1e6,
                events.stream().mapToInt(e -> e.body().length()).average().orElse(0));

        // Warm the engine and the JIT on both paths with documents of the same shape.
        rawBulk("bench-warmup-" + UUID.randomUUID().toString().substring(0, 8),
                BenchmarkCorpus.generate(10_000, new Random(1)));

        // 1. The service: one committed transaction (a read-committed consumer sees nothing before the
        //    commit), then the time until the engine confirmed every document.
        double before = indexedCount();
        long produceStart = System.nanoTime();
        try (ArticlePublisher publisher = new ArticlePublisher()) {
            publisher.publish(events);
        }
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

    /** Generated English-like articles in the bulletin's register; deterministic for a seed. */
    static final class BenchmarkCorpus {

        private static final String[] VOCABULARY = ("customs border trade port harbour cargo container vessel "
                + "inspection officer officers importer importers exporter exporters declaration declarations tariff "
                + "tariffs duty duties clearance post-clearance audit audits risk management single window pilot "
                + "programme training workshop ministry finance revenue agency report annual growth valuation dispute "
                + "disputes origin rules certificate certificates preferential agreement regional ministers levy "
                + "e-commerce parcels airport mail centre consignments low-value threshold scanner scanners quarantine "
                + "fruit pests veterinary cattle timber logs licence forestry reserve smuggling seizure seized illegal "
                + "warehouse bonded transit corridor guarantee bonds manifest permit permits system digital electronic "
                + "modernisation reform capacity building technical assistance donor partners cooperation agreement "
                + "signed launched introduced announced expanded tightened reviewed published measured studies study "
                + "waiting times lorries trucks inland crossing gate post checkpoint release goods company companies "
                + "records data sharing analysis efficiency facilitation compliance enforcement penalty penalties "
                + "investigation fraud undervaluation classification tariff-line nomenclature harmonized code codes "
                + "statistics collection collections rising falling fewer more better faster quickly slowly weekly "
                + "monthly quarterly coffee cocoa beans textile machinery equipment spare parts agricultural farmers "
                + "fisheries fish frozen vehicles fuel petroleum pharmaceuticals medicines vaccines cold chain "
                + "coastal island islands mainland northern southern eastern western central province district "
                + "capital city officials staff team teams unit units division department authority authorities "
                + "government parliament law regulation regulations decree notice guidance traders brokers agents "
                + "shipping lines carriers freight forwarders logistics operators terminal terminals berth quay "
                + "samoa fiji tonga botswana lesotho madagascar namibia zambia malawi kenya uganda rwanda ghana").split(" ");
        private static final String[] CONNECTORS = {"the", "a", "of", "and", "for", "to", "in", "on", "with", "at", "by"};

        static List<ArticleEvent> generate(int count, Random random) {
            List<ArticleEvent> events = new ArrayList<>(count);
            Instant start = Instant.parse("2024-01-01T00:00:00Z");
            for (int i = 0; i < count; i++) {
                int upload = i / 1000;
                String title = capitalize(words(random, 5 + random.nextInt(5), false)) + " " + (i + 1);
                StringBuilder body = new StringBuilder();
                int sentences = 3 + random.nextInt(4);
                for (int s = 0; s < sentences; s++) {
                    body.append(capitalize(words(random, 10 + random.nextInt(12), true))).append(". ");
                }
                events.add(ArticleEvent.of(title, body.toString().strip(), "bench-" + (upload % 10) + ".txt",
                        "bench-upload-" + upload, i % 1000 + 1, start.plusSeconds(3600L * upload)));
            }
            return events;
        }

        private static String words(Random random, int n, boolean connectors) {
            List<String> words = new ArrayList<>(n);
            for (int w = 0; w < n; w++) {
                if (connectors && random.nextInt(3) == 0) {
                    words.add(CONNECTORS[random.nextInt(CONNECTORS.length)]);
                } else {
                    // skewed towards the start of the vocabulary, as real word frequencies are
                    double r = random.nextDouble();
                    words.add(VOCABULARY[(int) (VOCABULARY.length * r * r)]);
                }
            }
            return String.join(" ", words);
        }

        private static String capitalize(String text) {
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }
}
