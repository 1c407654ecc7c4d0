package org.bulletinsearch.catalog.article;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bulletinsearch.catalog.web.CursorToken;
import org.bulletinsearch.edge.InvalidParameterException;
import org.bulletinsearch.edge.Parameters;
import org.bulletinsearch.events.ArticleId;

/**
 * Keyset position in a {@code GET /articles} walk: the (first-seen time, id) of the last article
 * returned, and the order it was walked in ({@link CursorToken}: {@code 1|sort|time|id}).
 *
 * <p>Keyset rather than offset paging: every page costs the same index range scan however deep the
 * walk, and articles stored while a client walks never shift the pages (first-seen times never change
 * once stored, so no article moves across the cursor).
 */
public record PageCursor(ArticleSort sort, Instant firstSeenAt, String articleId) {

    private static final String VERSION = "1";

    /** The cursor that continues after this article. */
    static PageCursor after(ArticleSort sort, Article last) {
        return new PageCursor(sort, last.getFirstSeenAt(), last.getId());
    }

    public String encode() {
        return CursorToken.encode(VERSION, sort.parameter(), firstSeenAt.toString(), articleId);
    }

    /**
     * The cursor a client sent back, or empty when it is not one this service wrote, or names a time
     * outside the years 1 to 9999 that the database takes.
     */
    public static Optional<PageCursor> decode(String token) {
        return CursorToken.decode(token, 4).flatMap(PageCursor::of);
    }

    /**
     * The {@code cursor} parameter for a walk in {@code sort} order: null when absent or empty.
     *
     * @throws InvalidParameterException when it is not a cursor of this service or of another order
     */
    static PageCursor fromParameter(String value, ArticleSort sort) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        PageCursor cursor = decode(value)
                .orElseThrow(() -> new InvalidParameterException("cursor", "cursor is not one this service issued"));
        if (cursor.sort() != sort) {
            throw new InvalidParameterException("cursor", "cursor belongs to sort=" + cursor.sort().parameter()
                    + ", not sort=" + sort.parameter());
        }
        return cursor;
    }

    private static Optional<PageCursor> of(List<String> fields) {
        if (!VERSION.equals(fields.get(0)) || !ArticleId.isWellFormed(fields.get(3))) {
            return Optional.empty();
        }
        try {
            Instant time = Instant.parse(fields.get(2));
            if (time.isBefore(Parameters.MIN_INSTANT) || time.isAfter(Parameters.MAX_INSTANT)) {
                return Optional.empty();
            }
            return Arrays.stream(ArticleSort.values()).filter(s -> s.parameter().equals(fields.get(1))).findFirst()
                    .map(sort -> new PageCursor(sort, time, fields.get(3)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
