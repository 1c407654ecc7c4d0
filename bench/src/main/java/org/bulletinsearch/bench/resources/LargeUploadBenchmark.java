package org.bulletinsearch.bench.resources;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.bulletinsearch.bench.BenchPlatform;
import org.bulletinsearch.bench.corpus.Corpus;
import org.bulletinsearch.bench.results.Figure;
import org.bulletinsearch.bench.results.Measurement;
import org.bulletinsearch.bench.results.Numbers;
import org.bulletinsearch.bench.results.Results;
import org.bulletinsearch.platform.Console;
import org.bulletinsearch.platform.Service;
import org.bulletinsearch.platform.client.Upload;

/**
 * Figure 5, the 50 MB upload: one bulletin of 50 MiB sent in one request to the ingest service as it
 * runs in the platform (-Xmx256m), with its heap watched by jstat and the GC log. The upload must
 * stream: the heap it keeps must not grow with the file.
 *
 * @param work where the GC log goes
 */
public record LargeUploadBenchmark(BenchPlatform platform, Corpus corpus, RssSampler rss, Path work) {

    public static final long FIFTY_MEGABYTES = 50L * 1024 * 1024;

    /** One 50 MB upload; adds the heap figures. */
    public void run(Results results) {
        Corpus.BulletinFile file = corpus.largeFile(FIFTY_MEGABYTES);
        int articles = file.articles().size();
        long engineBase = platform.engineCount(BenchPlatform.SEARCH_ALIAS);
        long pid = platform.pid(Service.INGEST);
        Console.say(String.format("large upload: %s, %.1f MB, %d articles", file.sourceName(), file.bytes() / 1048576.0, articles));

        HeapWatch.Heap heap;
        Upload upload;
        Map<String, Double> rssPeaks;
        try (RssSampler.Window window = rss.open(); HeapWatch watch = new HeapWatch(pid, work.resolve("gc-large-upload.log"))) {
            upload = platform.client().upload(file.path());
            heap = watch.stop();
            rssPeaks = window.peakMegabytes();
        }
        if (!upload.accepted()) {
            results.note("the 50 MB upload was refused: HTTP " + upload.status() + " " + upload.refusal());
            return;
        }
        double uploadSeconds = (upload.answeredNanos() - upload.sentNanos()) / 1e9;
        CompletableFuture<Long> searchable = CompletableFuture.supplyAsync(() -> BenchPlatform.awaitAtLeast(
                () -> platform.engineCount(BenchPlatform.SEARCH_ALIAS), engineBase + articles, Duration.ofMillis(200),
                Duration.ofMinutes(5)));
        CompletableFuture<Long> catalogued = CompletableFuture.supplyAsync(() -> platform.awaitCatalogued(
                new LinkedBlockingQueue<>(List.of(upload)), 1, Duration.ofMillis(250), Duration.ofMinutes(5)));
        long searchableAt = searchable.join();
        long cataloguedAt = catalogued.join();
        String detail = String.format("%.1f MB, %d articles in one text/plain request; 202 after %.1f s (%.0f articles/s);"
                        + " searchable after %s s, in the catalog after %s s; %d collections (%d full); heap committed up to"
                        + " %.0f MB; ingest RSS peak %.0f MB",
                file.bytes() / 1048576.0, articles, uploadSeconds, articles / uploadSeconds,
                searchableAt < 0 ? "n/a" : Numbers.format((searchableAt - upload.sentNanos()) / 1e9),
                cataloguedAt < 0 ? "n/a" : Numbers.format((cataloguedAt - upload.sentNanos()) / 1e9),
                heap.collections(), heap.fullCollections(), heap.peakCommittedMb(),
                rssPeaks.getOrDefault(Service.INGEST.module(), Double.NaN));
        Console.say("large upload: " + detail + String.format("; heap peak used %.0f MB, max after GC %.0f MB",
                heap.peakUsedMb(), heap.maxAfterGcMb()));
        results.add(new Figure("5 Resources", "ingest.large-upload.heap.peak", "ingest-service: 50 MB upload, peak heap used (-Xmx256m)",
                Measurement.of("platform", "MB", List.of(heap.peakUsedMb())), null, null,
                "jstat -gc every 100 ms (" + heap.jstatSamples() + " samples), young + old generation in use, garbage"
                        + " included; one upload per run. " + detail));
        results.add(new Figure("5 Resources", "ingest.large-upload.heap.live", "ingest-service: 50 MB upload, heap after GC (max)",
                Measurement.of("platform", "MB", List.of(heap.maxAfterGcMb())), null, null,
                "the largest heap left after any collection during the upload (GC log via jcmd VM.log): what the upload"
                        + " really holds; the largest heap before a collection was " + Numbers.format(heap.maxBeforeGcMb()) + " MB"));
    }
}
