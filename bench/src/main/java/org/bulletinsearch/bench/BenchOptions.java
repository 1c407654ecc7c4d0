package org.bulletinsearch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bulletinsearch.bench.results.Results;
import org.bulletinsearch.infra.Component;
import org.bulletinsearch.infra.HeapSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** Command-line options of {@code bench/run} (picocli); the defaults are the published benchmark. */
@Command(name = "bench/run", sortOptions = false, usageHelpWidth = 110,
        description = "Starts the packaged platform on this machine, measures every figure beside its anchor and"
                + " writes bench/results/latest.md and latest.json.")
public final class BenchOptions implements Callable<Integer> {

    static final List<String> PHASES = List.of("startup", "ingest", "large-upload", "freshness", "search", "catalog",
            "reindex", "field-cost", "ingest-fair", "stories", "vectors");
    /**
     * Phases run only when named: {@code hybrid} writes a vector into every article (alone, it writes its articles
     * with their vectors as raw {@code _bulk} instead of loading them through the platform), which takes minutes
     * per 100,000 articles here with the merges after it, and leaves the index and the search service's memory
     * larger for the run's end-of-run figures (disk, RSS).
     */
    static final List<String> ON_REQUEST = List.of("hybrid");
    /** Articles above which the hybrid phase gives the engine a larger heap ({@link #engineHeap()}). */
    static final int LARGE_VECTOR_INDEX = 500_000;
    /** The engine's heap for the hybrid phase above {@link #LARGE_VECTOR_INDEX} articles. */
    static final HeapSize LARGE_VECTOR_INDEX_HEAP = HeapSize.parse("1g");

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help") boolean help;

    @Option(names = "--rounds", paramLabel = "N", converter = Positive.class,
            description = "rounds per figure, time allowing (default 3)")
    int rounds = 3;

    @Option(names = "--articles", paramLabel = "N", converter = Positive.class,
            description = "articles per ingest round (default 100000)")
    int articles = 100_000;

    @Option(names = "--files", paramLabel = "N", converter = Positive.class, description = "files per ingest round (default 10)")
    int files = 10;

    @Option(names = "--threads", paramLabel = "N", converter = Positive.class,
            description = "client threads for search and catalog load (default 4)")
    int threads = 4;

    @Option(names = "--search-seconds", paramLabel = "S", converter = Positive.class,
            description = "measured seconds per search side and round (default 10)")
    int searchSeconds = 10;

    @Option(names = "--catalog-seconds", paramLabel = "S", converter = Positive.class,
            description = "measured seconds per catalog request type and round (default 5)")
    int catalogSeconds = 5;

    @Option(names = "--freshness-seconds", paramLabel = "S", converter = Positive.class,
            description = "offered-load seconds per freshness side and round (default 12)")
    int freshnessSeconds = 12;

    @Option(names = "--budget-minutes", paramLabel = "M",
            description = "stop adding rounds when the run would exceed this (default 25)")
    double budgetMinutes = 25;

    @Option(names = "--phases", split = ",", paramLabel = "PHASE", converter = Phase.class,
            description = "some of startup,ingest,large-upload,freshness,search,catalog,reindex,field-cost,ingest-fair,stories,vectors"
                    + " (default all of these; without ingest, the articles are loaded once, unmeasured), and hybrid"
                    + " (only when named: hybrid beside keyword search with a random vector in every article; alone, its"
                    + " articles are written with their vectors as raw _bulk)")
    Set<String> phases = new LinkedHashSet<>(PHASES);

    @Option(names = "--profile", description = "record JFR on the services and the engine during each phase"
            + " (bench/target/profiles; summarize with bench/jfr-summary FILE.jfr)")
    boolean profile;

    /** Extra JVM options for the three services, after the platform's own (an experiment knob). */
    List<String> serviceJvm = List.of();

    @Option(names = "--engine-search-threads", paramLabel = "N", converter = Positive.class,
            description = "threads of the engine's search pool (default one per processor, as the platform runs it;"
                    + " experiments)")
    Integer engineSearchThreads;

    @Option(names = "--engine-heap", paramLabel = "SIZE", converter = HeapSize.Converter.class,
            description = "the search engine's JVM heap, such as 1g (default 512m as the platform runs it; 1g when"
                    + " the hybrid phase runs on more than 500000 articles)")
    HeapSize engineHeap;

    @Option(names = "--seed", paramLabel = "N", description = "generator seed (default 42)")
    long seed = 42;

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default bench/results)")
    Path out = Path.of("bench/results");

    @Option(names = "--keep-data", description = "keep bench/target/work (platform data, logs, corpus) afterwards")
    boolean keepData;

    @Option(names = "--no-readme", description = "do not update the table in bench/README.md")
    boolean noReadme;

    @Option(names = "--reuse-data", description = "only with --phases hybrid: search the articles a run with"
            + " --keep-data left in bench/target/work instead of writing them again (minutes instead of about 90 at"
            + " 1000000 articles); --articles must say how many it holds, and its index must have this code's"
            + " mapping version; the data is kept again")
    boolean reuseData;

    int uploaders = 2;
    int bulkConcurrency = 2;
    int warmupSeconds = 2;

    @Option(names = "--service-jvm", paramLabel = "\"OPTS\"", description = "extra JVM options for the three services,"
            + " after the platform's -Xms32m -Xmx256m -XX:+UseSerialGC (experiments; not a standard run)")
    void serviceJvm(String options) {
        serviceJvm = List.of(options.trim().split("\\s+"));
    }

    @Option(names = "--quick", description = "a smoke run: 20000 articles, 1 round, short load phases")
    void quick(boolean quick) {
        if (quick) {
            articles = 20_000;
            files = 4;
            rounds = 1;
            searchSeconds = 5;
            catalogSeconds = 3;
            freshnessSeconds = 10;
            warmupSeconds = 1;
        }
    }

    /** Runs the benchmark from the repository root; 0 when every phase completed, 1 otherwise. */
    @Override
    public Integer call() {
        if (articles % files != 0) {
            throw new ParameterException(spec.commandLine(), "--articles must be a multiple of --files");
        }
        if (reuseData && !phases.equals(Set.of("hybrid"))) {
            throw new ParameterException(spec.commandLine(), "--reuse-data needs --phases hybrid: the other phases"
                    + " measure writes or need the articles loaded through the platform");
        }
        Path root = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(root.resolve("bench")) || !Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new ParameterException(spec.commandLine(), "run from the repository root (bench/run does that)");
        }
        if (reuseData && !Files.isDirectory(root.resolve(BenchmarkRunner.PLATFORM_DATA))) {
            throw new ParameterException(spec.commandLine(), "--reuse-data: no kept data in "
                    + BenchmarkRunner.PLATFORM_DATA + "; run once with --phases hybrid --keep-data");
        }
        String command = ("bench/run " + String.join(" ", spec.commandLine().getParseResult().originalArgs())).strip();
        return BenchmarkRunner.run(this, root, command) ? 0 : 1;
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** Whether this is the published configuration (only then does the README table change). */
    boolean isStandard() {
        BenchOptions defaults = new BenchOptions();
        return rounds == defaults.rounds && articles == defaults.articles && files == defaults.files
                && threads == defaults.threads && searchSeconds == defaults.searchSeconds
                && catalogSeconds == defaults.catalogSeconds && freshnessSeconds == defaults.freshnessSeconds
                && phases.equals(defaults.phases) && !profile && serviceJvm.isEmpty() && engineHeap == null;
    }

    /**
     * The engine's heap: {@code --engine-heap}, else the platform's 512 MB, else 1 GB for the hybrid phase above
     * {@value #LARGE_VECTOR_INDEX} articles. Merging the vector index into one segment builds its HNSW graph on the
     * heap: at 1,000,000 articles that filled 512 MB for five minutes (23 full collections, requests refused by the
     * parent circuit breaker; bench/results/hybrid-one-segment-1m-2026-12-07.md).
     */
    HeapSize engineHeap() {
        if (engineHeap != null) {
            return engineHeap;
        }
        return runs("hybrid") && articles > LARGE_VECTOR_INDEX ? LARGE_VECTOR_INDEX_HEAP
                : Component.SEARCH_ENGINE.defaultHeap();
    }

    Duration budget() {
        return Duration.ofSeconds(Math.round(budgetMinutes * 60));
    }

    void record(Results results) {
        results.setting("rounds", rounds);
        results.setting("articlesPerIngestRound", articles);
        results.setting("filesPerIngestRound", files);
        results.setting("concurrentUploads", uploaders);
        results.setting("rawBulkInFlight", bulkConcurrency);
        results.setting("clientThreads", threads);
        results.setting("searchSeconds", searchSeconds);
        results.setting("catalogSeconds", catalogSeconds);
        results.setting("freshnessSeconds", freshnessSeconds);
        results.setting("warmupSeconds", warmupSeconds);
        results.setting("seed", seed);
        results.setting("phases", String.join("+", phases));
        results.setting("profiling", profile);
        if (reuseData) {
            results.setting("reuseData", true);
        }
        results.setting("engineHeap", engineHeap().text());
        if (engineSearchThreads != null) {
            results.setting("engineSearchThreads", engineSearchThreads);
        }
        if (!serviceJvm.isEmpty()) {
            results.setting("extraServiceJvmOptions", String.join(" ", serviceJvm));
        }
    }

    /** A count that must be at least 1. */
    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int parsed = Integer.parseInt(value);
            if (parsed <= 0) {
                throw new TypeConversionException("needs a positive number, got '" + value + "'");
            }
            return parsed;
        }
    }

    /** One of {@link #PHASES} or {@link #ON_REQUEST}. */
    static final class Phase implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!PHASES.contains(value.strip()) && !ON_REQUEST.contains(value.strip())) {
                throw new TypeConversionException("unknown phase '" + value + "'; known: " + PHASES + " and "
                        + ON_REQUEST);
            }
            return value.strip();
        }
    }
}
