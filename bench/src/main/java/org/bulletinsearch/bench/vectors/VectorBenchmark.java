package org.bulletinsearch.bench.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.bulletinsearch.bench.BenchPlatform;
import org.bulletinsearch.bench.corpus.Corpus;
import org.bulletinsearch.bench.ingest.RawBulk;
import org.bulletinsearch.bench.resources.ProcessMemory;
import org.bulletinsearch.bench.results.Figure;
import org.bulletinsearch.bench.results.Measurement;
import org.bulletinsearch.bench.results.Results;
import org.bulletinsearch.bench.results.Target;
import org.bulletinsearch.bench.search.QueryMix;
import org.bulletinsearch.embeddings.EmbeddingText;
import org.bulletinsearch.embeddings.TextEmbedder;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.platform.BulletinGenerator;
import org.bulletinsearch.platform.Console;
import org.bulletinsearch.platform.Service;
import org.bulletinsearch.platform.client.JsonHttp;
import org.bulletinsearch.platform.client.Upload;

/**
 * Issue 17's figures. The other phases run the search service without the model (their figures are the keyword
 * pipeline's); this phase, last, restarts it with {@code SEARCH_VECTORS_ENABLED=true} over the index the run built,
 * every article of which then lacks a vector: the model alone (its rate in this JVM, 1 and 2 threads), the
 * service's backfill rate, keyword and vector freshness while the backfill runs, hybrid beside keyword search
 * latency, the service's memory with the model, and the index size with and without vectors.
 */
public final class VectorBenchmark {

    private static final String GROUP = "8 Vectors";
    private static final int MODEL_ARTICLES = 300;
    private static final int SIZE_ARTICLES = 10_000;
    private static final Duration BACKFILL_WINDOW = Duration.ofSeconds(30);
    private static final Duration STREAM = Duration.ofSeconds(20);
    private static final int PER_UPLOAD = 10;

    private final BenchPlatform platform;
    private final Corpus corpus;
    private final QueryMix mix;
    private final RawBulk rawBulk;
    private final int threads;
    private final Duration searchDuration;
    private final List<Double> rss = new ArrayList<>();

    public VectorBenchmark(BenchPlatform platform, Corpus corpus, QueryMix mix, RawBulk rawBulk, int threads,
            Duration searchDuration) {
        this.platform = platform;
        this.corpus = corpus;
        this.mix = mix;
        this.rawBulk = rawBulk;
        this.threads = threads;
        this.searchDuration = searchDuration;
    }

    /** Runs every step once and adds the figures. */
    public void run(Results results) throws Exception {
        double[] model = modelRates();
        figure(results, "vectors.model.2", "Embedding rate, the model alone, 2 threads (both cores)", model[1],
                "articles/s", null, Target.atLeast(100, "articles/s"), MODEL_ARTICLES + " generated articles (title and"
                        + " lead, as the service embeds them) in the benchmark's JVM while the platform idles");
        figure(results, "vectors.model.1", "Embedding rate, the model alone, 1 thread (one core)", model[0], "articles/s",
                null, null, "same articles, one thread");
        platform.platform().restart(Service.SEARCH, Map.of("SEARCH_VECTORS_ENABLED", "true"));
        Awaitility.await("model loaded").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> !platform.vectorStatus().path("state").asText().equals("loading"));
        sampleRss();
        backfill(results, model[0]);
        freshness(results, 50, true);
        freshness(results, 100, false);
        hybridLatency(results);
        sampleRss();
        figure(results, "vectors.rss", "search-service: RSS with the model loaded (peak of the samples)",
                rss.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), "MB", null,
                Target.atMost(400, "MB"), "VmRSS after the model loaded, after the backfill window, after the search"
                        + " load; -Xmx256m, the model's ONNX Runtime memory is outside the heap");
        indexSize(results);
    }

    /** Articles per second of the model alone with 1 and with 2 threads. */
    private double[] modelRates() {
        List<String> texts = corpus.fieldCostEvents(MODEL_ARTICLES).stream()
                .map(e -> EmbeddingText.of(e.title(), e.body())).toList();
        double[] rates = new double[2];
        for (int t = 1; t <= 2; t++) {
            try (TextEmbedder embedder = TextEmbedder.load(t)) {
                embedder.embedAll(texts.subList(0, 20));
                long start = System.nanoTime();
                embedder.embedAll(texts);
                rates[t - 1] = texts.size() / ((System.nanoTime() - start) / 1e9);
            }
            Console.say(String.format("vectors: the model alone, %d thread(s): %.1f articles/s", t, rates[t - 1]));
        }
        return rates;
    }

    private void backfill(Results results, double modelRate) {
        long before = platform.vectorStatus().path("missing").asLong();
        long started = System.nanoTime();
        BenchPlatform.sleep(BACKFILL_WINDOW);
        long after = platform.vectorStatus().path("missing").asLong();
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = (before - after) / seconds;
        sampleRss();
        Console.say(String.format("vectors: backfill %,d → %,d missing in %.0f s: %.1f articles/s", before, after, seconds, rate));
        results.add(new Figure(GROUP, "vectors.backfill", "Backfill: vectors added to existing articles by the service",
                Measurement.of("platform", "articles/s", List.of(rate)),
                Measurement.of("model alone, 1 thread", "articles/s", List.of(modelRate)), null,
                String.format("GET /admin/vectors' missing count before and after %d s, %,d articles lacking a vector at"
                        + " the start (SEARCH_VECTORS_THREADS=1: the read, the partial _bulk update and the engine's"
                        + " indexing of the vector come on top of the model)", BACKFILL_WINDOW.toSeconds(), before)));
    }

    /**
     * Uploads of {@value #PER_UPLOAD} articles at {@code rate} articles/s for {@link #STREAM} while the backfill
     * runs; per upload, from its 202 until the engine shows all its articles (keyword) and all their vectors.
     */
    private void freshness(Results results, int rate, boolean vectors) throws Exception {
        int uploads = (int) (STREAM.toSeconds() * rate / PER_UPLOAD);
        long every = 1_000_000_000L * PER_UPLOAD / rate;
        List<List<org.bulletinsearch.platform.BulletinGenerator.Article>> batches =
                corpus.freshnessBatches(900 + rate, uploads, PER_UPLOAD);
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(4);
        for (int i = 0; i < uploads; i++) {
            int index = i;
            senders.schedule(() -> {
                Upload upload = platform.client().upload(BulletinGenerator.bulletin(batches.get(index)),
                        "vectors-" + rate + "-" + index + ".txt");
                if (upload.accepted()) {
                    accepted.put(upload.uploadId(), upload.answeredNanos());
                }
            }, i * every, TimeUnit.NANOSECONDS);
        }
        senders.shutdown();
        Map<String, Long> keyword = new ConcurrentHashMap<>();
        Map<String, Long> vector = new ConcurrentHashMap<>();
        Awaitility.await("fresh articles " + (vectors ? "with vectors" : "searchable")).atMost(STREAM.plusMinutes(2))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    see(accepted, keyword, false);
                    if (vectors) {
                        see(accepted, vector, true);
                    }
                    return senders.isTerminated() && keyword.size() == accepted.size()
                            && (!vectors || vector.size() == accepted.size());
                });
        String how = String.format("%d uploads of %d articles, one every %d ms (%d articles/s offered) while the"
                + " backfill runs; from each 202 until the engine's refreshed view holds all of its articles",
                uploads, PER_UPLOAD, every / 1_000_000, rate);
        percentiles(results, "vectors.keyword-freshness." + rate, "Keyword freshness with the model running, "
                + rate + " articles/s", keyword, Target.atMost(2000, "ms"), how);
        if (vectors) {
            percentiles(results, "vectors.vector-freshness." + rate, "Vector freshness: 202 → every vector in the engine, "
                    + rate + " articles/s", vector, Target.atMost(10_000, "ms"), how + " with its vector");
        }
    }

    /** Records the latency of each accepted upload whose articles the engine now shows (with vectors if asked). */
    private void see(Map<String, Long> accepted, Map<String, Long> seen, boolean withVector) {
        List<String> pending = accepted.keySet().stream().filter(id -> !seen.containsKey(id)).toList();
        if (pending.isEmpty()) {
            return;
        }
        ObjectNode body = JsonHttp.JSON.createObjectNode();
        body.put("size", 0);
        ObjectNode bool = body.putObject("query").putObject("bool");
        ArrayNode filter = bool.putArray("filter");
        ArrayNode ids = filter.addObject().putObject("terms").putArray("uploadId");
        pending.forEach(ids::add);
        if (withVector) {
            filter.addObject().putObject("exists").put("field", "vector");
        }
        body.putObject("aggs").putObject("uploads").putObject("terms").put("field", "uploadId").put("size", pending.size());
        long now = System.nanoTime();
        JsonNode answer = JsonHttp.postJson(platform.engineUrl() + "/" + BenchPlatform.SEARCH_ALIAS + "/_search", body);
        for (JsonNode bucket : answer.path("aggregations").path("uploads").path("buckets")) {
            if (bucket.path("doc_count").asLong() >= PER_UPLOAD) {
                String upload = bucket.path("key").asText();
                seen.put(upload, now - accepted.get(upload));
            }
        }
    }

    private void hybridLatency(Results results) {
        HybridLoad load = HybridLoad.run(mix, threads, searchDuration);
        String how = HybridLoad.how(mix, threads, searchDuration) + ", while the backfill runs";
        results.add(new Figure(GROUP, "vectors.hybrid.p50", "Hybrid search: latency p50",
                Measurement.of("mode=hybrid", "ms", List.of(load.hybrid().p50Millis())),
                Measurement.of("mode=keyword", "ms", List.of(load.keyword().p50Millis())),
                Target.atMostTimesAnchor(1.5), how));
        results.add(new Figure(GROUP, "vectors.hybrid.p99", "Hybrid search: latency p99",
                Measurement.of("mode=hybrid", "ms", List.of(load.hybrid().p99Millis())),
                Measurement.of("mode=keyword", "ms", List.of(load.keyword().p99Millis())), null, "same runs"));
    }

    /** The same generated articles into the live mapping, with random unit vectors and without: store size. */
    private void indexSize(Results results) throws Exception {
        List<ArticleEvent> events = corpus.fieldCostEvents(SIZE_ARTICLES);
        RawBulk sized = rawBulk.into("bench-vectors");
        double[] megabytes = new double[2];
        for (int withVectors = 1; withVectors >= 0; withVectors--) {
            sized.delete();
            sized.create(sized.liveDefinition());
            (withVectors == 1 ? sized.withRandomVectors(42) : sized).index(events);
            megabytes[withVectors] = sized.storeBytes() / 1e6 * 100_000 / SIZE_ARTICLES;
        }
        sized.delete();
        results.add(new Figure(GROUP, "vectors.index-size", "Index size per 100,000 articles, with vectors",
                Measurement.of("with vectors", "MB", List.of(megabytes[1])),
                Measurement.of("without vectors", "MB", List.of(megabytes[0])), null, String.format("%,d generated"
                        + " articles into the live mapping (HNSW of the lucene engine) with random unit vectors of"
                        + " 384 dimensions (float32, as incompressible as real ones) and without, store size after a"
                        + " flush, scaled to 100,000", SIZE_ARTICLES)));
    }

    private void percentiles(Results results, String id, String name, Map<String, Long> latencies, Target p99Target,
            String how) {
        long[] sorted = latencies.values().stream().mapToLong(Long::longValue).sorted().toArray();
        results.add(new Figure(GROUP, id + ".p50", name + ", p50",
                Measurement.of("platform", "ms", List.of(percentile(sorted, 50))), null, null, how));
        results.add(new Figure(GROUP, id + ".p99", name + ", p99",
                Measurement.of("platform", "ms", List.of(percentile(sorted, 99))), null, p99Target, how));
        Console.say(String.format("vectors: %s p50 %.0f ms, p99 %.0f ms over %d uploads", name, percentile(sorted, 50),
                percentile(sorted, 99), sorted.length));
    }

    private static double percentile(long[] sorted, double percentile) {
        return org.bulletinsearch.bench.load.Latencies.percentileMillis(sorted, percentile);
    }

    private void figure(Results results, String id, String name, double value, String unit, Measurement anchor,
            Target target, String how) {
        results.add(new Figure(GROUP, id, name, Measurement.of("platform", unit, List.of(value)), anchor, target, how));
    }

    private void sampleRss() {
        rss.add(ProcessMemory.rssKilobytes(platform.pid(Service.SEARCH)) / 1024.0);
    }
}
