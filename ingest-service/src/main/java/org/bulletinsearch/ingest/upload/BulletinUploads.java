package org.bulletinsearch.ingest.upload;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.bulletinsearch.edge.DependencyUnavailableException;
import org.bulletinsearch.edge.DependencyUnavailableException.Dependency;
import org.bulletinsearch.edge.InvalidParameterException;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.ArticleEventCodec;
import org.bulletinsearch.events.Entities;
import org.bulletinsearch.vocabulary.ArticleEntities;
import org.bulletinsearch.vocabulary.EntityExtractor;
import org.bulletinsearch.ingest.IngestConfig;
import org.bulletinsearch.ingest.parsing.BulletinFormatException;
import org.bulletinsearch.ingest.parsing.BulletinParser;
import org.bulletinsearch.ingest.parsing.ParsedArticle;
import org.bulletinsearch.ingest.publishing.ArticlePublisher;
import org.bulletinsearch.ingest.publishing.PublishFailedException;
import org.bulletinsearch.ingest.upload.UploadReportStore.SourceReport;
import org.bulletinsearch.ingest.upload.UploadReportStore.StoredReport;
import org.jboss.logging.Logger;

/**
 * Ingests one upload: parses its files as they stream in, publishes every article inside one Kafka
 * transaction while parsing, and commits only when every file was read without a problem. Any problem
 * (bad input, Kafka failing) aborts the transaction: nothing of the upload is published.
 *
 * <p>Every article of every file is published, also when two files of the upload hold the same article:
 * each (upload, file, position) is a sighting of its own, and every file has a name of its own
 * ({@link SourceNames#forUpload}).
 *
 * <p>Each event carries the article's entities (countries, regions, organizations, programmes, years),
 * extracted once here by the {@code vocabulary} gazetteer, and, for a correction, the id of the article it
 * supersedes.
 *
 * <p>Runs on a worker thread (it blocks on the request body and on Kafka), never on the event loop.
 */
@ApplicationScoped
public class BulletinUploads {

    private static final Logger LOG = Logger.getLogger(BulletinUploads.class);
    /** The event schema's {@code maxLength} of a title. */
    private static final int SCHEMA_MAX_TITLE_LENGTH = 2000;

    private final IngestConfig config;
    private final ArticlePublisher publisher;
    private final UploadReportStore reports;
    private final UploadMetrics metrics;
    private final UploadSizeLimit sizeLimit;
    private final BulletinParser parser;
    private final ArticleEventCodec codec = new ArticleEventCodec();
    private final RecentArticleIds knownIds;

    @Inject
    public BulletinUploads(IngestConfig config, ArticlePublisher publisher, UploadReportStore reports,
            UploadMetrics metrics, UploadSizeLimit sizeLimit) {
        this.config = config;
        this.publisher = publisher;
        this.reports = reports;
        this.metrics = metrics;
        this.sizeLimit = sizeLimit;
        this.parser = new BulletinParser(new BulletinParser.Limits(config.maxLineLength(), config.maxTitleLength(),
                config.maxArticleLength()));
        this.knownIds = new RecentArticleIds(config.knownIds().capacity());
    }

    void checkSettings(@Observes StartupEvent startup) {
        if (config.maxTitleLength() > SCHEMA_MAX_TITLE_LENGTH) {
            throw new IllegalStateException("ingest.max-title-length must not exceed " + SCHEMA_MAX_TITLE_LENGTH
                    + ", the event schema's limit");
        }
    }

    /**
     * Parses and publishes an upload; returns its report once Kafka has acknowledged and committed every
     * event.
     *
     * @throws UploadRefusedException the upload was refused (4xx); nothing of it is visible to consumers
     * @throws DependencyUnavailableException Kafka did not take it, or every producer stayed busy (503);
     *         nothing of it is visible either
     */
    public StoredReport ingest(List<UploadedFile> files) {
        return ingest(files, null);
    }

    /**
     * As {@link #ingest(List)}, for an upload that corrects the article {@code supersedes} (null: none). A
     * correction holds exactly one article; a second one refuses the upload ({@code invalid-parameter}).
     */
    public StoredReport ingest(List<UploadedFile> files, String supersedes) {
        Upload upload = new Upload(files, supersedes);
        try (ArticlePublisher.Transaction transaction = publisher.begin()) {
            for (int i = 0; i < files.size(); i++) {
                upload.publishFile(transaction, i);
            }
            transaction.commit();
        } catch (Exception | Error e) {
            throw refused(upload, e);
        }
        return accepted(upload);
    }

    private StoredReport accepted(Upload upload) {
        // Committed: from here on the upload is published, whatever happens to its report.
        for (int i = 0; i < upload.total; i++) {
            knownIds.add(upload.fingerprints[i]);
        }
        StoredReport report;
        try {
            report = new StoredReport(upload.id, upload.receivedAt, upload.total, upload.alreadyKnown,
                    List.copyOf(upload.sources), upload.spool.file(), upload.spool.finish());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the report of published upload " + upload.id, e);
        }
        reports.keep(report);
        Duration took = upload.elapsed();
        metrics.accepted(upload.total, took);
        LOG.infof("upload %s accepted: %d articles (%d already known) from %d file(s), %d bytes in %d ms", upload.id,
                upload.total, upload.alreadyKnown, upload.files.size(), upload.budget.used(), took.toMillis());
        return report;
    }

    /** The answer to a failed upload, once the transaction is aborted: the one place failures become problems. */
    private RuntimeException refused(Upload upload, Throwable failure) {
        upload.spool.discard();
        if (failure instanceof PublishFailedException e) {
            metrics.failed(e.isBusy() ? "busy" : "kafka-unavailable", upload.elapsed());
            LOG.warnf("upload %s not published: %s", upload.id, e.getMessage());
            return upload.settle(new DependencyUnavailableException(Dependency.KAFKA, (e.isBusy()
                    ? "every Kafka producer of this instance is busy with other uploads"
                    : "Kafka did not take the upload's events") + ". Nothing of this upload was published; retry"
                    + " later (articles have content-derived ids, so a retry is harmless)", e));
        }
        UploadRefusedException refusal;
        if (failure instanceof BulletinFormatException e) {
            refusal = UploadRefusedException.invalidBulletin(e, upload.currentName(), upload.files.size() > 1);
        } else if (failure instanceof UploadRefusedException e) {
            refusal = e;
        } else if (failure instanceof InvalidParameterException e) {
            metrics.rejected("invalid-parameter", upload.elapsed());
            return upload.settle(e);
        } else if (failure instanceof IOException e) {
            refusal = UploadRefusedException.unreadable(e);
        } else if (failure instanceof RuntimeException e) {
            return e;
        } else {
            throw (Error) failure;
        }
        metrics.rejected(refusal.reason(), upload.elapsed());
        LOG.debugf("upload %s refused: %s", upload.id, refusal.getDetail());
        return upload.settle(refusal);
    }

    private static Entities entitiesOf(ArticleEvent event) {
        ArticleEntities found = EntityExtractor.shared().extract(event.title(), event.body());
        return new Entities(found.countries(), found.regions(), found.organizations(), found.programmes(),
                found.years());
    }

    /** One upload while it is parsed and published. */
    private final class Upload {

        final String id = UUID.randomUUID().toString();
        final Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        final long started = System.nanoTime();
        final List<UploadedFile> files;
        final String supersedes;
        final List<String> names;
        final UploadReportStore.Spool spool;
        final UploadSizeLimit.Budget budget = sizeLimit.budget();
        final List<SourceReport> sources = new ArrayList<>();
        /** The published ids' fingerprints, remembered as "known" only once the upload is committed. */
        long[] fingerprints = new long[1024];
        int total;
        int alreadyKnown;
        int current = -1;

        Upload(List<UploadedFile> files, String supersedes) {
            this.files = files;
            this.supersedes = supersedes;
            this.names = SourceNames.forUpload(id, files.stream().map(UploadedFile::name).toList());
            try {
                this.spool = reports.startSpool(id);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the upload report", e);
            }
        }

        void publishFile(ArticlePublisher.Transaction transaction, int index)
                throws BulletinFormatException, IOException, PublishFailedException {
            current = index;
            UploadedFile file = files.get(index);
            int articles = 0;
            try (InputStream in = budget.track(file.content().open())) {
                BulletinParser.ArticleReader reader = parser.read(in, file.charset());
                for (ParsedArticle article = reader.next(); article != null; article = reader.next()) {
                    publishArticle(transaction, index, article);
                    articles++;
                }
            }
            String charset = (file.charset() != null ? file.charset() : StandardCharsets.UTF_8).name();
            sources.add(new SourceReport(names.get(index), charset, articles));
        }

        private void publishArticle(ArticlePublisher.Transaction transaction, int fileIndex, ParsedArticle article)
                throws PublishFailedException, IOException {
            if (++total > config.maxArticles()) {
                throw UploadRefusedException.tooManyArticles(config.maxArticles(), article.line(),
                        names.get(fileIndex));
            }
            ArticleEvent event = ArticleEvent.of(article.title(), article.body(), names.get(fileIndex), id,
                    article.position(), receivedAt).withSupersedes(supersedes);
            checkCorrection(event);
            event = event.withEntities(entitiesOf(event));
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
        }

        /** A correction is one article, and never of itself. */
        private void checkCorrection(ArticleEvent event) {
            if (supersedes == null) {
                return;
            }
            if (total > 1) {
                throw new InvalidParameterException("supersedes", "supersedes names the one article an upload"
                        + " corrects; this upload holds more than one article");
            }
            if (supersedes.equals(event.articleId())) {
                throw new InvalidParameterException("supersedes", "the article cannot supersede itself: its text is"
                        + " the same as that of " + supersedes);
            }
        }

        /** The name of the file being read when the upload failed. */
        String currentName() {
            return names.get(Math.max(current, 0));
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - started);
        }

        /**
         * Reads what the refusal left of a streamed body, within the size limit, so that the client sees the
         * answer; when that is not possible, the answer closes the connection.
         */
        HttpProblem settle(HttpProblem problem) {
            boolean readToEnd = files.stream().filter(UploadedFile::streamed).allMatch(this::drain);
            return readToEnd ? problem : HttpProblem.builder(problem).withHeader("Connection", "close").build();
        }

        private boolean drain(UploadedFile file) {
            try {
                return !budget.exceeded() && budget.drain(file.content().open());
            } catch (IOException e) {
                return false;
            }
        }
    }
}
