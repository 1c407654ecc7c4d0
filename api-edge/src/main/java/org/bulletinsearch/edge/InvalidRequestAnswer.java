package org.bulletinsearch.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Answers with problem+json what the HTTP codec refuses before any route runs: a request line that is not
 * HTTP (a raw space inside the target), a header with a control character, a request line or headers beyond
 * the codec's hard caps. Vert.x hands such a request to its server's {@code invalidRequestHandler}, whose
 * default answers a bare status; Quarkus creates the servers and offers no way to set that handler
 * (Vert.x 4.5: {@code HttpServer#invalidRequestHandler} must be called before {@code listen}).
 *
 * <p>So, once the HTTP server has started, every connection handler of every Quarkus HTTP server is wrapped
 * so that each new connection gets {@link #answer} as its invalid-request handler. This reaches into Vert.x
 * internals (the servers' workers, read by reflection), checked against Vert.x 4.5.27: when they change
 * shape, it logs a warning and the codec's bare status comes back, which the services' {@code HostileInputIT}
 * tests catch.
 */
@ApplicationScoped
public class InvalidRequestAnswer {

    private static final Logger LOG = Logger.getLogger(InvalidRequestAnswer.class);

    private final ObjectMapper mapper;

    public InvalidRequestAnswer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void install(@ObservesAsync HttpServerStart started, Vertx vertx) {
        try {
            int workers = 0;
            for (HttpServerImpl server : ((VertxInternal) vertx).sharedHttpServers().values()) {
                for (Object worker : workersOf(server)) {
                    wrap(worker);
                    workers++;
                }
            }
            if (workers == 0) {
                throw new IllegalStateException("no HTTP server worker found");
            }
            LOG.infof("problem+json for invalid requests on %d HTTP server workers", workers);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("invalid requests keep the HTTP codec's bare answer: Vert.x internals changed (%s)", e);
        }
    }

    /**
     * The problem for a request the codec could not read: 414 or 431 when it was too long, else 400
     * {@code malformed-request}; the connection closes after it, because the codec cannot tell where the
     * next request starts.
     */
    void answer(HttpServerRequest request) {
        Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
        ProblemType type = cause instanceof TooLongHttpLineException ? ProblemType.URI_TOO_LONG
                : cause instanceof TooLongHttpHeaderException ? ProblemType.HEADERS_TOO_LARGE
                : ProblemType.MALFORMED_REQUEST;
        String detail = switch (type) {
            case URI_TOO_LONG -> "the request line is longer than the HTTP codec reads at all";
            case HEADERS_TOO_LARGE -> "the request headers are larger than the HTTP codec reads at all";
            default -> "the request is not well-formed HTTP/1.1 (such as a raw space in the request target or a"
                    + " control character in a header)";
        };
        // The codec cannot tell where the next request would start: close the connection after the answer.
        request.response().putHeader("Connection", "close");
        HttpEdge.send(request.response(), RequestChecks.problem(type, detail, Map.of()), mapper)
                .onComplete(done -> request.connection().close());
    }

    /** The per-listener workers of one listening server (one per event loop it serves). */
    private static Collection<Object> workersOf(HttpServerImpl server) throws ReflectiveOperationException {
        Object balancer = read(server, "io.vertx.core.net.impl.TCPServerBase", "channelBalancer");
        Map<?, ?> workerMap = (Map<?, ?>) read(balancer, balancer.getClass().getName(), "workerMap");
        List<Object> workers = new ArrayList<>();
        for (Object workerList : workerMap.values()) {
            for (Object channelHandler : (List<?>) read(workerList, workerList.getClass().getName(), "list")) {
                // Each is TCPServerBase's "ch -> childHandler.accept(ch, …)", bound to its own server.
                for (Field captured : channelHandler.getClass().getDeclaredFields()) {
                    captured.setAccessible(true);
                    if (captured.get(channelHandler) instanceof HttpServerImpl owner) {
                        workers.add(read(owner, "io.vertx.core.net.impl.TCPServerBase", "childHandler"));
                    }
                }
            }
        }
        return workers;
    }

    /** Wraps the worker's connection handler, once. */
    @SuppressWarnings("unchecked")
    private void wrap(Object worker) throws ReflectiveOperationException {
        Field field = Class.forName("io.vertx.core.http.impl.HttpServerWorker").getDeclaredField("connectionHandler");
        field.setAccessible(true);
        Handler<HttpServerConnection> original = (Handler<HttpServerConnection>) field.get(worker);
        if (!(original instanceof AnsweringConnections)) {
            field.set(worker, new AnsweringConnections(original, this::answer));
        }
    }

    private static Object read(Object target, String declaringClass, String name) throws ReflectiveOperationException {
        Field field = Class.forName(declaringClass, false, target.getClass().getClassLoader()).getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }

    /** Vert.x's own set-up of each new connection, then our invalid-request handler on it. */
    private record AnsweringConnections(Handler<HttpServerConnection> original, Handler<HttpServerRequest> invalid)
            implements Handler<HttpServerConnection> {

        @Override
        public void handle(HttpServerConnection connection) {
            original.handle(connection);
            connection.invalidRequestHandler(invalid);
        }
    }
}
