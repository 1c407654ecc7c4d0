package org.bulletinsearch.catalog.upload;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One article of an upload, at its position in the file. */
@Schema(name = "UploadArticle")
public record UploadArticle(
        @Schema(description = "1-based position in the file.", example = "1") int position,
        @Schema(example = "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a") String id,
        @Schema(example = "Harbour pilots extend the night pilotage trial") String title,
        @Schema(example = "The port authority will keep night pilotage open for another season after a quiet first year.")
        String body,
        @Schema(description = "When the article was first ingested, possibly in an earlier upload.",
                example = "2026-03-02T09:15:00Z") Instant firstSeenAt) {
}
