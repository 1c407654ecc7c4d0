package org.bulletinsearch.ingest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.net.URI;

/**
 * Builds the service's {@code application/problem+json} answers. Every problem carries a {@code reason}
 * (a stable slug, also the {@code reason} tag of the {@code ingest_rejections_total} metric) and a
 * {@code type} derived from it; parsing problems add the {@code line}, multi-file uploads the {@code source}.
 */
public final class Problems {

    /** Base of the problem type URIs; the reason slug follows. */
    public static final String TYPE_BASE = "https://bulletinsearch.org/problems/";

    private Problems() {
    }

    public static HttpProblem.Builder problem(int status, String reason, String title, String detail) {
        return HttpProblem.builder()
                .withType(URI.create(TYPE_BASE + reason))
                .withStatus(status)
                .withTitle(title)
                .withDetail(detail)
                .with("reason", reason);
    }
}
