package org.bulletinsearch.bench.freshness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.bulletinsearch.bench.BenchPlatform;
import org.bulletinsearch.bench.Budget;
import org.bulletinsearch.bench.Console;
import org.bulletinsearch.bench.corpus.Corpus;
import org.bulletinsearch.bench.corpus.Corpus.Article;
import org.bulletinsearch.bench.http.Http;
import org.bulletinsearch.bench.ingest.RawBulk;
import org.bulletinsearch.bench.load.Latencies;
import org.bulletinsearch.bench.profile.FlightRecorder;
import org.bulletinsearch.bench.results.Figure;
import org.bulletinsearch.bench.results.Measurement;
import org.bulletinsearch.bench.results.Results;
import org.bulletinsearch.bench.results.Target;
import org.bulletinsearch.events.ArticleEvent;

/**
 * Figure 2, freshness: small uploads at a steady rate (open loop: a slow answer does not delay the
 * next upload), each timed from its {@code 202} until {@code GET /search} with its uploadId shows all
 * its articles. The anchor does the same straight against the engine: {@code _bulk} of the same
 * articles (no refresh requested, as the search service does), timed from the bulk answer until
 * {@code _count} shows them.
 */
public final class FreshnessBenchmark {

    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final BenchPlatform platform;
    private final Corpus corpus;
    private final RawBulk rawBulk;
    private final FlightRecorder jfr;
    private final Duration duration;
    private final Duration interval;
    private final int perUpload;

    private final List<Double> p50 = new ArrayList<>();
    private final List<Double> p99 = new ArrayList<>();
    private final List<Double> anchorP50 = new ArrayList<>();
    private final List<Double> anchorP99 = new ArrayList<>();
    private final List<Double> indexedP50 = new ArrayList<>();
    private final List<Double> indexedP99 = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    public FreshnessBenchmark(BenchPlatform platform, Corpus corpus, RawBulk rawBulk, FlightRecorder jfr,
            Duration duration, Duration interval, int perUpload) {
        this.platform = platform;
        this.corpus = corpus;
        this.rawBulk = rawBulk;
        this.jfr = jfr;
        this.duration = duration;
        this.interval = interval;
        this.perUpload = perUpload;
    }

    /** One offered-load run: when each batch became visible, and what went wrong. */
    record Outcome(long[] sortedNanos, long[] sortedIndexedNanos, int offered, int refused, int neverVisible,
            double offeredPerSecond, String firstError) {
        String summary() {
            return String.format("p50 %.0f ms, p99 %.0f ms, max %.0f ms over %d uploads (%.0f articles/s offered), %d refused,"
                            + " %d not visible within %d s", Latencies.percentileMillis(sortedNanos, 50),
                    Latencies.percentileMillis(sortedNanos, 99), Latencies.percentileMillis(sortedNanos, 100),
                    sortedNanos.length, offeredPerSecond, refused, neverVisible, GIVE_UP.toSeconds());
        }
    }

    /** A batch sent, waiting to be seen; {@code probeId} (its last article) tells when it reached the engine. */
    private static final class Pending {
        final String uploadId;
        final String query;
        final String probeId;
        final long acceptedAt;
        long indexedAt;

        Pending(String uploadId, String query, String probeId, long acceptedAt) {
            this.uploadId = uploadId;
            this.query = query;
            this.probeId = probeId;
            this.acceptedAt = acceptedAt;
        }
    }

    public void run(Budget.Rounds rounds, Results results) throws Exception {
        rawBulk.ensureIndex();
        int uploads = (int) (duration.toMillis() / interval.toMillis());
        int done = 0;
        Duration last = Duration.ZERO;
        while (rounds.another(done, last)) {
            long roundStart = System.nanoTime();
            int round = done + 1;
            List<List<Article>> batches = corpus.freshnessBatches(round, uploads, perUpload);
            Outcome service;
            try (var recording = jfr.start("freshness-r" + round, platform.pidsWithEngine())) {
                service = offer(batches, this::uploadToPlatform, this::visibleInSearch);
            }
            Outcome engine = offer(batches, this::bulkToEngine, pending -> rawBulk.count(pending.uploadId));
            Console.say("freshness round " + round + ": platform " + service.summary());
            Console.say("freshness round " + round + ": engine   " + engine.summary());
            p50.add(Latencies.percentileMillis(service.sortedNanos(), 50));
            p99.add(Latencies.percentileMillis(service.sortedNanos(), 99));
            indexedP50.add(Latencies.percentileMillis(service.sortedIndexedNanos(), 50));
            indexedP99.add(Latencies.percentileMillis(service.sortedIndexedNanos(), 99));
            anchorP50.add(Latencies.percentileMillis(engine.sortedNanos(), 50));
            anchorP99.add(Latencies.percentileMillis(engine.sortedNanos(), 99));
            details.add("round " + round + ": " + service.summary()
                    + (service.firstError() == null ? "" : " (first error: " + service.firstError() + ")"));
            done++;
            last = Duration.ofNanos(System.nanoTime() - roundStart);
        }
        String how = String.format("%d articles per upload every %d ms for %d s per round (open loop, up to 4 uploads in flight);"
                        + " from the 202 until GET /search?q=<the batch's serial numbers>&uploadId=<id> shows all %d (one poller,"
                        + " each pending upload re-checked as soon as the previous check answered). Anchor: the same batches as"
                        + " _bulk straight into the engine, until _count shows them. Visibility waits for the engine's refresh"
                        + " (index.refresh_interval, 1 s by default). ",
                perUpload, interval.toMillis(), duration.toSeconds(), perUpload);
        results.add(new Figure("2 Freshness", "freshness.p50", "Freshness: 202 → visible in search, p50",
                Measurement.of("platform", "ms", p50), Measurement.of("engine", "ms", anchorP50), null,
                how + String.join("; ", details)));
        results.add(new Figure("2 Freshness", "freshness.p99", "Freshness: 202 → visible in search, p99",
                Measurement.of("platform", "ms", p99), Measurement.of("engine", "ms", anchorP99), Target.atMost(2000, "ms"),
                "same runs as p50"));
        results.add(new Figure("2 Freshness", "freshness.indexed.p50", "Freshness, where the time goes: 202 → in the engine, p50",
                Measurement.of("platform", "ms", indexedP50), null, null,
                "same runs; until a real-time GET /articles/_doc/<last article of the batch> finds it (indexed, not yet"
                        + " refreshed): Kafka, the search service's consumer and its _bulk. The rest, up to visible, is the"
                        + " wait for the engine's refresh"));
        results.add(new Figure("2 Freshness", "freshness.indexed.p99", "Freshness, where the time goes: 202 → in the engine, p99",
                Measurement.of("platform", "ms", indexedP99), null, null, null));
    }

    private interface Sender {
        /** Sends one batch; the pending check, or null when it was refused (the message goes to {@code error}). */
        Pending send(int index, List<Article> batch, AtomicReference<String> error);
    }

    private Outcome offer(List<List<Article>> batches, Sender sender, ToLongFunction<Pending> visible) throws InterruptedException {
        ConcurrentLinkedQueue<Pending> sent = new ConcurrentLinkedQueue<>();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger tick = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long firstTick = System.nanoTime();
        long[] lastTick = {firstTick};
        ticker.scheduleAtFixedRate(() -> {
            int index = tick.getAndIncrement();
            if (index >= batches.size()) {
                return;
            }
            lastTick[0] = System.nanoTime();
            senders.submit(() -> {
                try {
                    Pending pending = sender.send(index, batches.get(index), firstError);
                    if (pending == null) {
                        refused.incrementAndGet();
                    } else {
                        sent.add(pending);
                    }
                } catch (RuntimeException e) {
                    refused.incrementAndGet();
                    firstError.compareAndSet(null, e.toString());
                } finally {
                    finished.incrementAndGet();
                }
            });
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);

        Latencies latencies = new Latencies();
        Latencies indexedLatencies = new Latencies();
        int neverVisible = 0;
        List<Pending> waiting = new ArrayList<>();
        long hardStop = System.nanoTime() + duration.toNanos() + GIVE_UP.toNanos() + Duration.ofSeconds(10).toNanos();
        try {
            while (System.nanoTime() < hardStop) {
                // Read "all sent" before draining: a batch counts as finished only after it was queued.
                boolean allSent = finished.get() >= batches.size();
                for (Pending next; (next = sent.poll()) != null; ) {
                    waiting.add(next);
                }
                if (waiting.isEmpty()) {
                    if (allSent) {
                        break;
                    }
                    Thread.sleep(5);
                    continue;
                }
                for (Iterator<Pending> it = waiting.iterator(); it.hasNext(); ) {
                    Pending pending = it.next();
                    long seen;
                    try {
                        seen = visible.applyAsLong(pending);
                    } catch (RuntimeException e) {
                        firstError.compareAndSet(null, e.toString());
                        seen = -1;
                    }
                    long now = System.nanoTime();
                    if (pending.probeId != null && pending.indexedAt == 0 && (seen >= perUpload || indexed(pending.probeId))) {
                        pending.indexedAt = System.nanoTime();
                        indexedLatencies.add(pending.indexedAt - pending.acceptedAt);
                    }
                    if (seen >= perUpload) {
                        latencies.add(now - pending.acceptedAt);
                        it.remove();
                    } else if (now - pending.acceptedAt > GIVE_UP.toNanos()) {
                        neverVisible++;
                        it.remove();
                    }
                }
            }
        } finally {
            ticker.shutdownNow();
            senders.shutdown();
            senders.awaitTermination(1, TimeUnit.MINUTES);
        }
        neverVisible += waiting.size();
        double offeredSeconds = Math.max(1e-9, (lastTick[0] - firstTick) / 1e9);
        double offeredRate = (batches.size() - 1) * perUpload / offeredSeconds;
        return new Outcome(Latencies.mergeSorted(List.of(latencies)), Latencies.mergeSorted(List.of(indexedLatencies)),
                batches.size(), refused.get(), neverVisible, offeredRate, firstError.get());
    }

    private Pending uploadToPlatform(int index, List<Article> batch, AtomicReference<String> error) {
        BenchPlatform.Upload upload = platform.upload(Corpus.bulletin(batch), "freshness-" + index + ".txt");
        if (!upload.accepted()) {
            error.compareAndSet(null, "HTTP " + upload.status() + " " + upload.body());
            return null;
        }
        return new Pending(upload.uploadId(), query(batch), upload.lastArticleId(), upload.answeredNanos());
    }

    private Pending bulkToEngine(int index, List<Article> batch, AtomicReference<String> error) {
        String uploadId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        List<ArticleEvent> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Article article = batch.get(i);
            events.add(ArticleEvent.of(article.title(), article.body(), "freshness-" + index + ".txt", uploadId, i + 1, now));
        }
        rawBulk.send(events);
        return new Pending(uploadId, null, null, System.nanoTime());
    }

    /** Every article's title ends with its serial number: "n1 OR n2 ..." matches exactly the batch, cheaply. */
    private static String query(List<Article> batch) {
        return batch.stream().map(a -> Integer.toString(a.serial())).collect(Collectors.joining(" OR "));
    }

    /** Real-time GET: true once the engine holds the document, refreshed or not. */
    private boolean indexed(String articleId) {
        try {
            return Http.send(Http.request(platform.engineUrl() + "/" + BenchPlatform.SEARCH_ALIAS + "/_doc/" + articleId
                    + "?_source=false").GET().build()).statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private long visibleInSearch(Pending pending) {
        return Http.getJson(platform.searchUrl() + "/search?size=0&q=" + Http.encode(pending.query) + "&uploadId="
                + Http.encode(pending.uploadId)).path("total").asLong();
    }
}
