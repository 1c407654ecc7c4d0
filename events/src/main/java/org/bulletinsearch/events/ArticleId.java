package org.bulletinsearch.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    /** One digest per thread: looking one up costs more than hashing a short article. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(ArticleId::sha256);
    private static final byte[] SEPARATOR = "\n\n".getBytes(StandardCharsets.UTF_8);

    private ArticleId() {
    }

    /** The id of an article; title and body need not be normalized beforehand. */
    public static String of(String title, String body) {
        return ofNormalized(normalize(title), normalize(body));
    }

    /** The id of an article whose title and body went through {@link #normalize} already. */
    static String ofNormalized(String title, String body) {
        MessageDigest sha256 = SHA_256.get();
        sha256.update(title.getBytes(StandardCharsets.UTF_8));
        sha256.update(SEPARATOR);
        byte[] digest = sha256.digest(body.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, LENGTH / 2);
    }

    /** The text as the id sees it: NFC, no BOM, whitespace runs folded to one space, trimmed. */
    public static String normalize(String text) {
        // Every consumer recomputes the id of every event, whose text is normalized already: the
        // benchmark's profiles showed this method among the hottest in all three services while it
        // copied such text. Checking costs no allocation.
        if (isNormalized(text)) {
            return text;
        }
        // A character loop rather than a regex: this runs for every article the platform sees.
        String composed = TextForms.nfc(text);
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

    /**
     * Whether {@link #normalize} would return the text unchanged, judged conservatively: no separator
     * but single inner spaces, and nothing at or above U+0300, below which every character is its own
     * NFC form (combining marks start there). Text this misses goes the long way, with the same result.
     */
    static boolean isNormalized(String text) {
        return TextForms.isSingleSpaced(text, c -> isSeparator((char) c));
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
