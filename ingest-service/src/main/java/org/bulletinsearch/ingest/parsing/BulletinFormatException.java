package org.bulletinsearch.ingest.parsing;

import java.util.OptionalInt;

/**
 * A bulletin that cannot be read unambiguously. The message is meant for the person who sent the file:
 * it says what is wrong and, where it applies, on which line.
 */
public class BulletinFormatException extends Exception {

    /** Why a file is refused; {@link #slug()} is the problem's {@code reason} and the metrics tag. */
    public enum Kind {
        EMPTY("empty-file"),
        BINARY("binary-content"),
        INVALID_ENCODING("invalid-encoding"),
        CONTROL_CHARACTER("control-character"),
        LINE_TOO_LONG("line-too-long"),
        TITLE_TOO_LONG("title-too-long"),
        ARTICLE_TOO_LONG("article-too-long"),
        TITLE_WITHOUT_BODY("title-without-body"),
        AMBIGUOUS("ambiguous-layout");

        private final String slug;

        Kind(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    private final Kind kind;
    private final int line;

    public BulletinFormatException(Kind kind, int line, String message) {
        super(message);
        this.kind = kind;
        this.line = line;
    }

    /** A problem with the file as a whole (no line to point at). */
    public BulletinFormatException(Kind kind, String message) {
        this(kind, 0, message);
    }

    public Kind kind() {
        return kind;
    }

    /** 1-based line the problem is on, when there is one. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }
}
