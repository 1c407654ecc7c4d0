package org.bulletinsearch.catalog.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One page of {@code GET /articles/export}.
 *
 * @param items current articles, by id
 * @param nextCursor the cursor of the next page; null on the last page
 * @param total current articles in the catalog; only on the first page (a request without cursor), absent on
 *     the others
 */
@JsonPropertyOrder({"items", "nextCursor", "total"})
public record ExportPage(
        List<ExportedArticle> items,
        String nextCursor,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Long total) {
}
