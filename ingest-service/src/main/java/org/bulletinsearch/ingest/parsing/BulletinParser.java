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
import java.util.Iterator;

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
 *   <li>two bulletins joined into one file, also without a blank line between the last body and the next
 *       title: a title is recognized by its repetition.</li>
 * </ul>
 *
 * <h2>What it refuses (never guessing silently)</h2>
 * Empty files, binary content, text that does not decode in the declared charset, control characters,
 * lines, titles or articles over their limits, a title with no body, a title written three times, and
 * a title-once article whose title also ends the previous line (two files joined without a line break).
 * Each refusal names the line.
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

        public static final Limits DEFAULT = new Limits(100_000, 500, 100_000);

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

    public BulletinParser() {
        this(Limits.DEFAULT);
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

    /** A non-blank line, trimmed, and whether a blank line (or the start of the file) precedes it. */
    private record Line(int number, String text, boolean afterBlank) {
    }

    /** Pulls articles out of one bulletin, one at a time. */
    public static final class ArticleReader implements Iterable<ParsedArticle> {

        private final LineReader lines;
        private final Limits limits;
        private final Deque<Line> lookahead = new ArrayDeque<>(4);
        private boolean exhausted;
        private boolean blankPending = true;
        private int position;
        private String previousBodyLastLine;
        private int previousBodyLastLineNumber;

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
            Line second = take();
            if (second == null) {
                throw withoutBody(title, "the file ends after it");
            }
            Line bodyStart;
            boolean repeated = second.text().equals(title.text());
            if (repeated) {
                bodyStart = take();
                if (bodyStart == null) {
                    throw withoutBody(title, "the file ends after it");
                }
                if (bodyStart.text().equals(title.text())) {
                    throw new BulletinFormatException(AMBIGUOUS, bodyStart.number(), "the title on line "
                            + title.number() + " is written a third time on line " + bodyStart.number()
                            + ": cannot tell where its body starts");
                }
            } else {
                bodyStart = second;
                rejectTitleGluedToPreviousBody(title);
            }
            Line afterBodyStart = peek(0);
            if (afterBodyStart != null && afterBodyStart.text().equals(bodyStart.text())) {
                // What would be the body is a title written twice: the title has no body of its own (or it
                // is a stray paragraph, e.g. a second body paragraph of the article before).
                throw withoutBody(title, "line " + bodyStart.number() + " starts the next article");
            }
            StringBuilder body = new StringBuilder(bodyStart.text());
            Line last = bodyStart;
            while (true) {
                Line next = peek(0);
                if (next == null || next.afterBlank()) {
                    break;
                }
                Line afterNext = peek(1);
                if (afterNext != null && afterNext.text().equals(next.text())) {
                    // A title written twice right after the body, without a blank line: two bulletins
                    // joined, or a missing blank line. The body ends here.
                    break;
                }
                take();
                body.append(' ').append(next.text());
                last = next;
                if (body.length() > limits.maxArticleLength()) {
                    throw new BulletinFormatException(ARTICLE_TOO_LONG, next.number(), "the body of the article on"
                            + " line " + title.number() + " is longer than " + limits.maxArticleLength()
                            + " characters (ingest.max-article-length) by line " + next.number());
                }
            }
            previousBodyLastLine = last.text();
            previousBodyLastLineNumber = last.number();
            position++;
            return new ParsedArticle(title.text(), body.toString(), position, title.number());
        }

        /**
         * With the title written once, a title can only be told apart by its position. When the previous
         * line ends with exactly this title, the previous file most likely ended without a line break and
         * the title is duplicated into its last line: refuse rather than keep a corrupted body.
         */
        private void rejectTitleGluedToPreviousBody(Line title) throws BulletinFormatException {
            String previous = previousBodyLastLine;
            String text = title.text();
            if (previous != null && previous.length() > text.length() && previous.endsWith(text)
                    && !isSpace(previous.charAt(previous.length() - text.length() - 1))) {
                throw new BulletinFormatException(AMBIGUOUS, previousBodyLastLineNumber, "line "
                        + previousBodyLastLineNumber + " ends with the title on line " + title.number()
                        + ": were two files joined without a line break? Cannot tell where the body ends");
            }
        }

        private BulletinFormatException withoutBody(Line title, String why) {
            return new BulletinFormatException(TITLE_WITHOUT_BODY, title.number(), "the title on line "
                    + title.number() + " has no body: " + why);
        }

        /** Iterates over the remaining articles, rethrowing failures unchecked (for tests and tools). */
        @Override
        public Iterator<ParsedArticle> iterator() {
            return new Iterator<>() {
                private ParsedArticle next = advance();

                private ParsedArticle advance() {
                    try {
                        return ArticleReader.this.next();
                    } catch (BulletinFormatException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public ParsedArticle next() {
                    if (next == null) {
                        throw new java.util.NoSuchElementException();
                    }
                    ParsedArticle current = next;
                    next = advance();
                    return current;
                }
            };
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
                String text = trim(raw);
                if (text.isEmpty()) {
                    blankPending = true;
                    continue;
                }
                lookahead.addLast(new Line(number, text, blankPending));
                blankPending = false;
                return true;
            }
        }
    }

    /** Strips whitespace including the no-break spaces and byte order marks that {@code ArticleId} folds. */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF';
    }
}
