package org.bulletinsearch.search.indexing;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.engine.SearchEngineRequestException;
import org.bulletinsearch.search.engine.SearchEngineUnavailableException;
import org.jboss.logging.Logger;

/**
 * Merges the searched index into one segment per shard once the engine has indexed nothing for a while
 * ({@code search.index.compaction.idle}).
 *
 * <p>Why: the engine's merge policy (Lucene's {@code TieredMergePolicy}: 10 segments per tier, tiers from 2 MB up)
 * leaves a growing index in many segments, and every search pays for each one. At 1,000,000 generated articles
 * (1.6 GB) it left 23; merged into one, the engine alone answered the benchmark's search mix 37 % faster (98.7 →
 * 135.5 req/s, p99 121 → 98 ms, means of four interleaved 30 s runs; bench README, item 11). A news archive is
 * written in bursts and read all the time, the case Lucene's maintainers name for merging harder than the default
 * (apache/lucene#14823). Merging only while nothing is written keeps the cost away from ingest.
 *
 * <p>One segment whatever the size: with a vector in every article the same million articles take 7.9 GB, and a
 * merge into one segment per 5 GB (the policy's largest merged segment) left 3, each with its own HNSW graph that
 * every nearest-vector search walks. Merged into one (by hand, the service at 4 clients over the hybrid phase's
 * queries, 30 s per run; bench README, hybrid section), hybrid p99 went from 117–122 to 85 ms and keyword's from
 * 101–109 to 81–82 ms, with a third more searches per second. The price: that merge took 28 minutes of two graph
 * workers (a later one of nine small segments into it 75 s), and the policy leaves a segment above its 5 GB out of
 * its own merges until it holds many deleted documents (the next quiet spell's forced merge takes it in again; an
 * archive deletes few articles).
 *
 * <p>Every {@link #period} one look asks the engine how many documents it has indexed and deleted in all
 * ({@code _stats/indexing} of every index but the system ones: writes by other replicas, a reindex or other
 * applications postpone the merge, so an engine that is never quiet is never asked to merge). After {@code idle}
 * without a change, when the primary shards of the alias's index have more than {@code above-segments} segments on
 * average, it asks for a forced merge into one segment per shard without waiting for it, once per quiet spell and
 * replica.
 */
@ApplicationScoped
public class IndexCompaction {

    private static final Logger LOG = Logger.getLogger(IndexCompaction.class);

    private final SearchEngine engine;
    private final IndexManager indexManager;
    private final IndexConfig.Compaction config;
    private final Counter compactions;
    private final QuietSpell spell;
    private BackgroundLoop loop;
    private boolean warned;

    public IndexCompaction(SearchEngine engine, IndexManager indexManager, IndexConfig config, MeterRegistry registry) {
        this.engine = engine;
        this.indexManager = indexManager;
        this.config = config.compaction();
        this.spell = new QuietSpell(this.config.idle().toNanos());
        this.compactions = Counter.builder("search.index.compactions")
                .description("Forced merges of the searched index asked after the engine was quiet")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.idle().isZero() || config.idle().isNegative()) {
            return;
        }
        Duration period = Duration.ofMillis(period(config.idle().toMillis()));
        loop = BackgroundLoop.start("index-compaction", this::look, period, period);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.close();
        }
    }

    /**
     * Milliseconds between two looks: a quarter of {@code idleMillis}, between 100 ms and 30 s. A quiet spell starts
     * at the first look after the last write and is seen to have lasted at the first look after {@code idle}, so the
     * merge is asked at most two periods (half the idle time) late.
     */
    static long period(long idleMillis) {
        return Math.min(30_000, Math.max(100, idleMillis / 4));
    }

    private void look() {
        try {
            if (spell.due(engineWrites(), System.nanoTime())) {
                compact();
                spell.done();
            }
        } catch (SearchEngineUnavailableException e) {
            LOG.debugf("index compaction: no answer from the engine (%s); asked again at the next look",
                    e.getMessage());
        } catch (SearchEngineRequestException e) {
            spell.done();
            if (!warned) {
                warned = true;
                LOG.warnf("index compaction: the engine refused (%s); the index keeps the segments it has",
                        e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("index compaction: look failed", e);
        }
    }

    /**
     * Documents indexed and deleted on the engine since it started, in every index but the system ones (named with a
     * leading dot): changes with any write of data. The engine's own {@code .tasks} index is written when a merge
     * asked without waiting ends, and must not count as a write, or each merge would start a new quiet spell.
     */
    private long engineWrites() {
        JsonNode indices = engine.send("GET", "/_stats/indexing", Map.of("level", "indices",
                "filter_path", "indices.*.total.indexing.index_total,indices.*.total.indexing.delete_total"), null)
                .path("indices");
        long writes = 0;
        for (Map.Entry<String, JsonNode> index : indices.properties()) {
            if (!index.getKey().startsWith(".")) {
                JsonNode indexing = index.getValue().path("total").path("indexing");
                writes += indexing.path("index_total").asLong() + indexing.path("delete_total").asLong();
            }
        }
        return writes;
    }

    /**
     * Asks the engine to merge each primary shard of the alias's index into one segment when the shards hold more
     * than {@code above-segments} each on average; returns at once, the merge runs on the engine's force-merge
     * thread.
     *
     * @return true when a merge was asked
     * @throws SearchEngineUnavailableException when the engine cannot be asked
     * @throws SearchEngineRequestException when the engine refuses (Elasticsearch knows {@code wait_for_completion}
     *         here since 8.1: elastic/elasticsearch#80463)
     */
    private boolean compact() {
        String index = indexManager.aliasTarget();
        if (index == null) {
            return false;
        }
        // A shard nobody searched for 30 s skips its scheduled refreshes, and its statistics would show old segments.
        engine.send("POST", "/" + index + "/_refresh", null);
        int shards = Math.max(1, engine.send("GET", "/" + index + "/_settings/index.number_of_shards", null)
                .path(index).path("settings").path("index").path("number_of_shards").asInt(1));
        int segments = engine.send("GET", "/" + index + "/_stats/segments",
                Map.of("filter_path", "_all.primaries.segments.count"), null)
                .path("_all").path("primaries").path("segments").path("count").asInt();
        if (segments <= (long) shards * Math.max(1, config.aboveSegments())) {
            return false;
        }
        engine.send("POST", "/" + index + "/_forcemerge",
                Map.of("max_num_segments", "1", "wait_for_completion", "false"), null);
        compactions.increment();
        LOG.infof("index %s: %d segments in %d shards after %s without writes; merging into one per shard", index,
                segments, shards, config.idle());
        return true;
    }
}
