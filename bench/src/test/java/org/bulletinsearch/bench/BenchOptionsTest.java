package org.bulletinsearch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.bulletinsearch.infra.HeapSize;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bench/run}'s options as bench/run and bench/README.md document them, parsed only. */
class BenchOptionsTest {

    private static BenchOptions parse(String... args) {
        BenchOptions options = new BenchOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void theDefaultsAreThePublishedBenchmark() {
        BenchOptions options = parse();
        assertThat(options.isStandard()).isTrue();
        assertThat(options.rounds).isEqualTo(3);
        assertThat(options.articles).isEqualTo(100_000);
        assertThat(options.phases).containsExactlyElementsOf(BenchOptions.PHASES);
        assertThat(options.budget().toSeconds()).isEqualTo(1500);
        assertThat(options.noReadme).isFalse();
    }

    @Test
    void theHybridPhaseRunsOnlyWhenNamed() {
        assertThat(parse().runs("hybrid")).isFalse();

        BenchOptions options = parse("--phases=search,hybrid");

        assertThat(options.phases).containsExactly("search", "hybrid");
        assertThat(options.runs("hybrid")).isTrue();
    }

    @Test
    void everyDocumentedOptionIsRead() {
        BenchOptions options = parse("--rounds=2", "--articles=5000", "--files=5", "--threads=8", "--search-seconds=3",
                "--catalog-seconds=4", "--freshness-seconds=6", "--budget-minutes=1.5", "--phases=search,ingest",
                "--profile", "--service-jvm=-XX:+UseG1GC  -Xss512k", "--seed=7", "--out=/tmp/r", "--keep-data", "--no-readme");

        assertThat(List.of(options.rounds, options.articles, options.files, options.threads, options.searchSeconds,
                options.catalogSeconds, options.freshnessSeconds)).containsExactly(2, 5000, 5, 8, 3, 4, 6);
        assertThat(options.budget().toSeconds()).isEqualTo(90);
        assertThat(options.phases).containsExactly("search", "ingest");
        assertThat(options.runs("catalog")).isFalse();
        assertThat(options.serviceJvm).containsExactly("-XX:+UseG1GC", "-Xss512k");
        assertThat(options.seed).isEqualTo(7);
        assertThat(options.out).isEqualTo(Path.of("/tmp/r"));
        assertThat(options.profile && options.keepData && options.noReadme).isTrue();
        assertThat(options.isStandard()).isFalse();
    }

    @Test
    void theEngineGetsThePlatformsHeapUnlessAMillionVectorsMustBeMerged() {
        assertThat(parse().engineHeap()).isEqualTo(HeapSize.parse("512m"));
        assertThat(parse("--phases=hybrid", "--articles=500000").engineHeap()).isEqualTo(HeapSize.parse("512m"));
        assertThat(parse("--phases=hybrid", "--articles=1000000").engineHeap()).isEqualTo(HeapSize.parse("1g"));
        assertThat(parse("--articles=1000000").engineHeap()).isEqualTo(HeapSize.parse("512m"));

        BenchOptions given = parse("--engine-heap=768M");
        assertThat(given.engineHeap()).isEqualTo(HeapSize.parse("768m"));
        assertThat(given.isStandard()).isFalse();
    }

    @Test
    void keptDataIsReusedOnlyByTheHybridPhase() {
        assertThat(parse().reuseData).isFalse();

        BenchOptions options = parse("--phases=hybrid", "--articles=1000000", "--reuse-data");

        assertThat(options.reuseData).isTrue();
        assertThat(options.engineHeap()).isEqualTo(HeapSize.parse("1g"));
        assertThat(options.isStandard()).isFalse();
    }

    @Test
    void quickIsASmokeRunThatLaterOptionsStillAdjust() {
        BenchOptions quick = parse("--quick");
        assertThat(List.of(quick.articles, quick.files, quick.rounds, quick.warmupSeconds)).containsExactly(20_000, 4, 1, 1);
        assertThat(parse("--quick", "--rounds=2").rounds).isEqualTo(2);
    }

    @Test
    void wrongValuesAreUsageErrors() {
        for (String[] args : List.of(new String[] {"--rounds=0"}, new String[] {"--phases=ingest,warp"},
                new String[] {"--threads=many"}, new String[] {"--articles=1001"}, new String[] {"--bogus"},
                new String[] {"--engine-heap=1gb"}, new String[] {"--engine-heap=1m"}, new String[] {"--reuse-data"},
                new String[] {"--reuse-data", "--phases=search,hybrid"})) {
            StringWriter err = new StringWriter();
            BenchOptions options = new BenchOptions();
            int exit = new CommandLine(options).setErr(new PrintWriter(err)).execute(args);
            assertThat(exit).as("%s: %s", List.of(args), err).isEqualTo(2);
        }
    }

    @Test
    void helpListsEveryOption() {
        StringWriter out = new StringWriter();
        assertThat(new CommandLine(new BenchOptions()).setOut(new PrintWriter(out)).execute("--help")).isZero();
        assertThat(out.toString()).contains("--rounds", "--articles", "--files", "--threads", "--search-seconds",
                "--catalog-seconds", "--freshness-seconds", "--budget-minutes", "--phases", "--profile", "--service-jvm",
                "--quick", "--engine-heap", "--seed", "--out", "--keep-data", "--no-readme", "--reuse-data");
    }
}
