package org.bulletinsearch.vocabulary;

import java.util.List;

/**
 * A term recognized in a query and the other ways of writing it.
 *
 * @param start        UTF-16 offset in the query where the term starts (inclusive)
 * @param end          UTF-16 offset where it ends (exclusive); never inside a surrogate pair
 * @param matched      the query text {@code [start, end)}, as the user wrote it
 * @param alternatives other phrasings to search for too, as written in the vocabulary (NFC), in file order,
 *                     never containing the matched phrasing itself; at least one
 */
public record TermExpansion(int start, int end, String matched, List<String> alternatives) {

    /**
     * Copies the list, so the record stays immutable.
     *
     * @param start        as above
     * @param end          as above
     * @param matched      as above
     * @param alternatives as above, not {@code null}, no {@code null} element
     */
    public TermExpansion {
        alternatives = List.copyOf(alternatives);
    }
}
