package org.bulletinsearch.ingest.upload;

import static org.bulletinsearch.ingest.Problems.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.ArticleEventCodec;
import org.bulletinsearch.ingest.IngestConfig;
import org.bulletinsearch.ingest.parsing.BulletinFormatException;
import org.bulletinsearch.ingest.parsing.BulletinParser;
import org.bulletinsearch.ingest.parsing.ParsedArticle;
import org.bulletinsearch.ingest.publishing.ArticlePublisher;
import org.bulletinsearch.ingest.publishing.PublishFailedException;
import org.bulletinsearch.ingest.upload.UploadReport.SourceReport;
import org.bulletinsearch.ingest.upload.UploadReportStore.StoredReport;
import org.jboss.logging.Logger;

/**
 * Ingests one upload: parses its files as they stream in, publishes every article inside one Kafka
 * transaction while parsing, and commits only when every file was read without a problem. Any problem
 * (bad input, Kafka failing) aborts the transaction: nothing of the upload is published.
 *
 * <p>Runs on a worker thread (it blocks on the request body and on Kafka), never on the event loop.
 */
@ApplicationScoped
public class BulletinUploads {

    private static final Logger LOG = Logger.getLogger(BulletinUploads.class);

    /** One file of an upload. */
    public record UploadedFile(String name, Charset charset, Content content) {
    }

    /** Opens a file's bytes (the request body, or a multipart part spooled to disk). */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    private final IngestConfig config;
    private final ArticlePublisher publisher;
    private final UploadReportStore reports;
    private final UploadMetrics metrics;
    private final BulletinParser parser;
    private final ArticleEventCodec codec = new ArticleEventCodec();
    private final RecentArticleIds knownIds;

    @Inject
    public BulletinUploads(IngestConfig config, ArticlePublisher publisher, UploadReportStore reports,
            UploadMetrics metrics) {
        this.config = config;
        this.publisher = publisher;
        this.reports = reports;
        this.metrics = metrics;
        this.parser = new BulletinParser(new BulletinParser.Limits(config.maxLineLength(), config.maxTitleLength(),
                config.maxArticleLength()));
        this.knownIds = new RecentArticleIds(config.knownIds().capacity());
    }

    /**
     * Parses and publishes an upload; returns its report once Kafka has acknowledged and committed every
     * event.
     *
     * @throws HttpProblem the upload was refused (4xx) or could not be published (503); nothing of it is
     *         visible to consumers
     */
    public StoredReport ingest(List<UploadedFile> files) {
        String uploadId = UUID.randomUUID().toString();
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long started = System.nanoTime();
        UploadReportStore.Spool spool;
        try {
            spool = reports.startSpool(uploadId);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the upload report", e);
        }
        String currentFile = null;
        try {
            List<SourceReport> sources = new ArrayList<>(files.size());
            long[] fingerprints = new long[1024];
            int total = 0;
            int alreadyKnown = 0;
            UploadBudget budget = new UploadBudget(config.maxUploadSize().asLongValue());
            try (ArticlePublisher.Transaction transaction = publisher.begin()) {
                for (int fileIndex = 0; fileIndex < files.size(); fileIndex++) {
                    UploadedFile given = files.get(fileIndex);
                    UploadedFile file = given.name() != null ? given : new UploadedFile(defaultName(uploadId,
                            fileIndex, files.size()), given.charset(), given.content());
                    currentFile = file.name();
                    int inFile = 0;
                    try (InputStream in = budget.track(file.content().open())) {
                        BulletinParser.ArticleReader reader = parser.read(in, file.charset());
                        ParsedArticle article;
                        while ((article = reader.next()) != null) {
                            if (++total > config.maxArticles()) {
                                throw problem(413, "too-many-articles", "Too many articles",
                                        "the upload has more than " + config.maxArticles() + " articles"
                                                + " (ingest.max-articles): article " + total + " starts on line "
                                                + article.line() + ". Split it into several uploads")
                                        .with("line", article.line()).with("source", file.name()).build();
                            }
                            ArticleEvent event = ArticleEvent.of(article.title(), article.body(), file.name(), uploadId,
                                    article.position(), receivedAt);
                            transaction.send(event.articleId(), codec.toJson(event));
                            long fingerprint = RecentArticleIds.fingerprint(event.articleId());
                            boolean known = knownIds.contains(fingerprint);
                            if (known) {
                                alreadyKnown++;
                            }
                            if (total > fingerprints.length) {
                                fingerprints = Arrays.copyOf(fingerprints, fingerprints.length * 2);
                            }
                            fingerprints[total - 1] = fingerprint;
                            spool.add(fileIndex, article.position(), known, event.articleId(), event.title());
                            inFile++;
                        }
                    }
                    Charset charset = file.charset() != null ? file.charset() : StandardCharsets.UTF_8;
                    sources.add(new SourceReport(file.name(), charset.name(), inFile));
                }
                transaction.commit();
            }
            // Committed: from here on the upload is published, whatever happens to its report.
            for (int i = 0; i < total; i++) {
                knownIds.add(fingerprints[i]);
            }
            long spoolBytes = spool.finish();
            StoredReport report = new StoredReport(uploadId, receivedAt, total, alreadyKnown, List.copyOf(sources),
                    spool.file(), spoolBytes);
            reports.keep(report);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            metrics.accepted(total, took);
            LOG.infof("upload %s accepted: %d articles (%d already known) from %d file(s), %d bytes in %d ms",
                    uploadId, total, alreadyKnown, files.size(), budget.used(), took.toMillis());
            return report;
        } catch (BulletinFormatException e) {
            spool.discard();
            metrics.rejected(e.kind().slug(), elapsed(started));
            HttpProblem.Builder problem = problem(400, e.kind().slug(), e.kind().title(), detail(e.getMessage(),
                    currentFile, files.size()));
            e.line().ifPresent(line -> problem.with("line", line));
            if (currentFile != null) {
                problem.with("source", currentFile);
            }
            LOG.debugf("upload %s refused: %s", uploadId, e.getMessage());
            throw problem.build();
        } catch (PublishFailedException e) {
            spool.discard();
            String reason = e.isBusy() ? "busy" : "kafka-unavailable";
            metrics.failed(reason, elapsed(started));
            LOG.warnf("upload %s not published: %s", uploadId, e.getMessage());
            String cause = e.getMessage().replaceAll("[.\\s]+$", "");
            throw problem(503, reason, e.isBusy() ? "Busy" : "Event store unavailable", cause + ". Nothing of this"
                    + " upload was published; retry later (articles have content-derived ids, so a retry is harmless).")
                    .withHeader("Retry-After", 10).build();
        } catch (UploadTooLargeException e) {
            spool.discard();
            metrics.rejected("upload-too-large", elapsed(started));
            // The rest of the body is not read: close the connection after answering.
            throw problem(413, "upload-too-large", "Upload too large", e.getMessage()
                    + ". Split the bulletin into several uploads").withHeader("Connection", "close").build();
        } catch (IOException e) {
            spool.discard();
            metrics.rejected("unreadable-upload", elapsed(started));
            throw problem(400, "unreadable-upload", "Unreadable upload", "the upload could not be read to the end: "
                    + e.getMessage()).build();
        } catch (HttpProblem e) {
            spool.discard();
            metrics.rejected(String.valueOf(e.getParameters().get("reason")), elapsed(started));
            throw e;
        } catch (RuntimeException | Error e) {
            spool.discard();
            throw e;
        }
    }

    /** The sourceName of a file that came without a name. */
    private static String defaultName(String uploadId, int fileIndex, int files) {
        return uploadId + (files > 1 ? "-" + (fileIndex + 1) : "") + ".txt";
    }

    private static String detail(String message, String file, int files) {
        return files > 1 && file != null ? file + ": " + message : message;
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The body exceeded {@code ingest.max-upload-size} while it was read (no Content-Length announced it). */
    static final class UploadTooLargeException extends IOException {
        UploadTooLargeException(long limit) {
            super("the upload is larger than " + limit + " bytes (ingest.max-upload-size)");
        }
    }

    /**
     * Counts the bytes of all files of an upload and stops reading at {@code ingest.max-upload-size}. A
     * declared Content-Length is checked before the body is read ({@link UploadSizeLimit}); this catches
     * chunked bodies, which announce no length.
     */
    static final class UploadBudget {

        private final long limit;
        private long used;

        UploadBudget(long limit) {
            this.limit = limit;
        }

        long used() {
            return used;
        }

        InputStream track(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }
            };
        }

        private void count(int n) throws UploadTooLargeException {
            used += n;
            if (used > limit) {
                throw new UploadTooLargeException(limit);
            }
        }
    }
}
