package org.bulletinsearch.search.query;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One article in a result list. */
@Schema(description = "One matching article")
public record SearchHit(
        @Schema(description = "Article id (content-derived, 32 hex characters)", example = "3f1c9a7be0d24c55a1e0f3b8d6a9c2e1")
        String id,
        @Schema(description = "Title as published", example = "Madagascar Customs Modernises Cargo Scanning")
        String title,
        @Schema(description = "Title as HTML: escaped, matched words wrapped in <em>",
                example = "<em>Madagascar</em> Customs Modernises Cargo Scanning")
        String titleHighlight,
        @Schema(description = "Best-matching passage of the body as HTML (escaped, matches in <em>); the body's start when nothing in it matched",
                example = "New scanners at the port of Toamasina let officers in <em>Madagascar</em> inspect containers without opening them.")
        String snippet,
        @Schema(description = "Relevance score; absent when browsing without a query", example = "7.21")
        Float score,
        @Schema(example = "customs-weekly-2024-10.txt")
        String sourceName,
        @Schema(example = "0d9f6a1e-5b7c-4c4e-9d55-0f0c2b7f4a10")
        String uploadId,
        @Schema(description = "1-based position of the article in its file", example = "3")
        int position,
        @Schema(example = "2024-10-07T08:30:00Z")
        Instant ingestedAt) {
}
