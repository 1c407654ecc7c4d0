package org.bulletinsearch.edge;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of problem the Bulletin Search APIs answer with, as {@code application/problem+json}
 * (RFC 9457): the same {@code type} URI, {@code title} and status for the same kind of problem in every
 * service. Documented once, with each type's extension members, in {@code api-edge/README.md}.
 *
 * <p>Extension members used across the vocabulary: {@code parameter} (the request parameter at fault),
 * {@code reason} (a stable slug refining the type, e.g. {@code title-without-body}; also a metrics tag),
 * {@code line} and {@code source} (where in an uploaded file), {@code limit} (the limit that was
 * exceeded, in the unit the detail names) and {@code dependency} (what is down: {@code kafka},
 * {@code database} or {@code search-engine}).
 */
public enum ProblemType {
    /** A query or path parameter out of range, of the wrong shape, or with characters it must not hold. */
    INVALID_PARAMETER(400, "invalid-parameter", "Invalid request parameter"),
    /** The request itself cannot be read: broken percent-encoding, a cut-off multipart body, illegal characters. */
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    /** An uploaded bulletin that cannot be read unambiguously; {@code reason}, {@code line}, {@code source}. */
    INVALID_BULLETIN(400, "invalid-bulletin", "Bulletin cannot be read"),
    /** No API key where one is required. */
    MISSING_API_KEY(401, "missing-api-key", "API key required"),
    /** An API key that is not accepted. */
    INVALID_API_KEY(403, "invalid-api-key", "API key not accepted"),
    /** No such resource (article, upload, story, page). */
    NOT_FOUND(404, "not-found", "Not found"),
    /** The resource exists but not with this HTTP method. */
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    /** None of the media types the client accepts can be produced. */
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    /** The request conflicts with the resource's state (e.g. a reindex already running). */
    CONFLICT(409, "conflict", "Conflict"),
    /** A body (upload, form part) larger than the service takes; {@code limit} in bytes or articles. */
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request too large"),
    /** A request line longer than the service reads; {@code limit} in characters. */
    URI_TOO_LONG(414, "uri-too-long", "Request URI too long"),
    /** A body type, part type or charset the service does not read. */
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    /** Request headers larger than the service reads; {@code limit} in bytes. */
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request headers too large"),
    /** A dependency is down: the request was fine and may be retried after {@code Retry-After} seconds. */
    DEPENDENCY_UNAVAILABLE(503, "dependency-unavailable", "Temporarily unavailable"),
    /** A fault of ours; the detail never carries a stack trace. */
    INTERNAL_ERROR(500, "internal-error", "Internal error");

    /** Base of every type URI; the slug follows. */
    public static final String TYPE_BASE = "https://bulletinsearch.org/problems/";

    /** Seconds a client is asked to wait before retrying a 503. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The last segment of the type URI, e.g. {@code invalid-parameter}. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(TYPE_BASE + slug);
    }

    /** A builder of this problem with the given detail; add members with {@code with(name, value)}. */
    public HttpProblem.Builder builder(String detail) {
        HttpProblem.Builder builder = HttpProblem.builder().withType(uri()).withTitle(title).withStatus(status)
                .withDetail(detail);
        if (status == 503) {
            builder.withHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        return builder;
    }

    /** The type a bare HTTP status stands for (errors raised below our code), if the vocabulary has one. */
    public static Optional<ProblemType> forStatus(int status) {
        if (status == 400) {
            return Optional.of(MALFORMED_REQUEST);
        }
        return Arrays.stream(values()).filter(t -> t.status == status).findFirst();
    }

    /** The type whose URI this is, if any. */
    public static Optional<ProblemType> forUri(URI uri) {
        return uri == null ? Optional.empty()
                : Arrays.stream(values()).filter(t -> t.uri().equals(uri)).findFirst();
    }
}
