package org.bulletinsearch.catalog.article;

import java.time.Instant;

/** One place an article was seen in, as served. */
public record Sighting(
        String uploadId,
        String sourceName,
        int position,
        Instant ingestedAt,
        Instant recordedAt) {

    /** The served form of a stored sighting. */
    public static Sighting of(ArticleSighting sighting) {
        return new Sighting(sighting.getUploadId(), sighting.getSourceName(), sighting.getPosition(),
                sighting.getIngestedAt(), sighting.getRecordedAt());
    }
}
