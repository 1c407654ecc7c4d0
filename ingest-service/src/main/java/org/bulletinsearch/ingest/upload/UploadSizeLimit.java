package org.bulletinsearch.ingest.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.bulletinsearch.ingest.IngestConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code ingest.max-upload-size}, the most bytes of one upload over all its files, enforced here only: from
 * an announced {@code Content-Length} before a byte is read (ahead of Quarkus' own check, without
 * {@code 100 Continue}), and while a chunked body is read ({@link Budget}). Both answer
 * {@link UploadRefusedException#tooLarge} and close the connection; other refusals first read the rest of a
 * streamed body within the limit ({@link Budget#drain}), so that a client sending its whole body before
 * reading sees the answer. {@code quarkus.http.limits.max-body-size} is only the HTTP layer's backstop and
 * must be larger (checked at startup): above it Quarkus answers a bare 413 before any code of ours runs.
 */
@ApplicationScoped
public class UploadSizeLimit {

    /** Runs before Quarkus' upload-limit route ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT} = -2). */
    private static final int ROUTE_ORDER = -10;
    private static final String UPLOADS = "/bulletins";

    private final long limit;
    private final long httpLimit;
    private final UploadMetrics metrics;
    private final ObjectMapper mapper;

    public UploadSizeLimit(IngestConfig config, UploadMetrics metrics, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize httpLimit) {
        this.limit = config.maxUploadSize().asLongValue();
        this.httpLimit = httpLimit.asLongValue();
        this.metrics = metrics;
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.POST, UPLOADS).order(ROUTE_ORDER).handler(this::checkAnnouncedLength);
    }

    /** Settings that contradict each other stop the service at startup rather than surprise a client. */
    void checkSettings(@Observes StartupEvent startup) {
        if (httpLimit <= limit) {
            throw new IllegalStateException("quarkus.http.limits.max-body-size (" + httpLimit + " bytes) must be larger"
                    + " than ingest.max-upload-size (" + limit + " bytes), else Quarkus cuts uploads off first");
        }
    }

    /** A fresh count for one upload. */
    Budget budget() {
        return new Budget();
    }

    private void checkAnnouncedLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        // The HTTP codec refuses a Content-Length that is no number.
        long announced = length == null ? -1 : Long.parseLong(length.strip());
        if (announced <= limit) {
            context.next();
            return;
        }
        UploadRefusedException refused = UploadRefusedException.tooLarge(limit, "the upload has " + announced
                + " bytes; the limit is " + limit + " bytes (ingest.max-upload-size)");
        metrics.rejected(refused.reason(), null);
        try {
            // Outside the REST layer: written with the library's serializer, the JSON it renders itself.
            String json = mapper.writeValueAsString(HttpProblem.builder(refused).withInstance(URI.create(UPLOADS))
                    .build());
            context.response().setStatusCode(refused.getStatusCode())
                    .putHeader(HttpHeaders.CONTENT_TYPE, HttpProblem.MEDIA_TYPE.toString())
                    .putHeader(HttpHeaders.CONNECTION, "close").end(json);
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    /** Counts the bytes of one upload's files against the limit. One per upload, not thread-safe. */
    final class Budget {

        private long used;
        private boolean exceeded;

        /** Bytes read so far. */
        long used() {
            return used;
        }

        /** Whether reading went beyond the limit: the rest of the body stays unread. */
        boolean exceeded() {
            return exceeded;
        }

        /** The stream, counted: reading beyond the limit throws {@link UploadRefusedException} (413). */
        InputStream track(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }
            };
        }

        /**
         * Reads and discards the rest of a refused upload's streamed body, within the limit.
         *
         * @return true when the body was read to its end; false when it could not be (over the limit, or the
         *         connection failed): then the connection has to close after the answer
         */
        boolean drain(InputStream body) {
            byte[] buffer = new byte[64 * 1024];
            InputStream counted = track(body);
            try {
                while (counted.read(buffer) >= 0) {
                    // discard
                }
                return true;
            } catch (IOException | UploadRefusedException e) {
                return false;
            }
        }

        private void count(int n) {
            used += n;
            if (used > limit) {
                exceeded = true;
                throw UploadRefusedException.tooLarge(limit, "the upload is larger than " + limit
                        + " bytes (ingest.max-upload-size)");
            }
        }
    }
}
