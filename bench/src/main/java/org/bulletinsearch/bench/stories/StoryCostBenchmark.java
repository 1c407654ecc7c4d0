package org.bulletinsearch.bench.stories;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.bench.BenchPlatform;
import org.bulletinsearch.bench.Budget;
import org.bulletinsearch.bench.ingest.IngestBenchmark;
import org.bulletinsearch.bench.resources.ComponentCpu;
import org.bulletinsearch.bench.results.Figure;
import org.bulletinsearch.bench.results.Measurement;
import org.bulletinsearch.bench.results.Results;
import org.bulletinsearch.bench.results.Target;
import org.bulletinsearch.platform.Console;

/**
 * What grouping articles into stories costs ({@code --phases stories}). Each round uploads new articles twice, as
 * in figure 1: first with the catalog's grouping switched off ({@code CATALOG_STORIES_ENABLED=false}, the catalog
 * restarted), then on (restarted again); the ingest rates of the two runs are the figure and its anchor. With
 * grouping on, the backlog is measured too: the articles left pending when a round is searchable, grouped after
 * it (the assigner's idle rounds), in articles/s and CPU per article by component. Rounds use corpus rounds 40 and
 * up, below the freshness phase's serials (round 50): the fair ingest phase before it uses four per round from 20,
 * so up to five rounds of each fit, and a corpus round uploaded twice would be no new articles.
 */
public final class StoryCostBenchmark {

    private static final int FIRST_CORPUS_ROUND = 40;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(20);

    private final BenchPlatform platform;
    private final IngestBenchmark ingest;
    private final ComponentCpu cpu;
    private final List<Double> searchableOn = new ArrayList<>();
    private final List<Double> searchableOff = new ArrayList<>();
    private final List<Double> cataloguedOn = new ArrayList<>();
    private final List<Double> cataloguedOff = new ArrayList<>();
    private final List<Double> drainRates = new ArrayList<>();
    private final List<Double> drainCpuPerArticle = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> drainNotes = new ArrayList<>();

    public StoryCostBenchmark(BenchPlatform platform, IngestBenchmark ingest) {
        this.platform = platform;
        this.ingest = ingest;
        this.cpu = new ComponentCpu(platform::components);
    }

    /** The rounds, then the figures; the catalog is left running with grouping on. */
    public void run(Budget.Rounds rounds, Results results) throws Exception {
        int[] corpusRound = {FIRST_CORPUS_ROUND};
        rounds.each(round -> {
            platform.storiesGrouping(false);
            IngestBenchmark.PipelineRates off = ingest.pipelineRound(corpusRound[0]++, notes);
            searchableOff.add(off.searchable());
            cataloguedOff.add(off.catalogued());
            platform.storiesGrouping(true);
            drain(round, "the previous run's articles");
            IngestBenchmark.PipelineRates on = ingest.pipelineRound(corpusRound[0]++, notes);
            searchableOn.add(on.searchable());
            cataloguedOn.add(on.catalogued());
            drain(round, "this run's articles");
            Console.say(String.format("stories round %d: searchable %.0f articles/s with grouping, %.0f without; in the"
                    + " catalog %.0f with, %.0f without", round, on.searchable(), off.searchable(), on.catalogued(),
                    off.catalogued()));
        });
        report(results);
    }

    /** Waits for the backlog to be grouped, measuring the rate and the CPU it takes. */
    private void drain(int round, String what) {
        long backlog = platform.articlesAwaitingStory();
        Map<String, Double> before = cpu.snapshot();
        double seconds = platform.awaitStoriesGrouped(DRAIN_TIMEOUT);
        if (seconds < 0) {
            throw new IllegalStateException(backlog + " articles not grouped into stories within " + DRAIN_TIMEOUT.toMinutes() + " min");
        }
        Map<String, Double> used = ComponentCpu.used(before, cpu.snapshot());
        if (backlog >= 1_000) { // smaller backlogs are gone before the first poll: no rate to read
            drainRates.add(backlog / seconds);
            double grouping = used.getOrDefault("catalog-service", 0.0) + used.getOrDefault("postgresql", 0.0);
            drainCpuPerArticle.add(1000 * grouping / backlog);
            drainNotes.add(String.format("round %d, %s: %,d articles in %.1f s; %s", round, what, backlog, seconds,
                    ComponentCpu.describe(used, seconds)));
        }
        Console.say(String.format("stories round %d: %,d pending articles (%s) grouped in %.1f s", round, backlog, what, seconds));
    }

    private void report(Results results) {
        String how = String.format("%,d new articles per run uploaded as in figure 1; anchor: the same with the catalog's"
                + " grouping switched off (CATALOG_STORIES_ENABLED=false), the catalog restarted before each run. While"
                + " articles are being stored the assigner groups 100 per second; the rest waits for the backlog figure. ",
                ingest.articles());
        results.add(new Figure("9 Stories", "stories.ingest.searchable", "Stories: ingest with grouping, upload → searchable",
                Measurement.of("grouping on", "articles/s", searchableOn), Measurement.of("grouping off", "articles/s", searchableOff),
                Target.atLeastTimesAnchor(0.9), how + "CPU by component: " + String.join("; ", notes)));
        results.add(new Figure("9 Stories", "stories.ingest.catalogued", "Stories: ingest with grouping, upload → in the catalog",
                Measurement.of("grouping on", "articles/s", cataloguedOn), Measurement.of("grouping off", "articles/s", cataloguedOff),
                Target.atLeastTimesAnchor(0.9), how));
        String drain = "the articles still pending once a run is stored (and the previous run's, stored with grouping off),"
                + " grouped by the assigner's idle rounds (500 per transaction, back to back) until none is pending"
                + " (polled every 500 ms over JDBC): " + String.join("; ", drainNotes);
        results.add(new Figure("9 Stories", "stories.backlog.rate", "Stories: grouping a backlog",
                Measurement.of("platform", "articles/s", drainRates), null, null, drain));
        results.add(new Figure("9 Stories", "stories.backlog.cpu", "Stories: CPU per article grouped (catalog + PostgreSQL)",
                Measurement.of("platform", "ms", drainCpuPerArticle), null, null, "same runs as the backlog rate"));
    }
}
