package org.bulletinsearch.bench.freshness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.bulletinsearch.bench.BenchPlatform;
import org.bulletinsearch.bench.Budget;
import org.bulletinsearch.bench.corpus.Corpus;
import org.bulletinsearch.bench.ingest.RawBulk;
import org.bulletinsearch.bench.load.Latencies;
import org.bulletinsearch.bench.profile.FlightRecorder;
import org.bulletinsearch.bench.results.Figure;
import org.bulletinsearch.bench.results.Measurement;
import org.bulletinsearch.bench.results.Results;
import org.bulletinsearch.bench.results.Target;
import org.bulletinsearch.platform.BulletinGenerator;
import org.bulletinsearch.platform.BulletinGenerator.Article;
import org.bulletinsearch.platform.Console;
import org.bulletinsearch.platform.client.JsonHttp;
import org.bulletinsearch.platform.client.Upload;

/**
 * Figure 2, freshness: small uploads at a steady rate (open loop: a slow answer does not delay the
 * next upload), each timed from its {@code 202} until {@code GET /search} with its uploadId shows all
 * its articles. The anchor does the same straight against the engine: {@code _bulk} of the same
 * articles (no refresh requested, as the search service does), timed from the bulk answer until
 * {@code _count} shows them.
 */
public final class FreshnessBenchmark {

    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    private static final Duration POLL_PAUSE = Duration.ofMillis(20);
    /** 6 batches of 10 serial numbers stay under the API's 64 terms (search.query.max-terms). */
    private static final int BATCHES_PER_QUERY = 6;

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

    /** Uploads {@code perUpload} articles every {@code interval} for {@code duration} per side and round. */
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

    /** Offers the load to the platform, then to the engine, round after round; adds figure 2. */
    public void run(Budget.Rounds rounds, Results results) throws Exception {
        rawBulk.ensureIndex();
        int uploads = (int) (duration.toMillis() / interval.toMillis());
        rounds.each(round -> {
            List<List<Article>> batches = corpus.freshnessBatches(round, uploads, perUpload);
            Outcome service;
            try (var recording = jfr.start("freshness-r" + round, platform.pidsWithEngine())) {
                service = offer(batches, this::uploadToPlatform, new SearchApiCheck());
            }
            Outcome engine = offer(batches, this::bulkToEngine, new EngineCheck());
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
        });
        String how = String.format("%d articles per upload every %d ms for %d s per round (open loop, up to 4 uploads in flight);"
                        + " from the 202 until GET /search shows all %d (q = the batches' serial numbers, which only their titles"
                        + " carry, for up to 6 pending uploads per request, counted per upload by the uploadId facet; every pending"
                        + " upload is checked every ~20 ms plus the requests' time). Anchor: the same batches as _bulk straight"
                        + " into the engine, checked the same way with a terms aggregation. Visibility waits for the engine's"
                        + " refresh (index.refresh_interval, 1 s by default). ",
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

    /** Looks at every pending batch at once: visible articles per uploadId, and which probes the engine holds. */
    private interface Check {
        Map<String, Long> visible(List<Pending> pending);

        default Set<String> indexed(List<Pending> pending) {
            return Set.of();
        }
    }

    private Outcome offer(List<List<Article>> batches, Sender sender, Check check) throws InterruptedException {
        Offer offer = new Offer(batches, sender);
        List<Pending> waiting = new ArrayList<>();
        long hardStop = System.nanoTime() + duration.toNanos() + GIVE_UP.toNanos() + Duration.ofSeconds(10).toNanos();
        try {
            while (System.nanoTime() < hardStop) {
                // Read "all sent" before draining: a batch counts as finished only after it was queued.
                boolean allSent = offer.finished.get() >= batches.size();
                for (Pending next; (next = offer.sent.poll()) != null; ) {
                    waiting.add(next);
                }
                if (waiting.isEmpty()) {
                    if (allSent) {
                        break;
                    }
                    Thread.sleep(5);
                    continue;
                }
                offer.sweep(waiting, check);
                // A short pause between sweeps keeps the checks from becoming a load of their own.
                Thread.sleep(POLL_PAUSE.toMillis());
            }
        } finally {
            offer.stop();
        }
        return offer.outcome(waiting.size());
    }

    /** One offered-load run: a batch sent every interval by a ticker, whatever the answers, and what was seen of them. */
    private final class Offer {
        final ConcurrentLinkedQueue<Pending> sent = new ConcurrentLinkedQueue<>();
        final AtomicInteger finished = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();
        private final AtomicReference<String> firstError = new AtomicReference<>();
        private final Latencies latencies = new Latencies();
        private final Latencies indexedLatencies = new Latencies();
        private final List<List<Article>> batches;
        private final ExecutorService senders = Executors.newFixedThreadPool(4);
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        private final long firstTick = System.nanoTime();
        private volatile long lastTick = firstTick;
        private int neverVisible;

        Offer(List<List<Article>> batches, Sender sender) {
            this.batches = batches;
            AtomicInteger tick = new AtomicInteger();
            ticker.scheduleAtFixedRate(() -> {
                int index = tick.getAndIncrement();
                if (index < batches.size()) {
                    lastTick = System.nanoTime();
                    senders.submit(() -> send(sender, index));
                }
            }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void send(Sender sender, int index) {
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
        }

        /** Checks every waiting batch once; drops those now visible and those given up on. */
        void sweep(List<Pending> waiting, Check check) {
            Map<String, Long> visible;
            Set<String> indexed;
            try {
                indexed = check.indexed(waiting);
                visible = check.visible(waiting);
            } catch (RuntimeException e) {
                firstError.compareAndSet(null, e.toString());
                visible = Map.of();
                indexed = Set.of();
            }
            long now = System.nanoTime();
            for (Iterator<Pending> it = waiting.iterator(); it.hasNext(); ) {
                Pending pending = it.next();
                boolean seen = visible.getOrDefault(pending.uploadId, 0L) >= perUpload;
                if (pending.probeId != null && pending.indexedAt == 0 && (seen || indexed.contains(pending.probeId))) {
                    pending.indexedAt = now;
                    indexedLatencies.add(now - pending.acceptedAt);
                }
                if (seen) {
                    latencies.add(now - pending.acceptedAt);
                    it.remove();
                } else if (now - pending.acceptedAt > GIVE_UP.toNanos()) {
                    neverVisible++;
                    it.remove();
                }
            }
        }

        void stop() throws InterruptedException {
            ticker.shutdownNow();
            senders.shutdown();
            senders.awaitTermination(1, TimeUnit.MINUTES);
        }

        Outcome outcome(int stillWaiting) {
            double offeredSeconds = Math.max(1e-9, (lastTick - firstTick) / 1e9);
            return new Outcome(Latencies.mergeSorted(List.of(latencies)), Latencies.mergeSorted(List.of(indexedLatencies)),
                    batches.size(), refused.get(), neverVisible + stillWaiting,
                    (batches.size() - 1) * perUpload / offeredSeconds, firstError.get());
        }
    }

    /**
     * The search API, as a user sees it: for up to {@value #BATCHES_PER_QUERY} pending uploads at once,
     * {@code q} = their serial numbers ORed (only their articles match) and the uploadId facet counts
     * what is visible of each.
     */
    private final class SearchApiCheck implements Check {
        @Override
        public Map<String, Long> visible(List<Pending> pending) {
            Map<String, Long> counts = new HashMap<>();
            for (int from = 0; from < pending.size(); from += BATCHES_PER_QUERY) {
                List<Pending> chunk = pending.subList(from, Math.min(pending.size(), from + BATCHES_PER_QUERY));
                String q = chunk.stream().map(p -> p.query).collect(Collectors.joining(" OR "));
                JsonNode answer = JsonHttp.getJson(platform.searchUrl() + "/search?mode=keyword&size=0&q=" + JsonHttp.encode(q));
                for (JsonNode bucket : answer.path("facets").path("uploadId")) {
                    counts.put(bucket.path("value").asText(), bucket.path("count").asLong());
                }
            }
            return counts;
        }

        /** Real-time multi-GET of each batch's last article: in the engine, refreshed or not. */
        @Override
        public Set<String> indexed(List<Pending> pending) {
            ObjectNode body = JsonHttp.JSON.createObjectNode();
            ArrayNode ids = body.putArray("ids");
            pending.stream().filter(p -> p.indexedAt == 0 && p.probeId != null).forEach(p -> ids.add(p.probeId));
            if (ids.isEmpty()) {
                return Set.of();
            }
            Set<String> found = new HashSet<>();
            JsonNode answer = JsonHttp.postJson(platform.engineUrl() + "/" + BenchPlatform.SEARCH_ALIAS + "/_mget?_source=false", body);
            for (JsonNode doc : answer.path("docs")) {
                if (doc.path("found").asBoolean()) {
                    found.add(doc.path("_id").asText());
                }
            }
            return found;
        }
    }

    /** The anchor index: one terms aggregation over the pending uploadIds. */
    private final class EngineCheck implements Check {
        @Override
        public Map<String, Long> visible(List<Pending> pending) {
            ObjectNode body = JsonHttp.JSON.createObjectNode();
            body.put("size", 0);
            ArrayNode uploads = body.putObject("query").putObject("terms").putArray("uploadId");
            pending.forEach(p -> uploads.add(p.uploadId));
            body.putObject("aggs").putObject("uploads").putObject("terms").put("field", "uploadId").put("size", pending.size());
            JsonNode answer = JsonHttp.postJson(platform.engineUrl() + "/" + RawBulk.INDEX + "/_search", body);
            Map<String, Long> counts = new HashMap<>();
            for (JsonNode bucket : answer.path("aggregations").path("uploads").path("buckets")) {
                counts.put(bucket.path("key").asText(), bucket.path("doc_count").asLong());
            }
            return counts;
        }
    }

    private Pending uploadToPlatform(int index, List<Article> batch, AtomicReference<String> error) {
        Upload upload = platform.client().upload(BulletinGenerator.bulletin(batch), "freshness-" + index + ".txt");
        if (!upload.accepted()) {
            error.compareAndSet(null, "HTTP " + upload.status() + " " + upload.refusal());
            return null;
        }
        return new Pending(upload.uploadId(), query(batch), upload.lastArticleId(), upload.answeredNanos());
    }

    private Pending bulkToEngine(int index, List<Article> batch, AtomicReference<String> error) {
        String uploadId = UUID.randomUUID().toString();
        rawBulk.send(Corpus.events(batch, "freshness-" + index + ".txt", uploadId, Instant.now()));
        return new Pending(uploadId, null, null, System.nanoTime());
    }

    /** Every article's title ends with its serial number: "n1 OR n2 ..." matches exactly the batch, cheaply. */
    private static String query(List<Article> batch) {
        return batch.stream().map(a -> Integer.toString(a.serial())).collect(Collectors.joining(" OR "));
    }
}
