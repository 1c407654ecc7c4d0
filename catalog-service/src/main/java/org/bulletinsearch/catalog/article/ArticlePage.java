package org.bulletinsearch.catalog.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
@Schema(name = "ArticlePage", description = "A page of articles and the cursor to the next one.")
public record ArticlePage(
        @Schema(description = "The articles of this page, in the requested order.")
        List<ArticleSummary> items,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Articles matching the filters over all pages; only on the first page (a request"
                + " without `cursor`), absent on the others. `totalAccuracy` says whether it is counted, estimated"
                + " or a lower bound.", examples = "1342")
        Long total,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "With `total` only. `exact`: counted. `estimate`: the unfiltered listing of a catalog"
                + " larger than the exact-count limit (10000 by default), from PostgreSQL's statistics (typically"
                + " within 10%). `lower-bound`: a filtered listing matching more than the limit; `total` is the limit.",
                examples = "exact")
        TotalAccuracy totalAccuracy,
        @Schema(description = "Page size used.", examples = "20")
        int size,
        @Schema(description = "Pass as `cursor` to get the next page; null on the last page.",
                examples = "MXxuZXdlc3R8MjAyNi0wMy0wMlQwOToxNTowMFp8M2Y3YTljMGU1YjFkNGEyZjhlNmM3YjlhMGQxZTJmM2E",
                nullable = true)
        String nextCursor) {
}
