package org.bulletinsearch.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The title highlight and snippet of a hit, from the engine's highlights of {@code title},
 * {@code title.exact}, {@code body} and {@code body.exact} (HTML: text escaped by the engine's
 * {@code html} encoder, matches wrapped in {@code <em>}). Words match on the main fields, quoted
 * phrases on the {@code .exact} ones, so a query with both needs both.
 */
final class Highlights {

    static final String PRE = "<em>";
    static final String POST = "</em>";
    /** An extended grapheme cluster (UAX #29), as {@code TextForms.truncate} counts them. */
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final char ZERO_WIDTH_JOINER = '\u200D';

    private Highlights() {
    }

    /** The whole title with every match marked, or the escaped title when nothing in it matched. */
    static String title(JsonNode highlight, String title) {
        String words = highlight.path(SearchQueryBuilder.TITLE).path(0).asText(null);
        String phrases = highlight.path(SearchQueryBuilder.TITLE + SearchQueryBuilder.PHRASE_SUFFIX).path(0).asText(null);
        if (words == null || phrases == null) {
            return words != null ? words : phrases != null ? phrases : escapeHtml(title);
        }
        return union(words, phrases);
    }

    /** The best passage with a match, words first, else a phrase's; the body's start when neither matched. */
    static String snippet(JsonNode highlight) {
        String words = highlight.path(SearchQueryBuilder.BODY).path(0).asText("");
        String phrases = highlight.path(SearchQueryBuilder.BODY + SearchQueryBuilder.PHRASE_SUFFIX).path(0).asText("");
        return wholeCharacters(words.contains(PRE) || phrases.isEmpty() ? words : phrases);
    }

    /**
     * A passage without the pieces of characters at its ends. The engine cuts passages at the word
     * boundaries of Java's {@code BreakIterator}, which breaks after a zero-width joiner, so an emoji
     * sequence such as a family can lose its end: a last grapheme cluster that ends in a joiner or half a
     * surrogate pair is left out, and so is a first one that starts with a joiner, a combining mark or
     * half a pair.
     */
    static String wholeCharacters(String passage) {
        if (passage.isEmpty()) {
            return passage;
        }
        // Segmenting is costly and almost every passage has whole characters at both ends: look first.
        boolean brokenStart = continues(passage.codePointAt(0));
        char last = passage.charAt(passage.length() - 1);
        boolean brokenEnd = last == ZERO_WIDTH_JOINER || Character.isHighSurrogate(last);
        if (!brokenStart && !brokenEnd) {
            return passage;
        }
        Matcher clusters = GRAPHEME.matcher(passage);
        int start = 0;
        int lastStart = -1;
        while (clusters.find()) {
            if (clusters.start() == 0 && brokenStart) {
                start = clusters.end();
            }
            lastStart = clusters.start();
        }
        int end = brokenEnd && lastStart >= start ? lastStart : passage.length();
        return passage.substring(start, Math.max(start, end));
    }

    /** Whether a code point can only continue a character begun before it. */
    private static boolean continues(int codePoint) {
        int type = Character.getType(codePoint);
        return codePoint == ZERO_WIDTH_JOINER || Character.isLowSurrogate((char) codePoint)
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /**
     * Two highlightings of the same text merged: a character is marked when either marks it. The escaped
     * text never holds a literal {@code <em>} (the encoder writes {@code &lt;em&gt;}), so the tags are
     * unambiguous.
     */
    static String union(String a, String b) {
        StringBuilder text = new StringBuilder(a.length());
        BitSet marked = marks(a, text);
        StringBuilder other = new StringBuilder(b.length());
        BitSet otherMarked = marks(b, other);
        if (!text.toString().contentEquals(other)) {
            return a;
        }
        marked.or(otherMarked);
        StringBuilder out = new StringBuilder(a.length() + b.length());
        for (int i = 0; i < text.length(); i++) {
            if (marked.get(i) && (i == 0 || !marked.get(i - 1))) {
                out.append(PRE);
            }
            out.append(text.charAt(i));
            if (marked.get(i) && !marked.get(i + 1)) {
                out.append(POST);
            }
        }
        return out.toString();
    }

    /** Appends the text of {@code html} without its tags to {@code text}; returns which characters were marked. */
    private static BitSet marks(String html, StringBuilder text) {
        BitSet marked = new BitSet();
        boolean inside = false;
        for (int i = 0; i < html.length(); ) {
            if (html.startsWith(PRE, i)) {
                inside = true;
                i += PRE.length();
            } else if (html.startsWith(POST, i)) {
                inside = false;
                i += POST.length();
            } else {
                marked.set(text.length(), inside);
                text.append(html.charAt(i++));
            }
        }
        return marked;
    }

    /** Text as HTML: {@code < > & " '} escaped, as the engine's encoder does. */
    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
