package org.bulletinsearch.catalog.article;

import java.time.Instant;

/**
 * Filters of {@code GET /articles}; null means "any". An article matches the upload and source
 * filters when any of its sightings does; the time range applies to its first-seen time
 * ({@code from} inclusive, {@code to} exclusive).
 */
public record ArticleFilter(String uploadId, String sourceName, Instant from, Instant to) {

    public static final ArticleFilter NONE = new ArticleFilter(null, null, null, null);
}
