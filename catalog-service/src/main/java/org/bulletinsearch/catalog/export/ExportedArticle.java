package org.bulletinsearch.catalog.export;

import java.time.Instant;
import org.bulletinsearch.catalog.article.EntityFacets;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A current article as the export gives it: what the search index holds of it. The sighting fields are those
 * of the article's latest sighting (the last of its provenance).
 *
 * @param id content-derived article id
 * @param title the title
 * @param body the body
 * @param sourceName file of the latest sighting
 * @param uploadId upload of the latest sighting
 * @param position position in that file
 * @param ingestedAt when that upload was accepted
 * @param entities what the article is about
 * @param supersedes the earlier article it corrects, or null
 */
@Schema(name = "ExportedArticle", description = "A current article with its latest sighting and its entities.")
public record ExportedArticle(
        @Schema(examples = "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a") String id,
        @Schema(examples = "Harbour pilots extend the night pilotage trial") String title,
        @Schema(examples = "The port authority will keep night pilotage open for another season after a quiet first year.")
        String body,
        @Schema(description = "File of the latest sighting.", examples = "weekly-digest-10.txt") String sourceName,
        @Schema(description = "Upload of the latest sighting.", examples = "c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e9f")
        String uploadId,
        @Schema(description = "1-based position in that file.", examples = "12") int position,
        @Schema(description = "When the upload of the latest sighting was accepted.", examples = "2026-03-09T07:40:00Z")
        Instant ingestedAt,
        EntityFacets entities,
        @Schema(description = "The earlier article this one corrects; null when none.", nullable = true,
                examples = "0c7d3a4e9f1b2c5d6e7f8091a2b3c4d5")
        String supersedes) {
}
