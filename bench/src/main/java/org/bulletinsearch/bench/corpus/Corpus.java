package org.bulletinsearch.bench.corpus;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.platform.BulletinGenerator;

/**
 * The benchmark's articles, from the platform's {@link BulletinGenerator}: deterministic for a seed,
 * the project's own vocabulary, titles of 6-12 words and bodies of 80-150. Every part of the run gets
 * its own serial-number range, so every article is distinct (distinct ids) and no round re-indexes
 * what an earlier one stored.
 */
public final class Corpus {

    /** Serial ranges: round r of the ingest figure starts at r * ROUND_SPAN + 1. */
    static final int ROUND_SPAN = 1_000_000;
    static final int FRESHNESS_BASE = 50_000_000;
    static final int LARGE_UPLOAD_BASE = 90_000_000;
    static final int WARM_UP_BASE = 95_000_000;

    private final Path directory;
    private final long seed;

    public Corpus(Path directory, long seed) {
        this.directory = directory;
        this.seed = seed;
    }

    /** One article as the generator wrote it. */
    public record Article(int serial, String title, String body) {
    }

    /** A bulletin file on disk and the articles in it, in file order. */
    public record BulletinFile(Path path, List<Article> articles, long bytes) {

        public String sourceName() {
            return path.getFileName().toString();
        }

        /** The events the ingest service publishes for this file (same text, same ids). */
        public List<ArticleEvent> events(String uploadId, Instant ingestedAt) {
            List<ArticleEvent> events = new ArrayList<>(articles.size());
            for (int i = 0; i < articles.size(); i++) {
                Article article = articles.get(i);
                events.add(ArticleEvent.of(article.title(), article.body(), sourceName(), uploadId, i + 1, ingestedAt));
            }
            return events;
        }
    }

    /** {@code articles} articles of ingest round {@code round} (1-based), in {@code files} files. */
    public List<BulletinFile> ingestRound(int round, int articles, int files) {
        BulletinGenerator generator = new BulletinGenerator(seed * 1_000 + round);
        List<BulletinFile> written = new ArrayList<>();
        int perFile = (articles + files - 1) / files;
        int serial = round * ROUND_SPAN + 1;
        for (int f = 0, left = articles; left > 0; f++) {
            int count = Math.min(perFile, left);
            written.add(write(directory.resolve(String.format("bench-r%d-f%02d.txt", round, f + 1)), generator, serial, count,
                    Long.MAX_VALUE));
            serial += count;
            left -= count;
        }
        return written;
    }

    /** A small file to warm up the JITs (benchmark and services) before the first measured round. */
    public BulletinFile warmUpFile(int articles) {
        return write(directory.resolve("bench-warm-up.txt"), new BulletinGenerator(seed * 1_000 + 998), WARM_UP_BASE + 1,
                articles, Long.MAX_VALUE);
    }

    /** A file of at least {@code bytes} bytes (the large-upload figure). */
    public BulletinFile largeFile(long bytes) {
        return write(directory.resolve("bench-large-upload.txt"), new BulletinGenerator(seed * 1_000 + 999),
                LARGE_UPLOAD_BASE + 1, Integer.MAX_VALUE, bytes);
    }

    /** Small in-memory bulletins for the freshness figure: {@code uploads} of {@code perUpload} articles. */
    public List<List<Article>> freshnessBatches(int round, int uploads, int perUpload) {
        BulletinGenerator generator = new BulletinGenerator(seed * 1_000 + 500 + round);
        int serial = FRESHNESS_BASE + round * 1_000_000 + 1;
        List<List<Article>> batches = new ArrayList<>(uploads);
        for (int u = 0; u < uploads; u++) {
            List<Article> batch = new ArrayList<>(perUpload);
            for (int i = 0; i < perUpload; i++, serial++) {
                batch.add(new Article(serial, generator.title(serial), generator.body()));
            }
            batches.add(batch);
        }
        return batches;
    }

    /** The bulletin text of some articles: the seed format, as {@link BulletinGenerator#write} writes it. */
    public static byte[] bulletin(List<Article> articles) {
        StringBuilder text = new StringBuilder(articles.size() * 1024);
        for (int i = 0; i < articles.size(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            Article article = articles.get(i);
            text.append(article.title()).append('\n').append(article.title()).append('\n').append(article.body()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static BulletinFile write(Path file, BulletinGenerator generator, int firstSerial, int maxArticles,
            long minBytes) {
        List<Article> articles = new ArrayList<>();
        long bytes = 0;
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int i = 0; i < maxArticles && bytes < minBytes; i++) {
                    int serial = firstSerial + i;
                    Article article = new Article(serial, generator.title(serial), generator.body());
                    // Same layout as BulletinGenerator.write: title, the title again, body, blank line between.
                    String text = (i > 0 ? "\n" : "") + article.title() + "\n" + article.title() + "\n" + article.body() + "\n";
                    out.write(text);
                    bytes += text.getBytes(StandardCharsets.UTF_8).length;
                    articles.add(article);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BulletinFile(file, List.copyOf(articles), bytes);
    }
}
