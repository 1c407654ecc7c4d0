package org.bulletinsearch.servicetesting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 requests written byte for byte on a socket to a service on this machine, so that no client
 * library encodes, checks or "fixes" them (an unencoded {@code |}, broken percent-encoding, a huge or
 * non-ASCII header, a body that does not match its headers): what a hostile or careless client really
 * sends. Every request asks the server to close the connection afterwards; a request that gets no complete
 * answer within 60 s fails with an {@link UncheckedIOException}.
 */
public final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ANSWER_WITHIN_MILLIS = 60_000;

    private RawHttp() {
    }

    /**
     * An answer: status, headers (names in lower case; the first of repeated ones) and the body as sent
     * (chunked transfer coding removed).
     */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        /** The header's value, whatever the case of {@code name}; null when absent. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The {@code Content-Type}, or "" when there is none. */
        public String contentType() {
            String type = header("content-type");
            return type == null ? "" : type;
        }

        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as JSON; fails the test when it is not JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        /** Status, type and the start of the body: enough to tell in a failure message what came back. */
        @Override
        public String toString() {
            String text = text();
            return status + " " + contentType() + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    /** {@code GET target} (sent as it is) to the service on {@code port}, with extra header lines such as {@code "X-A: b"}. */
    public static Answer get(int port, String target, String... headerLines) {
        return send(port, "GET", target, List.of(headerLines), null);
    }

    /**
     * A request: the request line as given, {@code Host} and {@code Connection: close}, the header lines as
     * given (UTF-8, so any byte can be sent), {@code Content-Length} when there is a body, then the body.
     *
     * @param body null for none
     */
    public static Answer send(int port, String method, String target, List<String> headerLines, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
        headerLines.forEach(line -> head.append(line).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            request.writeBytes(body);
        }
        return exchange(port, request.toByteArray());
    }

    /**
     * Sends {@code request} exactly as given and reads the answer that follows any {@code 100 Continue}. When
     * the server answers and closes before the whole request is written (a body over a limit), its answer is
     * read all the same.
     */
    public static Answer exchange(int port, byte[] request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(ANSWER_WITHIN_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException answeredEarly) {
                // The server may answer and close before the whole request is sent: read what it said.
            }
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Answer answer;
            do {
                answer = read(in);
            } while (answer.status() == 100);
            return answer;
        } catch (IOException e) {
            String start = new String(request, 0, Math.min(80, request.length), StandardCharsets.ISO_8859_1);
            throw new UncheckedIOException("no answer to " + start.lines().findFirst().orElse(""), e);
        }
    }

    /** {@code value} percent-encoded as UTF-8 for a query string ({@code +} for a space). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the server closed the connection without an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        if (status == 100) {
            return new Answer(status, headers, new byte[0]);
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return new Answer(status, headers, chunked(in));
        }
        String length = headers.get("content-length");
        return new Answer(status, headers, length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes());
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String size = line(in); size != null; size = line(in)) {
            int length = Integer.parseInt(size.split(";")[0].strip(), 16);
            if (length == 0) {
                break;
            }
            body.write(in.readNBytes(length));
            line(in);
        }
        return body.toByteArray();
    }

    /** A status, header or chunk-size line without its line end; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                bytes.write(b);
            }
        }
        if (b < 0 && bytes.size() == 0) {
            return null;
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
