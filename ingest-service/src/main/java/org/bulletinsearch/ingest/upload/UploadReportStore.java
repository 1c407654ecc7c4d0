package org.bulletinsearch.ingest.upload;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bulletinsearch.ingest.IngestConfig;
import org.jboss.logging.Logger;

/**
 * Keeps the reports of recent uploads for {@code GET /bulletins/{uploadId}}.
 *
 * <p>A report lists every article of an upload; for 50,000 articles that is megabytes, more than the
 * heap should hold per upload. So while an upload is parsed, its entries go to a compact spool file
 * (id, title, position, file, known flag), and the JSON is streamed from that file, for the {@code 202}
 * answer and for later {@code GET}s alike. Only a small summary per upload stays in memory.
 *
 * <p>Bounded and deliberately simple: the newest {@code ingest.reports.retained} uploads are kept, within
 * {@code ingest.reports.max-disk-size}; reports are per instance and gone after a restart. The events on
 * Kafka (and the catalog) remain the record of what was ingested.
 */
@ApplicationScoped
public class UploadReportStore {

    private static final Logger LOG = Logger.getLogger(UploadReportStore.class);

    /** An upload's report: its summary in memory, its article entries in a spool file. */
    public record StoredReport(String uploadId, Instant receivedAt, int articleCount, int alreadyKnownCount,
            List<SourceReport> sources, Path spool, long spoolBytes) {
    }

    /** One file of an upload: its name (the events' sourceName), the charset it was read with, its articles. */
    public record SourceReport(String name, String charset, int articleCount) {
    }

    /** One article of a report, as the JSON lists it. */
    private record ArticleEntry(String id, String title, int position, String source, boolean alreadyKnown) {
    }

    @Inject
    IngestConfig config;

    @Inject
    ObjectMapper mapper;

    private Path directory;
    private final Map<String, StoredReport> reports = new LinkedHashMap<>();
    private long diskBytes;

    @PostConstruct
    void createDirectory() {
        Path parent = config.reports().directory().orElse(Path.of(System.getProperty("java.io.tmpdir")));
        try {
            directory = Files.createTempDirectory(Files.createDirectories(parent), "ingest-reports-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload report directory", e);
        }
    }

    @PreDestroy
    void deleteDirectory() {
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(UploadReportStore::deleteQuietly);
        } catch (IOException e) {
            LOG.debugf("cleaning %s: %s", directory, e);
        }
        deleteQuietly(directory);
    }

    /** Starts the spool file of an upload in progress. */
    public Spool startSpool(String uploadId) throws IOException {
        return new Spool(directory.resolve(uploadId + ".spool"));
    }

    /** Makes a finished upload's report available, forgetting the oldest reports beyond the bounds. */
    public synchronized void keep(StoredReport report) {
        reports.put(report.uploadId(), report);
        diskBytes += report.spoolBytes();
        Iterator<StoredReport> oldestFirst = reports.values().iterator();
        while (reports.size() > 1 && (reports.size() > config.reports().retained()
                || diskBytes > config.reports().maxDiskSize().asLongValue())) {
            StoredReport evicted = oldestFirst.next();
            oldestFirst.remove();
            diskBytes -= evicted.spoolBytes();
            deleteQuietly(evicted.spool());
        }
    }

    public synchronized Optional<StoredReport> find(String uploadId) {
        return Optional.ofNullable(reports.get(uploadId));
    }

    /**
     * Writes a report as JSON (the shape of {@code UploadReport} in {@code META-INF/openapi.yaml}). Streams:
     * memory use does not depend on the number of articles.
     */
    public void writeJson(StoredReport report, OutputStream out) throws IOException {
        try (JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
                DataInputStream entries = new DataInputStream(new BufferedInputStream(Files.newInputStream(report.spool()),
                        64 * 1024))) {
            json.writeStartObject();
            json.writeStringField("uploadId", report.uploadId());
            json.writeStringField("receivedAt", report.receivedAt().toString());
            json.writeNumberField("articleCount", report.articleCount());
            json.writeNumberField("alreadyKnownCount", report.alreadyKnownCount());
            json.writePOJOField("sources", report.sources());
            json.writeArrayFieldStart("articles");
            for (int i = 0; i < report.articleCount(); i++) {
                int sourceIndex = entries.readUnsignedShort();
                int position = entries.readInt();
                boolean known = entries.readBoolean();
                json.writePOJO(new ArticleEntry(entries.readUTF(), entries.readUTF(), position,
                        report.sources().get(sourceIndex).name(), known));
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (EOFException e) {
            throw new IOException("report spool of " + report.uploadId() + " is truncated", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("could not delete %s: %s", file, e);
        }
    }

    /** The article entries of one upload, written as they are published. */
    public static final class Spool implements Closeable {

        private final Path file;
        private final DataOutputStream out;
        private boolean closed;

        private Spool(Path file) throws IOException {
            this.file = file;
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
        }

        public void add(int sourceIndex, int position, boolean alreadyKnown, String id, String title) throws IOException {
            out.writeShort(sourceIndex);
            out.writeInt(position);
            out.writeBoolean(alreadyKnown);
            out.writeUTF(id);
            out.writeUTF(title);
        }

        public Path file() {
            return file;
        }

        /** Finishes the file; its size afterwards. */
        public long finish() throws IOException {
            close();
            return Files.size(file);
        }

        /** Closes and deletes the file: the upload was refused. */
        public void discard() {
            try {
                close();
            } catch (IOException e) {
                LOG.debugf("closing %s: %s", file, e);
            }
            deleteQuietly(file);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                out.close();
            }
        }
    }
}
