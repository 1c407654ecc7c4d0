package org.bulletinsearch.catalog.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of the {@code 308} that {@code GET /articles/{id}} answers for a corrected article: the pointer that
 * its {@code Location} header carries too.
 *
 * @param id the corrected article, hidden from listings, the export and the index
 * @param supersededBy the correction readers are sent to
 */
@Schema(name = "Correction", description = "The article was corrected: readers are sent to the correction.")
public record Correction(
        @Schema(examples = "0c7d3a4e9f1b2c5d6e7f8091a2b3c4d5") String id,
        @Schema(examples = "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a") String supersededBy) {
}
