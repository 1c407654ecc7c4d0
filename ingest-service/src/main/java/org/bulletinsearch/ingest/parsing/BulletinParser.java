package org.bulletinsearch.ingest.parsing;

import static org.bulletinsearch.ingest.parsing.BulletinFormatException.Kind.AMBIGUOUS;
import static org.bulletinsearch.ingest.parsing.BulletinFormatException.Kind.ARTICLE_TOO_LONG;
import static org.bulletinsearch.ingest.parsing.BulletinFormatException.Kind.EMPTY;
import static org.bulletinsearch.ingest.parsing.BulletinFormatException.Kind.TITLE_TOO_LONG;
import static org.bulletinsearch.ingest.parsing.BulletinFormatException.Kind.TITLE_WITHOUT_BODY;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.bulletinsearch.events.TextForms;

/**
 * Reads bulletins: plain-text files of articles separated by blank lines, each a title line, usually the
 * same title again, then one body paragraph (which may be wrapped over several lines).
 *
 * <p>It streams: articles come out one at a time while the input is read, so a file of any size is
 * parsed in constant memory. It is pure Java, without framework, and not thread-safe (one reader per
 * file).
 *
 * <h2>What it accepts</h2>
 * <ul>
 *   <li>LF, CRLF or CR line ends, a byte order mark (also in the middle, where two files were joined),
 *       the charset given by the caller (UTF-8 when none is declared), extra blank lines, leading and
 *       trailing whitespace;</li>
 *   <li>the repeated title on the next line or after a blank line, and the body directly after the
 *       title(s) or after a blank line;</li>
 *   <li>the title written once: when the line after a title is not the same title, it starts the body;</li>
 *   <li>a repeat that differs from the title only in Unicode composition (NFC or NFD), invisible format
 *       characters (zero-width space, soft hyphen, BOM, bidi marks) or whitespace: lines are compared in
 *       {@link TextForms#comparable} form, never as code units;</li>
 *   <li>two bulletins joined into one file, also without a blank line between the last body and the next
 *       title: a title is recognized by its repetition.</li>
 * </ul>
 *
 * <h2>What it refuses (never guessing silently)</h2>
 * Empty files, binary content, text that does not decode in the declared charset, control characters,
 * lines, titles or articles over their limits, a title with no body, a title written three times, and
 * a title-once article whose title also ends the previous line (two files joined without a line break),
 * and a line after a title that repeats it in other letter case (it could be the repeat or the body: a
 * title never ends up inside a body). Each refusal names the line.
 */
public final class BulletinParser {

    /**
     * Size limits, all in characters.
     *
     * @param maxLineLength longest physical line
     * @param maxTitleLength longest title; a longer "title" is most likely a body paragraph out of place
     * @param maxArticleLength longest body once its lines are joined
     */
    public record Limits(int maxLineLength, int maxTitleLength, int maxArticleLength) {

        public Limits {
            if (maxLineLength < 1 || maxTitleLength < 1 || maxArticleLength < 1) {
                throw new IllegalArgumentException("limits must be positive: " + this);
            }
        }
    }

    private final Limits limits;

    public BulletinParser(Limits limits) {
        this.limits = limits;
    }

    /**
     * Starts reading a bulletin.
     *
     * @param in the raw bytes; not closed by the reader
     * @param charset the charset the client declared, or {@code null} for UTF-8
     */
    public ArticleReader read(InputStream in, Charset charset) {
        boolean declared = charset != null;
        return new ArticleReader(new LineReader(in, declared ? charset : StandardCharsets.UTF_8, declared,
                limits.maxLineLength()), limits);
    }

    /**
     * A non-blank line, trimmed; {@code key} is its {@link TextForms#comparable} form, in which lines are
     * compared; {@code afterBlank}: a blank line (or the start of the file) precedes it.
     */
    private record Line(int number, String text, String key, boolean afterBlank) {

        boolean sameText(Line other) {
            return other != null && key.equals(other.key);
        }
    }

    /** Pulls articles out of one bulletin, one at a time. */
    public static final class ArticleReader {

        private final LineReader lines;
        private final Limits limits;
        private final Deque<Line> lookahead = new ArrayDeque<>(4);
        private boolean exhausted;
        private boolean blankPending = true;
        private int position;
        private Line previousBodyLastLine;

        private ArticleReader(LineReader lines, Limits limits) {
            this.lines = lines;
            this.limits = limits;
        }

        /**
         * The next article, or {@code null} after the last one.
         *
         * @throws BulletinFormatException the file cannot be read unambiguously from here on
         * @throws IOException reading the input failed
         */
        public ParsedArticle next() throws BulletinFormatException, IOException {
            Line title = take();
            if (title == null) {
                if (position == 0) {
                    throw new BulletinFormatException(EMPTY, "the file is empty or contains only whitespace");
                }
                return null;
            }
            if (title.text().length() > limits.maxTitleLength()) {
                throw new BulletinFormatException(TITLE_TOO_LONG, title.number(), "line " + title.number()
                        + " should be a title but has " + title.text().length() + " characters (the limit is "
                        + limits.maxTitleLength() + "): is it a body paragraph without a title?");
            }
            String body = readBody(title, bodyStart(title));
            position++;
            return new ParsedArticle(title.text(), body, position, title.number());
        }

        /** The first line of the title's body: after the repeated title, or right after a title written once. */
        private Line bodyStart(Line title) throws BulletinFormatException, IOException {
            Line second = take();
            Line bodyStart = title.sameText(second) ? take() : second;
            if (bodyStart == null) {
                throw withoutBody(title, "the file ends after it");
            }
            if (bodyStart == second) {
                rejectNearRepeat(title, second);
                rejectTitleGluedToPreviousBody(title);
            } else if (title.sameText(bodyStart)) {
                throw new BulletinFormatException(AMBIGUOUS, bodyStart.number(), "the title on line "
                        + title.number() + " is written a third time on line " + bodyStart.number()
                        + ": cannot tell where its body starts");
            }
            if (bodyStart.sameText(peek(0))) {
                // What would be the body is a title written twice: the title has no body of its own (or it
                // is a stray paragraph, e.g. a second body paragraph of the article before).
                throw withoutBody(title, "line " + bodyStart.number() + " starts the next article");
            }
            return bodyStart;
        }

        /** The body paragraph from its first line up to a blank line or a title written twice. */
        private String readBody(Line title, Line bodyStart) throws BulletinFormatException, IOException {
            StringBuilder body = new StringBuilder(bodyStart.text());
            Line last = bodyStart;
            Line next;
            // A title written twice right after the body, without a blank line (two bulletins joined, or a
            // missing blank line), ends the body too.
            while ((next = peek(0)) != null && !next.afterBlank() && !next.sameText(peek(1))) {
                take();
                body.append(' ').append(next.text());
                last = next;
                if (body.length() > limits.maxArticleLength()) {
                    throw new BulletinFormatException(ARTICLE_TOO_LONG, next.number(), "the body of the article on"
                            + " line " + title.number() + " is longer than " + limits.maxArticleLength()
                            + " characters (ingest.max-article-length) by line " + next.number());
                }
            }
            previousBodyLastLine = last;
            return body.toString();
        }

        /**
         * The line after a title-once article's title starts its body; when it is the title again in other
         * letter case, it may as well be a sloppy repeat, and guessing could glue a title into a body.
         */
        private void rejectNearRepeat(Line title, Line next) throws BulletinFormatException {
            if (TextForms.folded(title.text()).equals(TextForms.folded(next.text()))) {
                throw new BulletinFormatException(AMBIGUOUS, next.number(), "line " + next.number()
                        + " repeats the title on line " + title.number() + " in other letter case: cannot tell"
                        + " whether it is the title again or the start of the body; write the repeat exactly");
            }
        }

        /**
         * With the title written once, a title can only be told apart by its position. When the previous
         * line ends with exactly this title, the previous file most likely ended without a line break and
         * the title is duplicated into its last line: refuse rather than keep a corrupted body.
         */
        private void rejectTitleGluedToPreviousBody(Line title) throws BulletinFormatException {
            if (previousBodyLastLine == null) {
                return;
            }
            String previous = previousBodyLastLine.key();
            String text = title.key();
            if (previous.length() > text.length() && previous.endsWith(text)
                    && previous.charAt(previous.length() - text.length() - 1) != ' ') {
                int line = previousBodyLastLine.number();
                throw new BulletinFormatException(AMBIGUOUS, line, "line " + line + " ends with the title on line "
                        + title.number() + ": were two files joined without a line break? Cannot tell where the"
                        + " body ends");
            }
        }

        private BulletinFormatException withoutBody(Line title, String why) {
            return new BulletinFormatException(TITLE_WITHOUT_BODY, title.number(), "the title on line "
                    + title.number() + " has no body: " + why);
        }

        private Line take() throws BulletinFormatException, IOException {
            if (lookahead.isEmpty() && !fill()) {
                return null;
            }
            return lookahead.pollFirst();
        }

        private Line peek(int index) throws BulletinFormatException, IOException {
            while (lookahead.size() <= index) {
                if (!fill()) {
                    return null;
                }
            }
            return index == 0 ? lookahead.peekFirst() : lookahead.stream().skip(index).findFirst().orElseThrow();
        }

        /** Reads up to the next non-blank line into the look-ahead; false at the end of the input. */
        private boolean fill() throws BulletinFormatException, IOException {
            if (exhausted) {
                return false;
            }
            while (true) {
                int number = lines.lineNumber();
                String raw = lines.readLine();
                if (raw == null) {
                    exhausted = true;
                    return false;
                }
                // The published text is normalized by ArticleEvent; here only comparisons need care.
                String text = raw.strip();
                String key = TextForms.comparable(text);
                if (key.isEmpty()) {
                    // blank, or only invisible format characters (a zero-width space): blank to a reader
                    blankPending = true;
                    continue;
                }
                lookahead.addLast(new Line(number, text, key, blankPending));
                blankPending = false;
                return true;
            }
        }
    }
}
