package org.bulletinsearch.search.page;

import io.quarkus.qute.RawString;

/**
 * A highlighted title or snippet as the page shows it. The engine's highlight is HTML already (its encoder
 * escapes the text, matches are wrapped in {@code <em>}), but the page trusts no HTML it did not write: the
 * fragment is read back into text and marks, and written again with the text escaped here and {@code <em>}
 * the only element. Whatever the engine or an article held, nothing else than escaped text and {@code <em>}
 * reaches the page.
 */
public final class HighlightHtml {

    private static final String OPEN = "<em>";
    private static final String CLOSE = "</em>";

    private HighlightHtml() {
    }

    /**
     * @param engineHtml text escaped as HTML with matches in {@code <em>}; null for none
     * @return the same text, escaped again by this class, with balanced {@code <em>} marks only
     */
    public static RawString of(String engineHtml) {
        if (engineHtml == null || engineHtml.isEmpty()) {
            return new RawString("");
        }
        StringBuilder out = new StringBuilder(engineHtml.length() + 16);
        boolean marked = false;
        int i = 0;
        while (i < engineHtml.length()) {
            if (engineHtml.startsWith(OPEN, i)) {
                if (!marked) {
                    out.append(OPEN);
                    marked = true;
                }
                i += OPEN.length();
            } else if (engineHtml.startsWith(CLOSE, i)) {
                if (marked) {
                    out.append(CLOSE);
                    marked = false;
                }
                i += CLOSE.length();
            } else {
                int end = nextMark(engineHtml, i + 1);
                out.append(Html.escape(Html.unescape(engineHtml.substring(i, end))));
                i = end;
            }
        }
        if (marked) {
            out.append(CLOSE);
        }
        return new RawString(out.toString());
    }

    private static int nextMark(String html, int from) {
        int open = html.indexOf(OPEN, from);
        int close = html.indexOf(CLOSE, from);
        int next = open < 0 ? close : close < 0 ? open : Math.min(open, close);
        return next < 0 ? html.length() : next;
    }
}
