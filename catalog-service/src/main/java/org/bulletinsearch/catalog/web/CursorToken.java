package org.bulletinsearch.catalog.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bulletinsearch.edge.Parameters;

/**
 * The shape of every paging cursor the catalog hands out: its fields joined by {@code |}, as UTF-8,
 * in URL-safe base64 without padding. Clients treat it as opaque. It is not signed because it grants
 * nothing (any value only selects a starting point), so whatever comes back is decoded defensively:
 * only well-formed UTF-8 without control characters, with exactly the expected number of fields.
 */
public final class CursorToken {

    /** Longest token accepted, in characters (an upload cursor with a 255-character file name fits). */
    public static final int MAX_LENGTH = 2048;

    private CursorToken() {
    }

    /** The token of these fields; only the last may contain {@code |}. */
    public static String encode(String... fields) {
        byte[] plain = String.join("|", fields).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain);
    }

    /**
     * The {@code count} fields of a token {@link #encode} wrote (the last one may contain {@code |}),
     * or empty when the token is not one: absent, too long, not base64, not UTF-8, with a control
     * character, or with fewer fields.
     */
    public static Optional<List<String>> decode(String token, int count) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String plain;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            plain = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
        if (plain.codePoints().anyMatch(Parameters::isControl)) {
            return Optional.empty();
        }
        String[] fields = plain.split("\\|", count);
        return fields.length == count ? Optional.of(List.of(fields)) : Optional.empty();
    }
}
