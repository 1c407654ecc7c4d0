package org.bulletinsearch.catalog.upload;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One file of an upload, as the catalog holds it. */
@Schema(name = "UploadSource", description = "A file of the upload and how many of its articles the catalog holds.")
public record UploadSource(
        @Schema(description = "Name of the file (the events' sourceName, NFC).", examples = "coastal-bulletin-2026-03-02.txt")
        String name,
        @Schema(description = "Articles of this file the catalog holds, one per position: equal to the file's"
                + " articleCount in the ingest report once consumed.", examples = "10")
        long articleCount) {
}
