package org.bulletinsearch.catalog.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of {@code GET /articles/export}.
 *
 * @param items current articles, by id
 * @param nextCursor the cursor of the next page; null on the last page
 * @param total current articles in the catalog; only on the first page (a request without cursor), absent on
 *     the others
 */
@JsonPropertyOrder({"items", "nextCursor", "total"})
@Schema(name = "ExportPage", description = "A page of the export: current articles by id, and the cursor to the next.")
public record ExportPage(
        @Schema(description = "Current articles (corrected ones left out), ordered by id.") List<ExportedArticle> items,
        @Schema(description = "Pass as `cursor` for the next page; null on the last page.", nullable = true,
                examples = "eDF8M2Y3YTljMGU1YjFkNGEyZjhlNmM3YjlhMGQxZTJmM2E") String nextCursor,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Current articles in the catalog; only on the first page.", examples = "1342")
        Long total) {
}
