package org.bulletinsearch.catalog.article;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One place an article was seen in, as served. */
@Schema(name = "Sighting", description = "An upload the article appeared in, and where.")
public record Sighting(
        @Schema(examples = "9b2e4c1d-6a7f-4e8b-9c0d-1e2f3a4b5c6d")
        String uploadId,
        @Schema(description = "Name of the uploaded file.", examples = "coastal-bulletin-2026-03-02.txt")
        String sourceName,
        @Schema(description = "1-based position of the article in that file.", examples = "4")
        int position,
        @Schema(description = "When the ingest service accepted that upload.", examples = "2026-03-02T09:15:00Z")
        Instant ingestedAt,
        @Schema(description = "When the catalog recorded this sighting.", examples = "2026-03-02T09:15:01.204Z")
        Instant recordedAt) {

    static Sighting of(ArticleSighting sighting) {
        return new Sighting(sighting.getUploadId(), sighting.getSourceName(), sighting.getPosition(),
                sighting.getIngestedAt(), sighting.getRecordedAt());
    }
}
