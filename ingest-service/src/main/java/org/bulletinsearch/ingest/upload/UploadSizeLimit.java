package org.bulletinsearch.ingest.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.bulletinsearch.ingest.IngestConfig;
import org.bulletinsearch.ingest.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Enforces {@code ingest.max-upload-size} before a byte of the body is read.
 *
 * <p>An upload that announces a larger {@code Content-Length} is answered {@code 413} as problem+json at
 * once, ahead of Quarkus' own body-size check, and without sending {@code 100 Continue}, so a
 * well-behaved client does not even send the body. Chunked uploads carry no length: {@link
 * BulletinUploads} counts their bytes as it reads them and answers the same problem when they pass the
 * limit.
 *
 * <p>{@code quarkus.http.limits.max-body-size} is only the HTTP layer's backstop and must be at least as
 * large: were it the same, Quarkus would cut chunked uploads off first, with an empty 413, before the
 * service sees the excess byte.
 */
@ApplicationScoped
public class UploadSizeLimit {

    /** Runs before Quarkus' upload-limit route ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT} = -2). */
    private static final int ROUTE_ORDER = -10;

    @Inject
    IngestConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    UploadMetrics metrics;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> httpMaxBodySize;

    void register(@Observes Router router) {
        router.route(HttpMethod.POST, "/bulletins").order(ROUTE_ORDER).handler(this::check);
    }

    /** Settings that contradict each other stop the service at startup rather than surprise a client. */
    void checkSettings(@Observes StartupEvent startup) {
        long limit = config.maxUploadSize().asLongValue();
        long http = httpMaxBodySize.map(MemorySize::asLongValue).orElse(10_240L * 1024);
        if (http < limit) {
            throw new IllegalStateException("quarkus.http.limits.max-body-size (" + http + " bytes) is smaller than"
                    + " ingest.max-upload-size (" + limit + " bytes): uploads would be cut off below the limit");
        }
        if (config.maxTitleLength() > 2000) {
            throw new IllegalStateException("ingest.max-title-length must not exceed 2000, the event schema's limit");
        }
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = config.maxUploadSize().asLongValue();
        long announced;
        try {
            announced = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            announced = -1;
        }
        if (announced <= limit) {
            context.next();
            return;
        }
        metrics.rejected("upload-too-large", null);
        ObjectNode problem = mapper.createObjectNode()
                .put("type", Problems.TYPE_BASE + "upload-too-large")
                .put("status", 413)
                .put("title", "Upload too large")
                .put("detail", "the upload has " + announced + " bytes; the limit is " + limit
                        + " bytes (ingest.max-upload-size). Split the bulletin into several uploads")
                .put("instance", context.request().path())
                .put("reason", "upload-too-large");
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem.toString());
    }
}
