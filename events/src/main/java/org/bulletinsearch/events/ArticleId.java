package org.bulletinsearch.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Content-derived article identity.
 *
 * <p>The id is the first 128 bits of SHA-256 over the normalized title and body, as 32 lowercase
 * hex characters: long enough that two different articles never share one, short enough for URLs.
 * Normalization removes what differs between copies of the same text but not its meaning: a byte
 * order mark, line-end style (CRLF, CR, LF), runs of whitespace, trailing spaces, and Unicode
 * composition (NFC). Case and punctuation are kept: they are part of the text.
 */
public final class ArticleId {

    /** Length of an id in hex characters. */
    public static final int LENGTH = 32;

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{" + LENGTH + "}");

    private ArticleId() {
    }

    /** The id of an article; title and body need not be normalized beforehand. */
    public static String of(String title, String body) {
        return ofNormalized(normalize(title), normalize(body));
    }

    /** The id of an article whose title and body went through {@link #normalize} already. */
    static String ofNormalized(String title, String body) {
        String canonical = title + "\n\n" + body;
        byte[] digest = sha256().digest(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, LENGTH / 2);
    }

    /** The text as the id sees it: NFC, no BOM, whitespace runs folded to one space, trimmed. */
    public static String normalize(String text) {
        // A character loop rather than a regex: this runs for every article the platform sees.
        String composed = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < composed.length(); i++) {
            char c = composed.charAt(i);
            if (isSeparator(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF';
    }

    /** Whether a string has the shape of an article id (it may still be unknown). */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
