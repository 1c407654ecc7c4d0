package org.bulletinsearch.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The first and last stop of every request, below the REST layer: answers with problem+json what the
 * resources never see.
 *
 * <ul>
 *   <li>Before routing: a request target longer than {@link EdgeConfig#maxUriLength()} (414), headers
 *       larger than {@link EdgeConfig#maxHeaderSize()} (431), and a path or query string that is not
 *       well-formed percent-encoded UTF-8 without control characters (400, {@code malformed-request}).</li>
 *   <li>After a failure the REST layer did not answer itself (a body cut off mid-multipart, a body larger
 *       than the HTTP limits, an unexpected exception): the status's problem type, never a stack trace.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpEdge {

    private static final Logger LOG = Logger.getLogger(HttpEdge.class);
    private static final String PROBLEM_JSON = "application/problem+json";

    private final EdgeConfig config;
    private final ObjectMapper mapper;

    public HttpEdge(EdgeConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::guard);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    private void guard(RoutingContext context) {
        Optional<Map<String, Object>> problem = RequestChecks.check(context.request(), config);
        if (problem.isPresent()) {
            respond(context, problem.get());
        } else {
            context.next();
        }
    }

    private void failed(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        int status = context.statusCode() > 0 ? context.statusCode() : RequestChecks.statusOf(context.failure());
        ProblemType type = ProblemType.forStatus(status).orElse(status >= 500 ? ProblemType.INTERNAL_ERROR
                : ProblemType.MALFORMED_REQUEST);
        if (type.status() >= 500) {
            LOG.errorf(context.failure(), "request %s %s failed", context.request().method(), context.request().path());
        }
        respond(context, RequestChecks.problem(type, RequestChecks.detailOf(type, context.failure()), Map.of()));
    }

    private void respond(RoutingContext context, Map<String, Object> problem) {
        HttpServerRequest request = context.request();
        Map<String, Object> body = new LinkedHashMap<>(problem);
        body.put("instance", Parameters.abbreviate(request.path() == null ? "/" : request.path()));
        send(context.response(), body, mapper);
    }

    /**
     * Ends {@code response} with a problem document ({@link RequestChecks#problem}): its status, problem+json,
     * {@code Retry-After} on a 503, and {@code Connection: close} when the rest of the request is not read.
     */
    static Future<Void> send(HttpServerResponse response, Map<String, Object> problem, ObjectMapper mapper) {
        int status = (Integer) problem.get("status");
        response.setStatusCode(status).putHeader("Content-Type", PROBLEM_JSON);
        if (status == 503) {
            response.putHeader("Retry-After", Integer.toString(ProblemType.RETRY_AFTER_SECONDS));
        }
        if (status == 413 || status == 414 || status == 431) {
            // The rest of an oversized request is not read: the connection cannot carry another one.
            response.putHeader("Connection", "close");
        }
        try {
            return response.end(mapper.writeValueAsString(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return response.end("{\"status\":" + status + "}");
        }
    }
}
