package org.bulletinsearch.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bulletinsearch.bench.results.Results;

/** Command-line options of {@code bench/run}; the defaults are the published benchmark. */
public final class BenchOptions {

    static final List<String> PHASES = List.of("startup", "ingest", "large-upload", "freshness", "search", "catalog");

    int rounds = 3;
    int articles = 100_000;
    int files = 10;
    int uploaders = 2;
    int bulkConcurrency = 2;
    int threads = 4;
    int searchSeconds = 10;
    int catalogSeconds = 5;
    int freshnessSeconds = 12;
    int warmupSeconds = 2;
    double budgetMinutes = 14.5;
    long seed = 42;
    boolean profile;
    /** Extra JVM options for the three services, after the platform's own (an experiment knob). */
    List<String> serviceJvm = List.of();
    boolean keepData;
    boolean updateReadme = true;
    Path out = Path.of("bench/results");
    Set<String> phases = new LinkedHashSet<>(PHASES);

    static final String USAGE = """
            usage: bench/run [options]
              --rounds=N             rounds per figure, time allowing (default 3)
              --articles=N           articles per ingest round (default 100000)
              --files=N              files per ingest round (default 10)
              --threads=N            client threads for search and catalog load (default 4)
              --search-seconds=S     measured seconds per search side and round (default 10)
              --catalog-seconds=S    measured seconds per catalog request type and round (default 5)
              --freshness-seconds=S  offered-load seconds per freshness side and round (default 12)
              --budget-minutes=M     stop adding rounds when the run would exceed this (default 14.5)
              --phases=a,b,...       some of startup,ingest,large-upload,freshness,search,catalog (default all;
                                     without ingest, the articles are loaded once, unmeasured)
              --profile              record JFR on the services and the engine during each phase
                                     (bench/target/profiles; summarize with bench/jfr-summary FILE.jfr)
              --service-jvm="OPTS"   extra JVM options for the three services, after the platform's
                                     -Xms32m -Xmx256m -XX:+UseSerialGC (experiments; not a standard run)
              --quick                a smoke run: 20000 articles, 1 round, short load phases
              --seed=N               generator seed (default 42)
              --out=DIR              results folder (default bench/results)
              --keep-data            keep bench/target/work (platform data, logs, corpus) afterwards
              --no-readme            do not update the table in bench/README.md
            """;

    static BenchOptions parse(String[] args) {
        BenchOptions options = new BenchOptions();
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--rounds" -> options.rounds = positive(name, value);
                case "--articles" -> options.articles = positive(name, value);
                case "--files" -> options.files = positive(name, value);
                case "--threads" -> options.threads = positive(name, value);
                case "--search-seconds" -> options.searchSeconds = positive(name, value);
                case "--catalog-seconds" -> options.catalogSeconds = positive(name, value);
                case "--freshness-seconds" -> options.freshnessSeconds = positive(name, value);
                case "--budget-minutes" -> options.budgetMinutes = Double.parseDouble(value);
                case "--seed" -> options.seed = Long.parseLong(value);
                case "--out" -> options.out = Path.of(value);
                case "--profile" -> options.profile = true;
                case "--service-jvm" -> options.serviceJvm = List.of(value.trim().split("\\s+"));
                case "--keep-data" -> options.keepData = true;
                case "--no-readme" -> options.updateReadme = false;
                case "--quick" -> {
                    options.articles = 20_000;
                    options.files = 4;
                    options.rounds = 1;
                    options.searchSeconds = 5;
                    options.catalogSeconds = 3;
                    options.freshnessSeconds = 10;
                    options.warmupSeconds = 1;
                }
                case "--phases" -> {
                    options.phases = new LinkedHashSet<>();
                    for (String phase : value.split(",")) {
                        if (!PHASES.contains(phase.strip())) {
                            throw new IllegalArgumentException("unknown phase '" + phase + "'; known: " + PHASES);
                        }
                        options.phases.add(phase.strip());
                    }
                }
                case "--help", "-h" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (options.articles % options.files != 0) {
            throw new IllegalArgumentException("--articles must be a multiple of --files");
        }
        return options;
    }

    private static int positive(String name, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(name + " needs a positive number, got '" + value + "'");
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
                && phases.equals(defaults.phases) && !profile && serviceJvm.isEmpty();
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
        if (!serviceJvm.isEmpty()) {
            results.setting("extraServiceJvmOptions", String.join(" ", serviceJvm));
        }
    }
}
