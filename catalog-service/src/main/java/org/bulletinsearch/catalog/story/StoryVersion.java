package org.bulletinsearch.catalog.story;

import java.time.Instant;
import java.util.List;
import org.bulletinsearch.catalog.article.Sighting;

/**
 * One version of a story: an article, with where and when it was seen.
 *
 * @param id          the article id ({@code GET /articles/{id}})
 * @param title       its title line
 * @param firstSeenAt when the catalog first stored it (UTC)
 * @param lastSeenAt  the latest ingestion that carried it (UTC)
 * @param provenance  every (upload, source file, position) it was seen at, oldest first
 */
public record StoryVersion(String id, String title, Instant firstSeenAt, Instant lastSeenAt, List<Sighting> provenance) {
}
