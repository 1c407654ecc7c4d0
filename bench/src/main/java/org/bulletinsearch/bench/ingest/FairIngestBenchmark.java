package org.bulletinsearch.bench.ingest;

import java.util.ArrayList;
import java.util.List;
import org.bulletinsearch.bench.BenchPlatform;
import org.bulletinsearch.bench.Budget;
import org.bulletinsearch.bench.resources.CpuPinning;
import org.bulletinsearch.bench.results.Figure;
import org.bulletinsearch.bench.results.Measurement;
import org.bulletinsearch.bench.results.Results;
import org.bulletinsearch.bench.results.Target;
import org.bulletinsearch.platform.Console;

/**
 * The fair ingest ratio ({@code --phases ingest-fair}): how well the pipeline feeds the engine, apart from how much
 * CPU the other processes take from it. Each round sends new articles four times: raw {@code _bulk} and the pipeline
 * with the engine pinned to a CPU of its own and everything else on the other CPUs ({@link CpuPinning}), then both
 * again with nothing pinned (today's ratio, measured in the same phase). Each raw run writes into a clone of the live
 * index taken just before it, so the raw run and the pipeline run after it start from the same documents and segments
 * (neither inherits merges the other does not). Before each pipeline run the catalog finishes grouping earlier runs'
 * articles into stories, so that a run pays only for its own. Rounds use corpus rounds 20 and up.
 */
public final class FairIngestBenchmark {

    private static final int FIRST_CORPUS_ROUND = 20;

    private final BenchPlatform platform;
    private final IngestBenchmark ingest;
    private final List<Double> pinnedRaw = new ArrayList<>();
    private final List<Double> pinnedPipeline = new ArrayList<>();
    private final List<Double> sharedRaw = new ArrayList<>();
    private final List<Double> sharedPipeline = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public FairIngestBenchmark(BenchPlatform platform, IngestBenchmark ingest) {
        this.platform = platform;
        this.ingest = ingest;
    }

    /** The rounds, then the two figures. */
    public void run(Budget.Rounds rounds, Results results) throws Exception {
        if (!CpuPinning.available()) {
            results.note("ingest-fair: skipped, taskset or a second CPU is missing");
            return;
        }
        int[] corpusRound = {FIRST_CORPUS_ROUND};
        rounds.each(round -> {
            CpuPinning pinning = new CpuPinning(platform.components(), "search-engine");
            pinning.pin();
            try {
                pinnedRaw.add(ingest.rawBulkRound(corpusRound[0]++, notes));
                ingest.settleStories(corpusRound[0]);
                pinnedPipeline.add(ingest.pipelineRound(corpusRound[0]++, notes).searchable());
            } finally {
                pinning.release();
            }
            sharedRaw.add(ingest.rawBulkRound(corpusRound[0]++, notes));
            ingest.settleStories(corpusRound[0]);
            sharedPipeline.add(ingest.pipelineRound(corpusRound[0]++, notes).searchable());
            Console.say(String.format("ingest-fair round %d: engine pinned: raw %.0f, pipeline %.0f articles/s; nothing"
                    + " pinned: raw %.0f, pipeline %.0f articles/s", round, last(pinnedRaw), last(pinnedPipeline),
                    last(sharedRaw), last(sharedPipeline)));
        });
        String how = String.format("%,d new articles per run, uploaded as in figure 1, until searchable; anchor: the same"
                + " number of new articles as raw _bulk into a clone (_clone) of the live index taken just before, so that"
                + " both runs of a pair start from the same documents and segments. ", ingest.articles());
        results.add(new Figure("1 Ingest", "ingest.fair", "Ingest, engine pinned to CPU " + CpuPinning.engineCpus()
                + " (fair ratio)", Measurement.of("platform", "articles/s", pinnedPipeline),
                Measurement.of("raw _bulk", "articles/s", pinnedRaw), Target.atLeastTimesAnchor(0.8), how
                        + "In both runs the engine's JVM has CPU " + CpuPinning.engineCpus() + " to itself and every other"
                        + " process (Kafka, PostgreSQL, the services, the benchmark's client) runs on CPU "
                        + CpuPinning.otherCpus() + " (taskset -a): the ratio says how well the pipeline feeds the engine."
                        + " CPU by component: " + String.join("; ", notes)));
        results.add(new Figure("1 Ingest", "ingest.shared", "Ingest, nothing pinned (today's ratio, same phase)",
                Measurement.of("platform", "articles/s", sharedPipeline), Measurement.of("raw _bulk", "articles/s", sharedRaw),
                null, how + "Every process may run on every CPU, as in figure 1: in the pipeline run the other processes"
                        + " take CPU from the engine."));
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }
}
