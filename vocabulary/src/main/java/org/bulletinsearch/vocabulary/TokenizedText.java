package org.bulletinsearch.vocabulary;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A piece of text cut into word tokens, the unit every dictionary lookup in this package works on.
 *
 * <p>Folding, applied code point by code point so that offsets into the original text stay exact:
 * invisible format characters (Unicode category Cf: soft hyphen, zero-width space and joiners, word joiner,
 * byte order mark, bidi marks) are dropped as if absent, so they never split a word; every other code point
 * is NFKD-decomposed and stripped of combining marks ("Côte", with a precomposed "ô" or with "o" and a
 * combining circumflex, becomes "Cote": what NFC followed by diacritic folding gives), and a few letters
 * without a decomposition are spelled out
 * (ß, æ, ø, œ, ł, đ, ı, þ). A token is a maximal run of letters and digits; '&amp;' is the token "and".
 * A token written as single letters with dots ("U.S.", "U.K.") is joined into one ("US", "UK").
 *
 * <p>Between two tokens lies a gap, classified as {@link #SOFT} (spaces, hyphens, apostrophes of any kind),
 * {@link #COMMA}, {@link #PERIOD}, {@link #SLASH} (one such mark plus soft characters) or {@link #HARD}
 * (anything else, such as parentheses, several marks, a dash). A dictionary phrase matches across a text gap
 * only if the gap is soft or of the same class as the phrase's own gap there (see {@link Term}).
 */
final class TokenizedText {

    static final byte SOFT = 0;
    static final byte COMMA = 1;
    static final byte PERIOD = 2;
    static final byte SLASH = 3;
    static final byte HARD = 4;

    /** Segments with at least this many letters and less than 20 % lower case are treated as all-caps. */
    private static final int ALL_CAPS_MIN_LETTERS = 12;

    /** Tokens as written after folding, case kept. */
    final String[] surface;
    /** Tokens after folding, lower-cased: the dictionary keys. */
    final String[] key;
    /** Gap class before each token; {@link #HARD} before the first. */
    final byte[] gapBefore;
    /** Whether a currency sign ($ € £ ¥) is the last visible character before the token. */
    final boolean[] afterCurrency;
    /** UTF-16 offsets of each token in the original text, end exclusive; never inside a surrogate pair. */
    final int[] start;
    final int[] end;
    final int size;
    /** Whether the text is written in capitals, where case can no longer tell acronyms from words. */
    final boolean allCaps;

    /** Takes over the builder's arrays (they may be longer than {@link #size}; only the prefix counts). */
    private TokenizedText(Builder b) {
        size = b.size;
        surface = b.surface;
        key = b.key;
        gapBefore = b.gapBefore;
        afterCurrency = b.afterCurrency;
        start = b.start;
        end = b.end;
        allCaps = b.letters >= ALL_CAPS_MIN_LETTERS && b.lowerLetters * 5 < b.letters;
    }

    /**
     * Cuts {@code text} into tokens.
     *
     * @param text any text, may be empty; {@code null} is treated as empty
     * @return the tokens, never {@code null}; arrays may be longer than {@link #size}
     */
    static TokenizedText of(String text) {
        Builder b = new Builder(text == null ? 0 : text.length());
        if (text != null) {
            b.scan(text);
        }
        b.joinDottedLetters();
        return new TokenizedText(b);
    }

    /** Whether token {@code i} starts with an upper-case letter. */
    boolean capitalized(int i) {
        return Character.isUpperCase(surface[i].codePointAt(0));
    }

    /** Whether token {@code i} is the first of a sentence: the first token or one after a period or hard gap. */
    boolean sentenceStart(int i) {
        return i == 0 || gapBefore[i] == PERIOD || gapBefore[i] == HARD;
    }

    /** Whether token {@code i} is four ASCII digits. */
    boolean fourDigits(int i) {
        String k = key[i];
        if (k.length() != 4) {
            return false;
        }
        for (int j = 0; j < 4; j++) {
            char c = k.charAt(j);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Accumulates tokens while scanning; arrays grow on demand. */
    private static final class Builder {
        /** News English averages six characters a word with its space: dividing by five leaves room. */
        private static final int CHARS_PER_TOKEN = 5;

        String[] surface;
        String[] key;
        byte[] gapBefore;
        boolean[] afterCurrency;
        int[] start;
        int[] end;
        boolean[] singleDotBefore;
        boolean dottedLetters;
        int size;
        int letters;
        int lowerLetters;

        private final StringBuilder token = new StringBuilder(32);

        private int tokenStart = -1;
        private boolean tokenUpper;
        private int tokenEnd;
        private byte gap = HARD;
        private int gapChars;
        private boolean gapSingleDot;
        private boolean currency;

        Builder(int textLength) {
            int capacity = textLength / CHARS_PER_TOKEN + 4;
            surface = new String[capacity];
            key = new String[capacity];
            gapBefore = new byte[capacity];
            afterCurrency = new boolean[capacity];
            start = new int[capacity];
            end = new int[capacity];
            singleDotBefore = new boolean[capacity];
        }

        void scan(String text) {
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    acceptFolded(c, i, i + 1);
                    i++;
                } else {
                    int cp = text.codePointAt(i);
                    int next = i + Character.charCount(cp);
                    acceptNonAscii(cp, i, next);
                    i = next;
                }
            }
            finishToken();
        }

        private void acceptNonAscii(int cp, int from, int to) {
            if (Character.getType(cp) != Character.FORMAT) {
                fold(cp).codePoints().forEach(c -> acceptFolded(c, from, to));
            }
        }

        private void acceptFolded(int c, int from, int to) {
            if (Character.isLetterOrDigit(c)) {
                if (tokenStart < 0) {
                    tokenStart = from;
                }
                token.appendCodePoint(c);
                tokenEnd = to;
                countCase(c);
                tokenUpper |= (c >= 'A' && c <= 'Z') || (c >= 0x80 && Character.toLowerCase(c) != c);
            } else if (c == '&') {
                finishToken();
                tokenStart = from;
                token.append("and");
                tokenEnd = to;
                finishToken();
            } else if (c == '$' && token.length() > 0) {
                // "US$ 5 million" is money, not the United States: the sign becomes part of the word.
                token.append('$');
                tokenEnd = to;
            } else {
                finishToken();
                widenGap(c);
            }
        }

        private void countCase(int c) {
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isLowerCase(c)) {
                    lowerLetters++;
                }
            }
        }

        private void widenGap(int c) {
            gapChars++;
            gapSingleDot = gapChars == 1 && c == '.';
            currency = c == '$' || c == '\u20ac' || c == '\u00a3' || c == '\u00a5' || (currency && c == ' ');
            if (Character.isWhitespace(c) || c == '-' || c == '\'' || c == '`' || c == '\u2010' || c == '\u2011') {
                return;
            }
            byte mark = c == ',' ? COMMA : c == '.' ? PERIOD : c == '/' ? SLASH : HARD;
            gap = gap == SOFT && mark != HARD ? mark : HARD;
        }

        private void finishToken() {
            if (tokenStart < 0) {
                return;
            }
            grow();
            surface[size] = token.toString();
            key[size] = tokenUpper ? surface[size].toLowerCase(Locale.ROOT) : surface[size];
            tokenUpper = false;
            gapBefore[size] = size == 0 ? HARD : gap;
            afterCurrency[size] = currency;
            singleDotBefore[size] = gapSingleDot;
            dottedLetters |= gapSingleDot && token.length() == 1;
            start[size] = tokenStart;
            end[size] = tokenEnd;
            size++;
            token.setLength(0);
            tokenStart = -1;
            gap = SOFT;
            gapChars = 0;
            gapSingleDot = false;
            currency = false;
        }

        private void grow() {
            if (size < surface.length) {
                return;
            }
            int n = surface.length * 2;
            surface = Arrays.copyOf(surface, n);
            key = Arrays.copyOf(key, n);
            gapBefore = Arrays.copyOf(gapBefore, n);
            afterCurrency = Arrays.copyOf(afterCurrency, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            singleDotBefore = Arrays.copyOf(singleDotBefore, n);
        }

        /** Joins "U" "." "S" into "US": abbreviations are written both ways and must look the same. */
        void joinDottedLetters() {
            if (!dottedLetters) {
                return;
            }
            boolean[] run = new boolean[size];
            boolean[] joined = new boolean[size];
            int out = 0;
            for (int i = 0; i < size; i++) {
                boolean letter = isSingleLetter(surface[i]);
                if (out > 0 && letter && singleDotBefore[i] && run[out - 1]) {
                    surface[out - 1] = surface[out - 1] + surface[i];
                    key[out - 1] = key[out - 1] + key[i];
                    end[out - 1] = end[i];
                    joined[out - 1] = true;
                } else {
                    copy(i, out);
                    if (out > 0 && joined[out - 1] && gapBefore[out] == PERIOD) {
                        // The dot closing "U.S." belongs to the abbreviation, not to a sentence end.
                        gapBefore[out] = SOFT;
                    }
                    run[out++] = letter;
                }
            }
            size = out;
        }

        private void copy(int from, int to) {
            surface[to] = surface[from];
            key[to] = key[from];
            gapBefore[to] = gapBefore[from];
            afterCurrency[to] = afterCurrency[from];
            singleDotBefore[to] = singleDotBefore[from];
            start[to] = start[from];
            end[to] = end[from];
        }

        private static boolean isSingleLetter(String s) {
            return s.length() == 1 && Character.isLetter(s.charAt(0));
        }
    }

    /**
     * Folds one non-ASCII code point to the letters it is matched as; may return an empty string (a
     * combining mark on its own) or several characters.
     */
    static String fold(int cp) {
        switch (cp) {
            case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x2032: case 0x00B4:
                return "'";
            case 0x00DF: return "ss";
            case 0x00E6: return "ae";
            case 0x00C6: return "AE";
            case 0x00F8: return "o";
            case 0x00D8: return "O";
            case 0x0153: return "oe";
            case 0x0152: return "OE";
            case 0x0142: return "l";
            case 0x0141: return "L";
            case 0x0111: return "d";
            case 0x0110: return "D";
            case 0x0131: return "i";
            case 0x00FE: return "th";
            case 0x00DE: return "Th";
            default:
                break;
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> !isMark(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
