package org.bulletinsearch.vocabulary;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A vocabulary file that does not follow the synonym format; lists every bad line, not just the first, so
 * an operator can fix the file in one go. The message is one "source:line: problem" per line.
 */
public final class VocabularyFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * One bad line.
     *
     * @param source  the file the line is in (its path, or the resource name of the built-in vocabulary)
     * @param line    1-based line number
     * @param message what is wrong, e.g. "empty phrase"
     */
    public record Problem(String source, int line, String message) {
        /**
         * The problem as a compiler would print it.
         *
         * @return "source:line: message"
         */
        @Override
        public String toString() {
            return source + ":" + line + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    /**
     * @param problems the bad lines, at least one
     */
    public VocabularyFormatException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /**
     * The bad lines.
     *
     * @return every bad line, in file and line order
     */
    public List<Problem> problems() {
        return problems;
    }
}
