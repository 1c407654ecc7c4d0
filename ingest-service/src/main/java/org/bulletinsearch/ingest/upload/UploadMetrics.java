package org.bulletinsearch.ingest.upload;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bulletinsearch.edge.ApiKeyFilter;
import java.time.Duration;

/**
 * The service's own metrics on {@code /q/metrics}, next to the HTTP and JVM ones:
 * <ul>
 *   <li>{@code ingest_uploads_total{outcome=accepted|rejected|failed|unauthorized}}: uploads by outcome
 *       (rejected = the client's fault, 4xx; failed = Kafka's, 503);</li>
 *   <li>{@code ingest_upload_seconds{outcome}}: how long uploads took;</li>
 *   <li>{@code ingest_articles_published_total}: articles in committed uploads;</li>
 *   <li>{@code ingest_rejections_total{reason}}: refused uploads by reason (the problem's {@code reason}
 *       field: empty-file, binary-content, invalid-encoding, title-without-body, line-too-long,
 *       upload-too-large, unsupported-media-type, missing-api-key, invalid-api-key, ...).</li>
 * </ul>
 */
@ApplicationScoped
public class UploadMetrics {

    private final MeterRegistry registry;
    private final Counter articlesPublished;

    public UploadMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.articlesPublished = Counter.builder("ingest.articles.published")
                .description("Articles published in committed uploads").register(registry);
    }

    public void accepted(long articles, Duration took) {
        upload("accepted", took);
        articlesPublished.increment(articles);
    }

    /** {@code took} may be null when the upload was refused before it was read. */
    public void rejected(String reason, Duration took) {
        upload("rejected", took);
        rejection(reason);
    }

    /** A request without a valid API key; counted as an upload when it was one (not a report lookup). */
    void unauthorized(@Observes ApiKeyFilter.Unauthorized refused) {
        if ("POST".equals(refused.method())) {
            upload("unauthorized", null);
        }
        rejection(refused.type().slug());
    }

    public void failed(String reason, Duration took) {
        upload("failed", took);
        rejection(reason);
    }

    private void upload(String outcome, Duration took) {
        Counter.builder("ingest.uploads").description("Uploads by outcome").tag("outcome", outcome)
                .register(registry).increment();
        if (took != null) {
            Timer.builder("ingest.upload").description("Time to parse and publish an upload").tag("outcome", outcome)
                    .register(registry).record(took);
        }
    }

    private void rejection(String reason) {
        Counter.builder("ingest.rejections").description("Refused uploads by reason").tag("reason", reason)
                .register(registry).increment();
    }
}
