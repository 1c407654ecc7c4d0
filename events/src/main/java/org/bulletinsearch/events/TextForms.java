package org.bulletinsearch.events;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms text takes at the platform's edges, so that every service compares, hashes, truncates and
 * indexes text the same way (Unicode Standard Annex #15 for normalization, #29 for grapheme clusters).
 *
 * <ul>
 *   <li>{@link #nfc}: canonical composition, what is stored and published;</li>
 *   <li>{@link #comparable}: what decides whether two pieces of text are "the same words" (a title and its
 *       repeat, a phrase and an indexed sentence): NFC, invisible format characters removed, whitespace
 *       runs folded, trimmed;</li>
 *   <li>{@link #truncate}: shortening that never splits a surrogate pair or a grapheme cluster.</li>
 * </ul>
 *
 * The article id keeps its own, older normalization ({@link ArticleId#normalize}): changing it would give
 * existing articles new ids.
 */
public final class TextForms {

    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private TextForms() {
    }

    /** Canonical composition (NFC); returns the same instance when the text is already composed. */
    public static String nfc(String text) {
        if (text == null || belowCombiningMarks(text) || Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return text;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * Whether a code point is an invisible format character that must never decide a match: soft hyphen
     * U+00AD, zero-width space/non-joiner/joiner U+200B–U+200D, left-to-right and right-to-left marks
     * U+200E/U+200F, bidi embeddings and isolates U+202A–U+202E and U+2066–U+2069, word joiner U+2060,
     * invisible operators U+2061–U+2064, the byte order mark U+FEFF and the Arabic letter mark U+061C.
     */
    public static boolean isInvisible(int codePoint) {
        return codePoint == 0x00AD || codePoint == 0x061C || (codePoint >= 0x200B && codePoint <= 0x200F)
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2060 && codePoint <= 0x2069)
                || codePoint == 0xFEFF;
    }

    /** The text without {@linkplain #isInvisible invisible format characters}, in NFC. */
    public static String withoutInvisibles(String text) {
        String composed = nfc(text);
        int first = composed == null ? -1 : firstInvisible(composed);
        if (first < 0) {
            return composed;
        }
        // Every invisible format character is in the BMP, so no surrogate is ever dropped or split.
        StringBuilder out = new StringBuilder(composed.length()).append(composed, 0, first);
        for (int i = first + 1; i < composed.length(); i++) {
            char c = composed.charAt(i);
            if (!isInvisible(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstInvisible(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isInvisible(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The form in which two texts are compared: NFC, invisible format characters removed, whitespace runs
     * (including no-break spaces) folded to one space, trimmed. Case is kept.
     */
    public static String comparable(String text) {
        if (text == null || isComparable(text)) {
            return text;
        }
        String visible = withoutInvisibles(text);
        if (visible == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(visible.length());
        boolean space = false;
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Whether {@link #comparable} would return the text unchanged, judged conservatively in one pass (see
     * {@link #isSingleSpaced}); text this misses goes the long way, with the same result. Most news text is
     * caught, and ingest compares every title and sentence.
     */
    static boolean isComparable(String text) {
        return isSingleSpaced(text, c -> c < ' ' || c == '\u00AD' || Character.isSpaceChar(c));
    }

    /**
     * One pass that tells text already in a normal form from text that may not be: no space at either end, no two
     * spaces in a row, nothing at or above U+0300 (below it every character is its own NFC form; combining marks
     * start there, UAX #15), and none of the other characters below U+0300 that {@code refused} names. Printable
     * ASCII and the C1 controls are never asked about: this is the loop every article's text goes through.
     *
     * @param refused the characters outside U+0021–U+009F, but the space, that the form does not allow
     */
    static boolean isSingleSpaced(String text, IntPredicate refused) {
        int length = text.length();
        if (length > 0 && (text.charAt(0) == ' ' || text.charAt(length - 1) == ' ')) {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < '\u00A0') {
                previous = c;
                continue;
            }
            if (c >= '\u0300' || (c == ' ' ? previous == ' ' : refused.test(c))) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** Whether every character is below U+0300: such text is its own NFC form (UAX #15, quick check). */
    private static boolean belowCombiningMarks(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '\u0300') {
                return false;
            }
        }
        return true;
    }

    /** {@link #comparable} and lower case (root locale): for case-insensitive matching such as suggestions. */
    public static String folded(String text) {
        String comparable = comparable(text);
        return comparable == null ? null : comparable.toLowerCase(Locale.ROOT);
    }

    /**
     * At most {@code maxChars} UTF-16 units of {@code text}, cut at the last grapheme cluster boundary that
     * fits, so that no surrogate pair, combining sequence or emoji sequence is split.
     *
     * @param maxChars the budget in UTF-16 code units (what {@link String#length()} counts), at least 0
     * @return the text itself when it fits, else its longest prefix ending on a grapheme boundary
     */
    public static String truncate(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        // \X is an extended grapheme cluster (UAX #29) in java.util.regex; JDK 17's BreakIterator still
        // splits flags and emoji ZWJ sequences.
        Matcher graphemes = GRAPHEME.matcher(text);
        int end = 0;
        while (graphemes.find() && graphemes.end() <= maxChars) {
            end = graphemes.end();
        }
        return text.substring(0, end);
    }
}
