package org.bulletinsearch.ingest.upload;

import io.restassured.path.json.JsonPath;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends a request byte for byte over a socket, so that no client library "fixes" it (encodes the target,
 * refuses a header, adds a charset), and reads the answer. Every request asks the server to close the
 * connection afterwards.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** An answer: status, headers (names in lower case), body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonPath json() {
            return JsonPath.from(text());
        }

        /** application/problem+json with type, title and the status of the answer. */
        boolean isProblem() {
            String type = header("content-type");
            if (type == null || !type.startsWith("application/problem+json")) {
                return false;
            }
            try {
                JsonPath json = json();
                return json.getString("type") != null && json.getString("title") != null
                        && json.getInt("status") == status;
            } catch (RuntimeException notJson) {
                return false;
            }
        }
    }

    /**
     * A request: the request line as given, {@code Host} and {@code Connection: close}, the header lines as
     * given (UTF-8, so any byte can be sent), and {@code Content-Length} when there is a body.
     */
    static byte[] request(String method, String target, List<String> headerLines, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        headerLines.forEach(line -> head.append(line).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[headBytes.length + (body == null ? 0 : body.length)];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        if (body != null) {
            System.arraycopy(body, 0, all, headBytes.length, body.length);
        }
        return all;
    }

    /** Sends the bytes and reads the answer (after any {@code 100 Continue}). */
    static Answer exchange(URL server, byte[] request) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(60_000);
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
        }
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

    /** A header or chunk-size line without its CRLF; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        List<Byte> bytes = new ArrayList<>();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                bytes.add((byte) b);
            }
        }
        if (b < 0 && bytes.isEmpty()) {
            return null;
        }
        byte[] array = new byte[bytes.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = bytes.get(i);
        }
        return new String(array, StandardCharsets.ISO_8859_1);
    }
}
