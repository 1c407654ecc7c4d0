package org.bulletinsearch.catalog.article;

import java.time.Instant;
import org.bulletinsearch.catalog.CatalogConfig;
import org.bulletinsearch.edge.InvalidParameterException;
import org.bulletinsearch.edge.Parameters;

/**
 * One page request of {@code GET /articles}, checked: every value is one the database takes.
 *
 * @param filter which articles
 * @param sort their order
 * @param after where the previous page ended; null for the first page
 * @param size articles per page
 */
public record ArticleQuery(ArticleFilter filter, ArticleSort sort, PageCursor after, int size) {

    /** Longest {@code uploadId}, in characters: the column's length. */
    static final int MAX_UPLOAD_ID = 64;
    /** Longest {@code source}, in characters: the column's length. */
    static final int MAX_SOURCE = 255;

    /**
     * The query the raw parameters ask for; a date alone ({@code 2026-03-01}) means its first instant
     * in UTC, so that {@code from=2026-03-01&to=2026-04-01} is the month of March.
     *
     * @throws InvalidParameterException naming the first parameter that cannot be taken
     */
    public static ArticleQuery of(String size, String cursor, String uploadId, String source, String from, String to,
            String sort, CatalogConfig.Paging paging) {
        int pageSize = Parameters.size("size", size, paging.defaultPageSize(), paging.maxPageSize());
        ArticleSort order = Parameters.choice("sort", sort, ArticleSort.class, ArticleSort.NEWEST);
        Instant fromTime = Parameters.instant("from", from, false);
        Instant toTime = Parameters.instant("to", to, false);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw new InvalidParameterException("to", "to must be later than from");
        }
        ArticleFilter filter = new ArticleFilter(Parameters.text("uploadId", uploadId, MAX_UPLOAD_ID, false),
                Parameters.text("source", source, MAX_SOURCE, false), fromTime, toTime);
        return new ArticleQuery(filter, order, PageCursor.fromParameter(cursor, order), pageSize);
    }
}
