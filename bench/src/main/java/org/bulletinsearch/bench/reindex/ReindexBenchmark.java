package org.bulletinsearch.bench.reindex;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.awaitility.Awaitility;
import org.bulletinsearch.bench.BenchPlatform;
import org.bulletinsearch.bench.Budget;
import org.bulletinsearch.bench.load.LoadResult;
import org.bulletinsearch.bench.load.LoadRun;
import org.bulletinsearch.bench.results.Figure;
import org.bulletinsearch.bench.results.Measurement;
import org.bulletinsearch.bench.results.Results;
import org.bulletinsearch.bench.search.QueryMix;
import org.bulletinsearch.platform.Console;
import org.bulletinsearch.platform.client.JsonHttp;
import org.bulletinsearch.platform.client.JsonHttp.Reply;

/**
 * Issue 15's figures: the rate of {@code POST /admin/reindex} (a new index built from the catalog's
 * {@code GET /articles/export}, then one alias swap) beside raw {@code _bulk} of the same articles (the ingest
 * figure's anchor: the same generated documents into the same mapping, measured earlier in the run), and the
 * search latency while a reindex runs beside the same load without one, measured just before.
 */
public final class ReindexBenchmark {

    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private final BenchPlatform platform;
    private final QueryMix mix;
    private final int threads;
    private final Duration duration;
    private final List<Double> rawBulkRates;
    private final List<Double> rates = new ArrayList<>();
    private final List<Double> p50 = new ArrayList<>();
    private final List<Double> p99 = new ArrayList<>();
    private final List<Double> quietP50 = new ArrayList<>();
    private final List<Double> quietP99 = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** {@code threads} search clients cycling through {@code mix} for {@code duration} with and without a reindex. */
    public ReindexBenchmark(BenchPlatform platform, QueryMix mix, int threads, Duration duration, List<Double> rawBulkRates) {
        this.platform = platform;
        this.mix = mix;
        this.threads = threads;
        this.duration = duration;
        this.rawBulkRates = rawBulkRates;
    }

    /** Runs rounds while the budget allows; adds the rate and the latency figures. */
    public void run(Budget.Rounds rounds, Results results) throws Exception {
        rounds.each(this::round);
        report(results);
    }

    private void round(int round) {
        LoadResult quiet = LoadRun.run(threads, Duration.ofSeconds(1), duration, searches());
        long started = System.nanoTime();
        Reply accepted = platform.client().authorized("POST", platform.searchUrl() + "/admin/reindex");
        if (accepted.status() != 202) {
            throw new IllegalStateException("POST /admin/reindex answered " + accepted.status() + ": "
                    + new String(accepted.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        String job = accepted.json().path("id").asText();
        LoadResult during = LoadRun.run(threads, Duration.ofSeconds(1), duration, searches());
        JsonNode done = awaitDone(job);
        double seconds = (System.nanoTime() - started) / 1e9;
        long articles = done.path("fromCatalog").path("read").asLong();
        rates.add(articles / seconds);
        p50.add(during.p50Millis());
        p99.add(during.p99Millis());
        quietP50.add(quiet.p50Millis());
        quietP99.add(quiet.p99Millis());
        boolean overlapped = during.seconds() <= seconds;
        notes.add(String.format("round %d: %,d articles in %.1f s, %d search errors during it%s", round, articles, seconds,
                during.errors(), overlapped ? "" : " (the reindex ended before the search window: latencies mix both)"));
        Console.say("reindex round " + round + ": " + notes.get(notes.size() - 1) + "; searches " + during.summary());
    }

    private JsonNode awaitDone(String job) {
        return Awaitility.await("reindex " + job).atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> status(job), status -> status.path("status").asText().equals("done"));
    }

    /** The job's status; a failed job ends the wait at once. */
    private JsonNode status(String job) {
        JsonNode status = platform.client().authorized("GET", platform.searchUrl() + "/admin/reindex/" + job).json();
        if (status.path("status").asText().equals("failed")) {
            throw new IllegalStateException("reindex failed: " + status.path("error").asText());
        }
        return status;
    }

    private IntFunction<LoadRun.Operation> searches() {
        return t -> sequence -> JsonHttp.get(LoadRun.inTurn(mix.queries(), t, sequence).serviceUrl()).status() == 200;
    }

    private void report(Results results) {
        String how = String.join("; ", notes);
        results.add(new Figure("7 Reindex", "reindex.rate", "Reindex from the catalog (POST /admin/reindex → alias swapped)",
                Measurement.of("platform", "articles/s", rates), Measurement.of("raw _bulk", "articles/s", rawBulkRates),
                null, "from the 202 until GET /admin/reindex/{id} says done (export pages read, documents written, alias"
                        + " swapped), polled every 250 ms; anchor: the ingest figure's raw _bulk of the same generated"
                        + " documents into the same mapping; " + how));
        results.add(new Figure("7 Reindex", "reindex.search.p50", "Search during a reindex: latency p50",
                Measurement.of("during a reindex", "ms", p50), Measurement.of("same load, no reindex", "ms", quietP50),
                null, threads + " client threads (closed loop) through the search query mix for " + duration.toSeconds()
                        + " s after 1 s of warm-up, started right after the POST; the same load without a reindex just before"));
        results.add(new Figure("7 Reindex", "reindex.search.p99", "Search during a reindex: latency p99",
                Measurement.of("during a reindex", "ms", p99), Measurement.of("same load, no reindex", "ms", quietP99),
                null, "same runs as p50"));
    }
}
