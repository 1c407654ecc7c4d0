package org.bulletinsearch.search.query;

import java.time.Instant;

/** One article in a result list. */
public record SearchHit(
        String id,
        String title,
        String titleHighlight,
        String snippet,
        Float score,
        String sourceName,
        String uploadId,
        int position,
        Instant ingestedAt) {
}
