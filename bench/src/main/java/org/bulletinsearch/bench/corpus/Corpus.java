package org.bulletinsearch.bench.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.platform.BulletinGenerator;
import org.bulletinsearch.platform.BulletinGenerator.Article;

/**
 * The benchmark's articles, from the platform's {@link BulletinGenerator}: deterministic for a seed,
 * the project's own vocabulary, titles of 6-12 words and bodies of 80-150. Every part of the run gets
 * its own serial-number range, so every article is distinct (distinct ids) and no round re-indexes
 * what an earlier one stored.
 *
 * @param directory where the files go
 * @param seed all text depends on it only
 */
public record Corpus(Path directory, long seed) {

    /** Serial ranges: round r of the ingest figure starts at r * ROUND_SPAN + 1. */
    static final int ROUND_SPAN = 1_000_000;
    static final int FRESHNESS_BASE = 50_000_000;
    static final int LARGE_UPLOAD_BASE = 90_000_000;
    static final int WARM_UP_BASE = 95_000_000;
    static final int FIELD_COST_BASE = 80_000_000;

    /** A bulletin file on disk and the articles in it, in file order. */
    public record BulletinFile(Path path, List<Article> articles) {

        /** The file name, which uploads give as {@code source}. */
        public String sourceName() {
            return path.getFileName().toString();
        }

        /** The file's size in bytes. */
        public long bytes() {
            try {
                return Files.size(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The events the ingest service publishes for this file (same text, same ids). */
        public List<ArticleEvent> events(String uploadId, Instant ingestedAt) {
            return Corpus.events(articles, sourceName(), uploadId, ingestedAt);
        }
    }

    /** The events the ingest service publishes for these articles uploaded as {@code sourceName}. */
    public static List<ArticleEvent> events(List<Article> articles, String sourceName, String uploadId, Instant ingestedAt) {
        List<ArticleEvent> events = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            Article article = articles.get(i);
            events.add(ArticleEvent.of(article.title(), article.body(), sourceName, uploadId, i + 1, ingestedAt));
        }
        return events;
    }

    /** {@code articles} articles of ingest round {@code round} (1-based), in {@code files} files. */
    public List<BulletinFile> ingestRound(int round, int articles, int files) {
        BulletinGenerator generator = new BulletinGenerator(seed * 1_000 + round);
        List<BulletinFile> written = new ArrayList<>();
        int perFile = (articles + files - 1) / files;
        int serial = round * ROUND_SPAN + 1;
        for (int f = 0, left = articles; left > 0; f++) {
            int count = Math.min(perFile, left);
            Path file = directory.resolve(String.format("bench-r%d-f%02d.txt", round, f + 1));
            written.add(new BulletinFile(file, generator.writeArticles(file, count, serial)));
            serial += count;
            left -= count;
        }
        return written;
    }

    /** A small file to warm up the JITs (benchmark and services) before the first measured round. */
    public BulletinFile warmUpFile(int articles) {
        Path file = directory.resolve("bench-warm-up.txt");
        return new BulletinFile(file, new BulletinGenerator(seed * 1_000 + 998).writeArticles(file, articles, WARM_UP_BASE + 1));
    }

    /** A file of at least {@code bytes} bytes (the large-upload figure). */
    public BulletinFile largeFile(long bytes) {
        Path file = directory.resolve("bench-large-upload.txt");
        return new BulletinFile(file, new BulletinGenerator(seed * 1_000 + 999).writeAtLeast(file, bytes, LARGE_UPLOAD_BASE + 1));
    }

    /** In-memory events for the field-cost figure: {@code articles} generated articles of one upload. */
    public List<ArticleEvent> fieldCostEvents(int articles) {
        BulletinGenerator generator = new BulletinGenerator(seed * 1_000 + 997);
        List<Article> generated = new ArrayList<>(articles);
        for (int i = 0; i < articles; i++) {
            generated.add(generator.next(FIELD_COST_BASE + i + 1));
        }
        return events(generated, "bench-field-cost.txt", "field-cost", Instant.now());
    }

    /** Small in-memory bulletins for the freshness figure: {@code uploads} of {@code perUpload} articles. */
    public List<List<Article>> freshnessBatches(int round, int uploads, int perUpload) {
        BulletinGenerator generator = new BulletinGenerator(seed * 1_000 + 500 + round);
        int serial = FRESHNESS_BASE + round * 1_000_000 + 1;
        List<List<Article>> batches = new ArrayList<>(uploads);
        for (int u = 0; u < uploads; u++) {
            List<Article> batch = new ArrayList<>(perUpload);
            for (int i = 0; i < perUpload; i++, serial++) {
                batch.add(generator.next(serial));
            }
            batches.add(batch);
        }
        return batches;
    }
}
