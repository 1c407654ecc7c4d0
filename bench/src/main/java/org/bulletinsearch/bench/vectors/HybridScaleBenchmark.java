package org.bulletinsearch.bench.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.bulletinsearch.bench.BenchPlatform;
import org.bulletinsearch.bench.Budget;
import org.bulletinsearch.bench.ingest.IngestBenchmark;
import org.bulletinsearch.bench.ingest.RawBulk;
import org.bulletinsearch.bench.resources.ProcessMemory;
import org.bulletinsearch.bench.results.Figure;
import org.bulletinsearch.bench.results.Measurement;
import org.bulletinsearch.bench.results.Results;
import org.bulletinsearch.bench.results.Target;
import org.bulletinsearch.bench.search.QueryMix;
import org.bulletinsearch.embeddings.TextEmbedder;
import org.bulletinsearch.platform.Console;
import org.bulletinsearch.platform.Service;
import org.bulletinsearch.platform.client.JsonHttp;
import org.bulletinsearch.search.indexing.IndexDefinition;
import org.bulletinsearch.search.query.SearchQueryBuilder;
import org.bulletinsearch.search.vectors.VectorField;

/**
 * Issue 20's hybrid figure at the run's size ({@code --phases hybrid}, not in the default run): hybrid beside keyword
 * search latency over every article the run loaded, each with a vector.
 *
 * <p>Embedding a million articles takes the model alone more than an hour of both cores here (217 articles/s), so
 * every article gets a random unit vector of 384 dimensions instead, a Gaussian direction seeded by the article's
 * id. Random vectors are as incompressible as real ones and give the HNSW graph no clusters to exploit, so the
 * nearest-vector search is, if anything, slower than with real ones; the query is still embedded by the service's
 * model.
 *
 * <p>Two set-ups. Alone ({@code --phases hybrid}), the phase writes its articles itself ({@link #load}: raw
 * {@code _bulk} into the service's index, each article with its vector from the start). After phases that loaded
 * articles through the platform, it gives each of them its vector by the partial update the service's backfill
 * makes ({@link RawBulk#addRandomVectors}), with the service restarted without the model and its compaction held
 * off, and waits until the engine's retention leases pass the last write (a merge before that keeps every version
 * the updates replaced). Then the service restarts with the model ({@code SEARCH_VECTORS_ENABLED=true}; with every
 * vector there, its backfill has nothing to do) and its compaction, merges the index once the engine is quiet (not
 * when the index already has few segments: the note on deleted documents then says what stayed), and the two loads
 * of {@link HybridLoad} run.
 */
public final class HybridScaleBenchmark {

    private static final String GROUP = "8 Vectors";
    private static final long SEED = 42;
    private static final int SCROLL_PAGE = 10_000;
    private static final String MERGE_THREADS = "index.merge.scheduler.max_thread_count";
    /** Merge threads during the set-up ({@link #mergeThreads}). */
    private static final int SETUP_MERGE_THREADS = 2;
    /**
     * The k-NN plugin's cluster setting for the threads that build one HNSW graph; since k-NN 2.19.0 (PR 2480) the
     * Lucene engine's merges take that many workers ({@code KNN9120PerFieldKnnVectorsFormat}), default 1.
     */
    private static final String GRAPH_MERGE_WORKERS = "knn.algo_param.index_thread_qty";

    private final BenchPlatform platform;
    private final RawBulk live;
    private final QueryMix mix;
    private final int threads;
    private final Duration searchDuration;
    private final Duration compactionIdle;

    /**
     * @param rawBulk        the engine anchor's sender, for its batch size and requests in flight
     * @param compactionIdle the search service's quiet spell before it merges ({@code SEARCH_INDEX_COMPACTION_IDLE})
     */
    public HybridScaleBenchmark(BenchPlatform platform, RawBulk rawBulk, QueryMix mix, int threads,
            Duration searchDuration, Duration compactionIdle) {
        this.platform = platform;
        this.live = rawBulk.into(BenchPlatform.SEARCH_ALIAS);
        this.mix = mix;
        this.threads = threads;
        this.searchDuration = searchDuration;
        this.compactionIdle = compactionIdle;
    }

    /**
     * The hybrid phase's own load, when no other phase needs articles through the platform: round 1's articles
     * written with raw {@code _bulk} straight into the service's index, each with its random vector from the start
     * ({@link IngestBenchmark#rawLoad}). No article is then written twice: the partial updates of {@link #run} leave
     * a replaced version of every article until merges drop it, and the merges that do build each HNSW graph again
     * from all its vectors (a million articles did not get through them in two hours here).
     */
    public static void load(BenchPlatform platform, IngestBenchmark ingest, Results results) throws Exception {
        mergeThreads(platform, SETUP_MERGE_THREADS);
        graphMergeWorkers(platform, SETUP_MERGE_THREADS);
        RawBulk sender = ingest.rawBulk().into(BenchPlatform.SEARCH_ALIAS).withRandomVectors(SEED);
        double seconds = ingest.rawLoad(sender);
        int articles = ingest.articleIds().size();
        Console.say(String.format("hybrid: %,d articles written with their vectors in %.0f s", articles, seconds));
        results.add(new Figure(GROUP, "vectors.hybrid-scale.written", "Hybrid at scale: articles written with vectors",
                Measurement.of("engine", "articles/s", List.of(articles / seconds)), null, null, String.format(
                        "%,d generated articles as raw _bulk (%d per request, %d in flight) into the service's index,"
                                + " each with a %d-dimension random unit vector, %d merge threads of %d graph workers"
                                + " each, %.0f s; not a pipeline figure, the set-up of the hybrid one",
                        articles, sender.batchSize(), sender.concurrency(), TextEmbedder.DIMENSION,
                        SETUP_MERGE_THREADS, SETUP_MERGE_THREADS, seconds)));
    }

    /**
     * The hybrid phase's set-up on the data a run kept ({@code --reuse-data}): the articles are already in the
     * service's index, with their vectors and merged, so only the source names of the query mix's filter are read
     * from it (a {@code terms} aggregation on {@code sourceName}).
     *
     * @param articles the articles the kept index must hold ({@code --articles})
     * @throws IllegalStateException when it holds another number, or its mapping version is not this code's (the
     *                               service would search it as it is: a newer mapping reaches it by a reindex)
     */
    public static void kept(BenchPlatform platform, IngestBenchmark ingest, int articles, Results results) {
        long held = platform.engineCount(BenchPlatform.SEARCH_ALIAS);
        if (held != articles) {
            throw new IllegalStateException(String.format("--reuse-data: the kept index holds %,d articles,"
                    + " --articles says %,d", held, articles));
        }
        JsonNode mappings = JsonHttp.getJson(platform.engineUrl() + "/" + BenchPlatform.SEARCH_ALIAS + "/_mapping");
        String index = mappings.fieldNames().next();
        int kept = keptMappingVersion(index, mappings.path(index).path("mappings"));
        ObjectNode body = JsonHttp.JSON.createObjectNode().put("size", 0);
        body.putObject("aggs").putObject("sources").putObject("terms").put("field", "sourceName").put("size", 1_000)
                .putObject("order").put("_key", "asc");
        List<String> sources = new ArrayList<>();
        JsonHttp.postJson(platform.engineUrl() + "/" + BenchPlatform.SEARCH_ALIAS + "/_search", body)
                .path("aggregations").path("sources").path("buckets")
                .forEach(bucket -> sources.add(bucket.path("key").asText()));
        ingest.sourcesKept(sources);
        String note = String.format("the articles a run kept (--reuse-data): %,d in %s (mapping version %d, %d"
                + " segments, %d sources), not written again", held, index, kept,
                platform.segments(BenchPlatform.SEARCH_ALIAS), sources.size());
        results.note(note);
        Console.say("hybrid: " + note);
    }

    /**
     * The mapping version of a kept index, when it is this code's ({@link IndexDefinition#mappingVersion}).
     *
     * @param mappings the index's {@code mappings}, as {@code GET /<index>/_mapping} answers them
     * @throws IllegalStateException when the version differs: the service would search the index as it is
     */
    static int keptMappingVersion(String index, JsonNode mappings) {
        int kept = IndexDefinition.mappingVersionOf(mappings);
        int current = IndexDefinition.mappingVersion();
        if (kept != current) {
            throw new IllegalStateException(String.format("--reuse-data: the kept index %s has mapping version %d,"
                    + " this code's is %d; run without --reuse-data", index, kept, current));
        }
        return kept;
    }

    /**
     * Adds a vector to every article still without one, restarts the search service with the model, lets
     * {@code merged} wait for the index's compaction and measures hybrid beside keyword search for each round.
     *
     * @throws IllegalStateException when an article is left without a vector, or the engine refuses an update
     */
    public void run(Budget.Rounds rounds, Results results, Runnable merged) throws Exception {
        mergeThreads(platform, SETUP_MERGE_THREADS);
        try {
            List<String> ids = articlesWithoutVector();
            if (!ids.isEmpty()) {
                addVectors(ids, results);
            }
            graphMergeWorkers(platform, SETUP_MERGE_THREADS);
            platform.platform().restart(Service.SEARCH, Map.of("SEARCH_VECTORS_ENABLED", "true",
                    "SEARCH_INDEX_COMPACTION_IDLE", compactionIdle.toSeconds() + "s"));
            merged.run();
        } finally {
            graphMergeWorkers(platform, null);
            mergeThreads(platform, null);
        }
        JsonNode docs = JsonHttp.getJson(platform.engineUrl() + "/" + BenchPlatform.SEARCH_ALIAS + "/_stats/docs")
                .path("_all").path("primaries").path("docs");
        results.note(String.format("hybrid at scale: the merged index holds %,d articles and %,d deleted documents",
                docs.path("count").asLong(), docs.path("deleted").asLong()));
        Awaitility.await("model loaded, every article with its vector").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500)).until(() -> platform.vectorStatus().path("state").asText()
                        .equals("complete"));
        measure(rounds, results, docs.path("count").asLong());
    }

    /**
     * Gives each listed article its random vector by a partial update, with the search service restarted without
     * the model (its backfill must not write vectors beside the benchmark's) and its compaction held off until the
     * engine may drop the versions the updates replace (Lucene's own merges go on).
     */
    private void addVectors(List<String> ids, Results results) throws Exception {
        platform.platform().restart(Service.SEARCH, Map.of("SEARCH_VECTORS_ENABLED", "false",
                "SEARCH_INDEX_COMPACTION_IDLE", "24h"));
        Console.say(String.format("hybrid: adding a random vector to each of %,d articles ...", ids.size()));
        double seconds = live.addRandomVectors(ids, SEED);
        long left = JsonHttp.postJson(platform.engineUrl() + "/" + BenchPlatform.SEARCH_ALIAS + "/_count",
                JsonHttp.JSON.createObjectNode().set("query", withoutVector())).path("count").asLong();
        if (left > 0) {
            throw new IllegalStateException(String.format("%,d articles were left without a vector", left));
        }
        awaitReplacedVersionsReleased();
        Console.say(String.format("hybrid: random vectors added in %.0f s", seconds));
        results.add(new Figure(GROUP, "vectors.hybrid-scale.vectors-added",
                "Hybrid at scale: random vectors added to every article",
                Measurement.of("platform", "articles/s", List.of(ids.size() / seconds)), null, null, String.format(
                        "%,d articles, a %d-dimension random unit vector each by partial _bulk updates (%d per"
                                + " request, %d in flight), %.0f s; not a pipeline figure, the set-up of the hybrid"
                                + " one",
                        ids.size(), TextEmbedder.DIMENSION, live.batchSize(), live.concurrency(), seconds)));
    }

    /**
     * Sets the live index's {@code index.merge.scheduler.max_thread_count} ({@code null}: back to the engine's
     * default, one thread on two cores): two while the phase writes and merges, so that the set-up's merges, each of
     * which builds an HNSW graph on one thread, use both cores; the default again before the figures.
     */
    private static void mergeThreads(BenchPlatform platform, Integer threads) {
        JsonHttp.putJson(platform.engineUrl() + "/" + BenchPlatform.SEARCH_ALIAS + "/_settings",
                setting(MERGE_THREADS, threads));
    }

    /**
     * Sets the engine's {@value #GRAPH_MERGE_WORKERS} ({@code null}: back to its default, 1): two from the writes to
     * the end of the forced merge, whose last merges run one at a time and would otherwise build a graph of most of
     * the index on one core (3,276 s at 1,000,000 articles). A merge keeps the workers it started with, and the
     * writes' large merges outlast them, so it is set before the writes. Not during the figures: in k-NN 2.19 every
     * segment writer made with more than one worker gets a thread pool of its own that is never shut down (k-NN
     * issue 3102), so the engine keeps one idle thread of each merge made meanwhile. Transient, so that an engine
     * restarted on the data of a run killed before its reset ({@code --keep-data}) has the default again.
     */
    private static void graphMergeWorkers(BenchPlatform platform, Integer workers) {
        JsonHttp.putJson(platform.engineUrl() + "/_cluster/settings",
                JsonHttp.JSON.createObjectNode().set("transient", setting(GRAPH_MERGE_WORKERS, workers)));
    }

    /** The settings body {@code {key: value}}; a null value sets the engine's default again. */
    private static ObjectNode setting(String key, Integer value) {
        ObjectNode body = JsonHttp.JSON.createObjectNode();
        return value == null ? body.putNull(key) : body.put(key, value);
    }

    private void measure(Budget.Rounds rounds, Results results, long articles) throws Exception {
        String warmedUp = HybridLoad.warmUp(mix, threads, List.of(platform.pid(Service.SEARCH), platform.enginePid(),
                ProcessHandle.current().pid())).describe();
        List<Double> hybridP50 = new ArrayList<>();
        List<Double> hybridP99 = new ArrayList<>();
        List<Double> keywordP50 = new ArrayList<>();
        List<Double> keywordP99 = new ArrayList<>();
        List<String> byQuery = new ArrayList<>();
        rounds.each(round -> {
            HybridLoad load = HybridLoad.run(mix, threads, searchDuration);
            byQuery.add("r" + round + ": " + load.byQuery(mix));
            hybridP50.add(load.hybrid().p50Millis());
            hybridP99.add(load.hybrid().p99Millis());
            keywordP50.add(load.keyword().p50Millis());
            keywordP99.add(load.keyword().p99Millis());
        });
        String how = String.format("%,d articles, each with a random unit vector; both modes %s; ", articles, warmedUp)
                + HybridLoad.how(mix, threads, searchDuration);
        results.add(new Figure(GROUP, "vectors.hybrid-scale.p50", "Hybrid at scale: latency p50",
                Measurement.of("mode=hybrid", "ms", hybridP50), Measurement.of("mode=keyword", "ms", keywordP50),
                Target.atMostTimesAnchor(1.5), how));
        results.add(new Figure(GROUP, "vectors.hybrid-scale.p99", "Hybrid at scale: latency p99",
                Measurement.of("mode=hybrid", "ms", hybridP99), Measurement.of("mode=keyword", "ms", keywordP99),
                Target.atMost(100, "ms"), "same runs. Latency by query, p50 / p99 in ms, mode=keyword | mode=hybrid: "
                        + String.join("; ", byQuery)));
        results.add(new Figure(GROUP, "vectors.hybrid-scale.rss", "Hybrid at scale: search-service RSS with the model",
                Measurement.of("platform", "MB", List.of(ProcessMemory.rssKilobytes(platform.pid(Service.SEARCH))
                        / 1024.0)), null, Target.atMost(400, "MB"), "VmRSS after the loads; -Xmx256m"));
    }

    /** Ids of the live index's articles without a vector (all of them, unless the vectors phase ran), by scroll. */
    private List<String> articlesWithoutVector() {
        // ids from doc values: reading _id would decompress each article's stored source
        ObjectNode body = SearchQueryBuilder.idsOnly(JsonHttp.JSON.createObjectNode().put("size", SCROLL_PAGE));
        body.set("query", withoutVector());
        body.putArray("sort").add("_doc");
        List<String> ids = new ArrayList<>();
        JsonNode page = JsonHttp.postJson(platform.engineUrl() + "/" + BenchPlatform.SEARCH_ALIAS
                + "/_search?scroll=2m", body);
        String scroll = page.path("_scroll_id").asText();
        while (page.path("hits").path("hits").size() > 0) {
            page.path("hits").path("hits").forEach(hit -> ids.add(SearchQueryBuilder.articleId(hit)));
            page = JsonHttp.postJson(platform.engineUrl() + "/_search/scroll",
                    JsonHttp.JSON.createObjectNode().put("scroll", "2m").put("scroll_id", scroll));
            scroll = page.path("_scroll_id").asText(scroll);
        }
        JsonHttp.send(JsonHttp.request(platform.engineUrl() + "/_search/scroll/" + scroll).DELETE().build());
        return ids;
    }

    /** The query for the articles without a vector, as the service's backfill finds them. */
    private static ObjectNode withoutVector() {
        ObjectNode query = JsonHttp.JSON.createObjectNode();
        query.putObject("bool").putArray("must_not").addObject().putObject("exists").put("field", VectorField.NAME);
        return query;
    }

    /**
     * Waits until the engine's retention leases have moved past every write: until then a merge keeps the versions
     * the updates replaced (soft deletes kept for replicas' recovery), and a merged segment would hold every article
     * twice, half of them deleted, its HNSW graph too (seen at 20,000 articles with a merge 30 s after the writes).
     */
    private void awaitReplacedVersionsReleased() {
        String stats = platform.engineUrl() + "/" + BenchPlatform.SEARCH_ALIAS + "/_stats?level=shards"
                + "&filter_path=indices.*.shards.*.seq_no.max_seq_no,indices.*.shards.*.retention_leases.leases";
        Awaitility.await("retention leases past the last write").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2)).until(() -> leasesPastLastWrite(JsonHttp.getJson(stats)));
    }

    /**
     * Whether every retention lease of every shard copy in a {@code _stats?level=shards} answer retains only
     * operations after the copy's last write ({@code retaining_seq_no > max_seq_no}); true without leases.
     */
    static boolean leasesPastLastWrite(JsonNode shardStats) {
        for (JsonNode index : shardStats.path("indices")) {
            for (JsonNode copies : index.path("shards")) {
                for (JsonNode copy : copies) {
                    long max = copy.path("seq_no").path("max_seq_no").asLong();
                    for (JsonNode lease : copy.path("retention_leases").path("leases")) {
                        if (lease.path("retaining_seq_no").asLong() <= max) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }
}
