package org.bulletinsearch.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import org.bulletinsearch.bench.BenchPlatform;
import org.bulletinsearch.bench.Budget;
import org.bulletinsearch.bench.corpus.Corpus;
import org.bulletinsearch.bench.corpus.Corpus.BulletinFile;
import org.bulletinsearch.bench.profile.FlightRecorder;
import org.bulletinsearch.bench.resources.ComponentCpu;
import org.bulletinsearch.bench.resources.RssSampler;
import org.bulletinsearch.bench.results.Figure;
import org.bulletinsearch.bench.results.Measurement;
import org.bulletinsearch.bench.results.Results;
import org.bulletinsearch.bench.results.Target;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.platform.Console;
import org.bulletinsearch.platform.Service;
import org.bulletinsearch.platform.client.JsonHttp;
import org.bulletinsearch.platform.client.Upload;

/**
 * Figure 1, ingest throughput: N generated articles uploaded as files (several uploads at a time)
 * until all are searchable, beside the same documents sent with {@code _bulk} straight into an index
 * with the same definition, and the same events produced straight to Kafka. Each round uses new
 * articles, in this order: Kafka anchor, engine anchor, platform.
 */
public final class IngestBenchmark {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    /** The slowest rate a round may take before it counts as failed: 300 articles/s, 10 minutes at least. */
    private static final int SLOWEST_ARTICLES_PER_SECOND = 300;
    private static final int WARM_UP_ARTICLES = 20_000;
    /** The fair phase's anchor index, a clone of the live one per raw run ({@link #rawBulkRound}). */
    private static final String FAIR_ANCHOR_INDEX = "bench-fair-raw-articles";
    /** Longest wait for earlier runs' stories before a pipeline run ({@link #settleStories}). */
    private static final Duration STORY_WAIT = Duration.ofMinutes(10);

    private final BenchPlatform platform;
    private final Corpus corpus;
    private final RssSampler rss;
    private final FlightRecorder jfr;
    private final int articles;
    private final int files;
    private final int uploaders;
    private final RawBulk rawBulk;
    private final RawKafkaProduce rawKafka;

    private final List<Double> searchable = new ArrayList<>();
    private final List<Double> accepted = new ArrayList<>();
    private final List<Double> catalogued = new ArrayList<>();
    private final List<Double> bulk = new ArrayList<>();
    private final List<Double> kafka = new ArrayList<>();
    private final Map<Service, List<Double>> rssPeaks = new EnumMap<>(Service.class);
    private final List<String> articleIds = new ArrayList<>();
    private final List<String> sourceNames = new ArrayList<>();
    private Duration lastRound = Duration.ZERO;
    private final ComponentCpu cpu;
    private final List<String> cpuNotes = new ArrayList<>();

    /** Rounds of {@code articles} articles in {@code files} files, {@code uploaders} uploads at a time. */
    public IngestBenchmark(BenchPlatform platform, Corpus corpus, RssSampler rss, FlightRecorder jfr, int articles,
            int files, int uploaders, int bulkConcurrency) {
        this.platform = platform;
        this.corpus = corpus;
        this.rss = rss;
        this.jfr = jfr;
        this.articles = articles;
        this.files = files;
        this.uploaders = uploaders;
        this.rawBulk = new RawBulk(platform.engineUrl(), 1000, bulkConcurrency);
        this.rawKafka = new RawKafkaProduce(platform.platform().infrastructure().kafkaBootstrapServers());
        this.cpu = new ComponentCpu(platform::components);
        for (Service service : Service.values()) {
            rssPeaks.put(service, new ArrayList<>());
        }
    }

    /** Ids of every article the rounds stored, for the catalog figure. */
    public List<String> articleIds() {
        return articleIds;
    }

    /** Source names of the uploaded files, for search filters. */
    public List<String> sourceNames() {
        return sourceNames;
    }

    /** Takes the source names of articles an earlier run loaded ({@code --reuse-data}), for search filters. */
    public void sourcesKept(List<String> names) {
        sourceNames.clear();
        sourceNames.addAll(names);
    }

    /** The engine anchor, shared with the freshness figure. */
    public RawBulk rawBulk() {
        return rawBulk;
    }

    /** Raw {@code _bulk} rates (articles/s) of the rounds measured so far, the anchor of other figures too. */
    public List<Double> rawBulkRates() {
        return List.copyOf(bulk);
    }

    /** Rounds measured so far. */
    public int rounds() {
        return searchable.size();
    }

    /**
     * Further measured rounds while the budget allows (the first round is {@link #round}, run early so
     * that figures 2-4 see about {@code articles} articles).
     */
    public void moreRounds(Budget.Rounds rounds) throws Exception {
        if (rounds() > 0) { // else the first round failed: its failure is in the notes already
            rounds.after(rounds(), lastRound, round -> round(round, true));
        }
    }

    /**
     * Articles through every path, untimed: the first measured round should not pay for the JIT of the
     * benchmark's clients nor of services the start-up figure has just restarted. 3,000 were too few:
     * the profiles of the first round then showed each service spending 15-18 s of CPU in the JIT
     * compiler, a third of what the engine needed for the whole round, which the raw anchor never pays.
     */
    public void warmUp() throws Exception {
        BulletinFile file = corpus.warmUpFile(WARM_UP_ARTICLES);
        List<ArticleEvent> events = file.events(UUID.randomUUID().toString(), Instant.now());
        rawKafka.produce(events);
        rawBulk.index(events);
        long engineBase = platform.engineCount(BenchPlatform.SEARCH_ALIAS);
        long catalogBase = platform.catalogTotal();
        Upload upload = platform.client().upload(file.path());
        if (!upload.accepted()) {
            throw new IllegalStateException("warm-up upload refused: HTTP " + upload.status() + " " + upload.refusal());
        }
        BenchPlatform.awaitAtLeast(() -> platform.engineCount(BenchPlatform.SEARCH_ALIAS), engineBase + events.size(),
                Duration.ofMillis(200), TIMEOUT);
        BenchPlatform.awaitAtLeast(platform::catalogTotal, catalogBase + events.size(), Duration.ofMillis(500), TIMEOUT);
        Console.say("ingest: warmed up with " + events.size() + " articles");
    }

    /**
     * The engine's own statistics, best effort: documents indexed into an index and the time the engine
     * spent indexing them, its refreshes and merges, and write tasks (one per shard-level _bulk) done on the node.
     */
    private record BulkStats(long writes, long millis, long docs, long refreshes, long mergeMillis) {
        static BulkStats of(BenchPlatform platform, String index) {
            try {
                JsonNode primaries = JsonHttp.getJson(platform.engineUrl() + "/" + index + "/_stats/indexing,refresh,merge")
                        .path("_all").path("primaries");
                JsonNode indexing = primaries.path("indexing");
                long writes = 0;
                for (JsonNode node : JsonHttp.getJson(platform.engineUrl() + "/_nodes/stats/thread_pool").path("nodes")) {
                    writes += node.path("thread_pool").path("write").path("completed").asLong();
                }
                return new BulkStats(writes, indexing.path("index_time_in_millis").asLong(), indexing.path("index_total").asLong(),
                        primaries.path("refresh").path("total").asLong(), primaries.path("merges").path("total_time_in_millis").asLong());
            } catch (RuntimeException e) {
                return null;
            }
        }

        static String since(BulkStats before, BulkStats after, double wallSeconds) {
            if (before == null || after == null) {
                return "engine statistics not available";
            }
            long writes = after.writes - before.writes;
            long docs = after.docs - before.docs;
            double busy = (after.millis - before.millis) / 1000.0;
            return String.format("%d write tasks (shard _bulk) of %.0f documents on average; engine indexing time %.1f s in %.1f s;"
                    + " %d refreshes, merging %.1f s", writes, writes == 0 ? 0.0 : docs / (double) writes, busy, wallSeconds,
                    after.refreshes - before.refreshes, (after.mergeMillis - before.mergeMillis) / 1000.0);
        }
    }

    /** Lets the engine finish merging what the previous measurement wrote. */
    private void settle(String when, int round) {
        double waited = platform.awaitEngineIdle(Duration.ofMinutes(2));
        if (waited > 1) {
            Console.say(String.format("ingest round %d: waited %.1f s for the engine's merges %s", round, waited, when));
        }
    }

    /**
     * Lets the catalog group earlier runs' articles into stories first (at most {@link #STORY_WAIT}): that
     * background work runs on the same CPUs as the pipeline and would slow this run, while the raw runs it is
     * compared with do not pay for it. Call it only with grouping on (with it off nothing is ever grouped).
     */
    public void settleStories(int round) {
        long pending = platform.articlesAwaitingStory();
        if (pending > 0) {
            double waited = platform.awaitStoriesGrouped(STORY_WAIT);
            Console.say(waited < 0
                    ? String.format("ingest round %d: %,d earlier articles still waited for their story after %d min", round,
                            platform.articlesAwaitingStory(), STORY_WAIT.toMinutes())
                    : String.format("ingest round %d: waited %.1f s for %,d earlier articles to be grouped", round, waited, pending));
        }
    }

    /** One round: new articles; with anchors, Kafka and engine first, then the platform. */
    public void round(int round, boolean measureAnchors) throws Exception {
        long roundStart = System.nanoTime();
        List<BulletinFile> bulletins = corpus.ingestRound(round, articles, files);
        bulletins.forEach(f -> sourceNames.add(f.sourceName()));
        if (measureAnchors) {
            // Both cores: the ids are SHA-256 over normalized text, the slowest part of preparing a round.
            Instant now = Instant.now();
            List<ArticleEvent> events = bulletins.parallelStream()
                    .flatMap(file -> file.events(UUID.randomUUID().toString(), now).stream()).toList();
            events.forEach(e -> articleIds.add(e.articleId()));
            settle("before the Kafka anchor", round);
            double produced = rawKafka.produce(events);
            kafka.add(articles / produced);
            Console.say(String.format("ingest round %d: raw Kafka produce %.0f articles/s (%.1f s)", round, articles / produced, produced));
            bulk.add(timedRawBulk(rawBulk, round, events, cpuNotes));
        } else {
            recordIds(bulletins);
        }
        settleStories(round);
        settle("before the platform", round);
        PipelineRates rates = endToEnd(round, bulletins, cpuNotes);
        accepted.add(rates.accepted());
        searchable.add(rates.searchable());
        if (rates.catalogued() > 0) {
            catalogued.add(rates.catalogued());
        }
        lastRound = Duration.ofNanos(System.nanoTime() - roundStart);
    }

    /**
     * Round 1's articles written by {@code sender} straight into its index, one {@code _bulk} series per file,
     * instead of through the platform (the hybrid phase's set-up when no other phase needs the pipeline's data:
     * {@link RawBulk#withRandomVectors} gives each article its vector when it is first written). Records the
     * articles' ids and source names as a round does; the catalog stays empty.
     *
     * @return the seconds taken, refreshes included
     */
    public double rawLoad(RawBulk sender) throws Exception {
        List<BulletinFile> bulletins = corpus.ingestRound(1, articles, files);
        bulletins.forEach(f -> sourceNames.add(f.sourceName()));
        double seconds = 0;
        Instant now = Instant.now();
        for (BulletinFile file : bulletins) {
            List<ArticleEvent> events = file.events(UUID.randomUUID().toString(), now);
            events.forEach(e -> articleIds.add(e.articleId()));
            seconds += sender.index(events);
        }
        return seconds;
    }

    /**
     * Rates of one round through the platform, in articles/s.
     *
     * @param accepted   from the first byte sent until the last 202
     * @param searchable until the engine counts every article
     * @param catalogued until the catalog holds every article (0 when not seen within the timeout)
     */
    public record PipelineRates(double accepted, double searchable, double catalogued) {
    }

    /**
     * {@code articles} new articles of corpus round {@code round} uploaded as in figure 1, for another figure: not
     * counted in figure 1.
     *
     * @param notes where the round's CPU by component goes
     */
    public PipelineRates pipelineRound(int round, List<String> notes) throws Exception {
        List<BulletinFile> bulletins = corpus.ingestRound(round, articles, files);
        recordIds(bulletins);
        settle("before the platform", round);
        return endToEnd(round, bulletins, notes);
    }

    /**
     * The same {@code articles} new articles of corpus round {@code round} as raw {@code _bulk}, for another figure,
     * into a clone of the live index taken now ({@link RawBulk#cloneOfLive}) and deleted afterwards: a pipeline run
     * that follows (nothing writes in between) starts from the same documents and segments.
     *
     * @param notes where the run's CPU by component goes
     * @return articles/s until refreshed
     */
    public double rawBulkRound(int round, List<String> notes) throws Exception {
        Instant now = Instant.now();
        List<ArticleEvent> events = corpus.ingestRound(round, articles, files).parallelStream()
                .flatMap(file -> file.events(UUID.randomUUID().toString(), now).stream()).toList();
        settle("before cloning the live index", round); // the clone takes the last commit: no merge may be running
        RawBulk sameStart = rawBulk.cloneOfLive(FAIR_ANCHOR_INDEX);
        try {
            settle("before raw _bulk", round);
            return timedRawBulk(sameStart, round, events, notes);
        } finally {
            sameStart.delete();
        }
    }

    /** The events as raw {@code _bulk} into {@code sender}'s index, its CPU by component to {@code notes}; articles/s. */
    private double timedRawBulk(RawBulk sender, int round, List<ArticleEvent> events, List<String> notes) throws Exception {
        sender.ensureIndex();
        Map<String, Double> before = cpu.snapshot();
        BulkStats bulkBefore = BulkStats.of(platform, sender.indexName());
        double seconds = sender.index(events);
        notes.add("round " + round + " raw _bulk: " + ComponentCpu.describe(ComponentCpu.used(before, cpu.snapshot()), seconds)
                + "; " + BulkStats.since(bulkBefore, BulkStats.of(platform, sender.indexName()), seconds));
        Console.say(String.format("ingest round %d: raw _bulk %.0f articles/s (%.1f s)", round, events.size() / seconds, seconds));
        return events.size() / seconds;
    }

    /** The ids of a round's articles, for the catalog figure (hashing only: no upload id or time needed). */
    private void recordIds(List<BulletinFile> bulletins) {
        bulletins.parallelStream().flatMap(file -> file.events("id-only", Instant.EPOCH).stream())
                .map(ArticleEvent::articleId).toList().forEach(articleIds::add);
    }

    /** How long a round may take: grows with {@code --articles}, so that a 1M-article round is not cut off. */
    private Duration roundTimeout() {
        Duration scaled = Duration.ofSeconds(articles / SLOWEST_ARTICLES_PER_SECOND);
        return scaled.compareTo(TIMEOUT) > 0 ? scaled : TIMEOUT;
    }

    /** Articles per round. */
    public int articles() {
        return articles;
    }

    /** When the platform's part of a round ended each way, from the first byte sent. */
    private record Timings(List<Upload> uploads, long start, long searchableAt, long cataloguedAt, Map<String, Double> peaks) {
    }

    private PipelineRates endToEnd(int round, List<BulletinFile> bulletins, List<String> notes) throws Exception {
        long catalogBase = platform.catalogTotal();
        Timings timings = uploadAndWatch(round, bulletins, notes);
        int acceptedArticles = 0;
        long lastAccepted = timings.start();
        List<String> uploadIds = new ArrayList<>();
        for (Upload upload : timings.uploads()) {
            if (!upload.accepted()) {
                throw new IllegalStateException("upload refused: HTTP " + upload.status() + " " + upload.refusal());
            }
            acceptedArticles += upload.articleCount();
            lastAccepted = Math.max(lastAccepted, upload.answeredNanos());
            uploadIds.add(upload.uploadId());
        }
        if (acceptedArticles != articles) {
            throw new IllegalStateException("the uploads reported " + acceptedArticles + " articles, not " + articles);
        }
        if (platform.catalogTotal() < catalogBase + articles) {
            throw new IllegalStateException("GET /articles does not count the round's " + articles + " articles");
        }
        if (timings.searchableAt() < 0) {
            throw new IllegalStateException("not all " + articles + " articles searchable within " + roundTimeout().toMinutes() + " min");
        }
        long viaSearch = platform.searchTotal(uploadIds);
        if (viaSearch != articles) {
            throw new IllegalStateException("GET /search with the round's uploadIds finds " + viaSearch + ", not " + articles);
        }
        double toAccepted = articles / ((lastAccepted - timings.start()) / 1e9);
        double toSearchable = articles / ((timings.searchableAt() - timings.start()) / 1e9);
        double toCatalogued = timings.cataloguedAt() > 0 ? articles / ((timings.cataloguedAt() - timings.start()) / 1e9) : 0;
        for (Service service : Service.values()) {
            Double peak = timings.peaks().get(service.module());
            if (peak != null) {
                rssPeaks.get(service).add(peak);
            }
        }
        Console.say(String.format("ingest round %d: platform: all 202 at %.0f articles/s, searchable at %.0f articles/s,"
                + " in catalog at %.0f articles/s (RSS peaks %s)", round, toAccepted, toSearchable, toCatalogued, timings.peaks()));
        return new PipelineRates(toAccepted, toSearchable, toCatalogued);
    }

    /** Uploads the round's files a few at a time while watching the engine and the catalog fill. */
    private Timings uploadAndWatch(int round, List<BulletinFile> bulletins, List<String> notes) throws Exception {
        long engineBase = platform.engineCount(BenchPlatform.SEARCH_ALIAS);
        ExecutorService uploading = Executors.newFixedThreadPool(uploaders);
        try (RssSampler.Window window = rss.open();
                var recording = jfr.start("ingest-r" + round, platform.pidsWithEngine())) {
            Map<String, Double> cpuBefore = cpu.snapshot();
            BulkStats bulkBefore = BulkStats.of(platform, BenchPlatform.SEARCH_ALIAS);
            long start = System.nanoTime();
            List<Future<Upload>> sent = new ArrayList<>();
            BlockingQueue<Upload> acceptedUploads = new LinkedBlockingQueue<>();
            for (BulletinFile file : bulletins) {
                sent.add(uploading.submit(() -> {
                    Upload upload = platform.client().upload(file.path());
                    if (upload.accepted()) {
                        acceptedUploads.add(upload);
                    }
                    return upload;
                }));
            }
            CompletableFuture<Long> searchWatch = CompletableFuture.supplyAsync(() -> BenchPlatform.awaitAtLeast(
                    () -> platform.engineCount(BenchPlatform.SEARCH_ALIAS), engineBase + articles, Duration.ofMillis(100), roundTimeout()));
            CompletableFuture<Long> catalogWatch = CompletableFuture.supplyAsync(() -> platform.awaitCatalogued(
                    acceptedUploads, bulletins.size(), Duration.ofMillis(250), roundTimeout()));
            List<Upload> uploads = new ArrayList<>();
            for (Future<Upload> upload : sent) {
                uploads.add(upload.get());
            }
            long searchableAt = searchWatch.join();
            long cataloguedAt = catalogWatch.join();
            double wall = (System.nanoTime() - start) / 1e9;
            notes.add("round " + round + " platform: " + ComponentCpu.describe(ComponentCpu.used(cpuBefore, cpu.snapshot()), wall)
                    + "; " + BulkStats.since(bulkBefore, BulkStats.of(platform, BenchPlatform.SEARCH_ALIAS), wall));
            return new Timings(uploads, start, searchableAt, cataloguedAt, window.peakMegabytes());
        } finally {
            uploading.shutdown();
        }
    }

    /** Figure 1 and the RSS peaks during its rounds. */
    public void report(Results results) {
        String sizes = String.format("%,d generated articles per round in %d files of %,d, uploaded %d at a time", articles,
                files, articles / files, uploaders);
        results.add(new Figure("1 Ingest", "ingest.searchable", String.format("Ingest: upload → searchable, %,d articles", articles),
                Measurement.of("platform", "articles/s", searchable), Measurement.of("raw _bulk", "articles/s", bulk),
                Target.atLeastTimesAnchor(0.7),
                sizes + "; from the first byte sent until GET /articles/_count on the engine (the alias /search reads, polled"
                        + " every 100 ms) shows them all, confirmed by GET /search with the uploadIds. Anchor: the same documents"
                        + " as _bulk requests of " + rawBulk.batchSize() + ", " + rawBulk.concurrency() + " in flight, into"
                        + " an index with the live index's settings and mapping, ending with a _refresh. The platform also"
                        + " runs Kafka, the catalog (PostgreSQL) and the ingest service on the same 2 cores. CPU by component"
                        + " (where the time goes): " + String.join("; ", cpuNotes)));
        results.add(new Figure("1 Ingest", "ingest.accepted", "Ingest: upload → accepted (all 202s)",
                Measurement.of("platform", "articles/s", accepted), Measurement.of("raw Kafka produce", "articles/s", kafka),
                null,
                "until the last 202: parsing, validation, one Kafka transaction per upload. Anchor: the same events"
                        + " (same codec) to a topic of " + rawKafka.partitions() + " partitions with one producer, acks=all,"
                        + " idempotent, ingest's linger/batch/lz4 settings, no transaction"));
        results.add(new Figure("1 Ingest", "ingest.catalogued", "Ingest: upload → in the catalog",
                Measurement.of("platform", "articles/s", catalogued), null, null,
                "until GET /uploads/{uploadId} reports all of every upload (polled every 250 ms), confirmed by the"
                        + " total of GET /articles"));
        for (Service service : Service.values()) {
            results.add(new Figure("5 Resources", service.module() + ".rss.ingest", service.module() + ": RSS under ingest load (peak)",
                    Measurement.of("platform", "MB", rssPeaks.get(service)), null, null,
                    "VmRSS sampled every 250 ms while a round of figure 1 runs"));
        }
    }
}
