package org.bulletinsearch.catalog.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of {@code GET /articles}.
 *
 * @param items the articles of the page
 * @param total matching articles over all pages (see {@link ArticleTotals}); only on the first page (a request
 *     without cursor), absent on the others
 * @param totalAccuracy how far {@code total} can be taken at its word; absent with it
 * @param size the page size used
 * @param nextCursor the cursor of the next page; null on the last page
 */
public record ArticlePage(
        List<ArticleSummary> items,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Long total,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        TotalAccuracy totalAccuracy,
        int size,
        String nextCursor) {
}
