package org.bulletinsearch.edge;

import io.vertx.core.http.HttpServerRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The checks {@link HttpEdge} runs on a raw request, as pure functions of its request target and header
 * size, and the problem documents they produce ({@code type}, {@code title}, {@code status},
 * {@code detail} and members, as RFC 9457 lays them out).
 */
final class RequestChecks {

    /** Characters RFC 3986 does not allow unencoded in a request target (besides controls and non-ASCII). */
    private static final String NOT_ALLOWED = " \"#<>[\\]^`{|}";

    private RequestChecks() {
    }

    static Optional<Map<String, Object>> check(HttpServerRequest request, EdgeConfig config) {
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return check(request.uri(), headerBytes, config.maxUriLength(), config.maxHeaderSize());
    }

    /**
     * @param target the raw request target (path and query string, still percent-encoded)
     * @param headerBytes the size of all header lines, in bytes
     * @return the problem to answer with, or empty when the request may go on
     */
    static Optional<Map<String, Object>> check(String target, long headerBytes, int maxTarget, int maxHeaders) {
        if (target.length() > maxTarget) {
            return Optional.of(problem(ProblemType.URI_TOO_LONG, "the request target has " + target.length()
                    + " characters; this service reads at most " + maxTarget, Map.of("limit", maxTarget)));
        }
        if (headerBytes > maxHeaders) {
            return Optional.of(problem(ProblemType.HEADERS_TOO_LARGE, "the request headers take " + headerBytes
                    + " bytes; this service reads at most " + maxHeaders, Map.of("limit", maxHeaders)));
        }
        return encodingProblem(target).map(detail -> problem(ProblemType.MALFORMED_REQUEST, detail, Map.of()));
    }

    /** What is wrong with the percent-encoding of a request target, if anything. */
    static Optional<String> encodingProblem(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x21 || c >= 0x7F || NOT_ALLOWED.indexOf(c) >= 0) {
                return Optional.of(String.format("the request target contains the character U+%04X at position %d,"
                        + " which must be percent-encoded (as %%%02X for ASCII)", (int) c, i, (int) c & 0xFF));
            }
        }
        ByteBuffer bytes = ByteBuffer.allocate(target.length());
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0
                        || Character.digit(target.charAt(i + 2), 16) < 0) {
                    return Optional.of("the request target has a '%' at position " + i
                            + " that is not followed by two hex digits (a literal % is written %25)");
                }
                bytes.put((byte) Integer.parseInt(target.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.of("the request target's percent-encoded bytes are not valid UTF-8");
        }
    }

    /** A problem document: type, title, status, detail, then the members. */
    static Map<String, Object> problem(ProblemType type, String detail, Map<String, Object> members) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.uri().toString());
        problem.put("title", type.title());
        problem.put("status", type.status());
        problem.put("detail", detail);
        problem.putAll(members);
        return problem;
    }

    /** The status for a failure that reached the router without one: 400 for what the client sent wrong. */
    static int statusOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.startsWith("io.netty.handler.codec") || t instanceof IllegalArgumentException
                    || (t instanceof io.vertx.core.VertxException && String.valueOf(t.getMessage()).toLowerCase()
                            .contains("multipart"))) {
                return 400;
            }
            if (name.endsWith("TooLargeException") || String.valueOf(t.getMessage()).contains("Size exceed")) {
                return 413;
            }
        }
        return 500;
    }

    /** A detail for a failure below our code: what happened for the client, without internals. */
    static String detailOf(ProblemType type, Throwable failure) {
        return switch (type) {
            case PAYLOAD_TOO_LARGE -> "the request body is larger than this service accepts";
            case MALFORMED_REQUEST -> "the request could not be read" + (failure == null || failure.getMessage() == null
                    ? "" : ": " + Parameters.abbreviate(failure.getMessage()));
            case NOT_FOUND -> "there is nothing at this path";
            case METHOD_NOT_ALLOWED -> "this path does not take this HTTP method";
            case UNSUPPORTED_MEDIA_TYPE -> "this path does not take this Content-Type";
            default -> type.status() >= 500 ? "the service failed to answer this request" : type.title();
        };
    }
}
