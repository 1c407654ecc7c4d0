package org.bulletinsearch.catalog.article;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of {@code GET /articles}. */
@Schema(name = "ArticlePage", description = "A page of articles and the cursor to the next one.")
public record ArticlePage(
        @Schema(description = "The articles of this page, in the requested order.")
        List<ArticleSummary> items,
        @Schema(description = "Number of articles matching the filters, over all pages.", examples = "1342")
        long total,
        @Schema(description = "Page size used.", examples = "20")
        int size,
        @Schema(description = "Pass as `cursor` to get the next page; null on the last page.",
                examples = "MXxuZXdlc3R8MjAyNi0wMy0wMlQwOToxNTowMFp8M2Y3YTljMGU1YjFkNGEyZjhlNmM3YjlhMGQxZTJmM2E",
                nullable = true)
        String nextCursor) {
}
