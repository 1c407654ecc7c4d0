package org.bulletinsearch.ingest.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test bulletins (our own text, in the seed format) and the test profile's API keys. */
final class Fixtures {

    /** From {@code %test.ingest.api-key}. */
    static final String API_KEY = "test-key-one";
    static final String SECOND_API_KEY = "test-key-two";
    /** {@link #API_KEY} as a raw request's header line. */
    static final String API_KEY_HEADER = "X-API-Key: " + API_KEY;

    static final String HARBOUR_GAZETTE = "harbour-gazette.txt";
    static final String VALLEY_COURIER = "valley-courier.txt";

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/bulletins/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
