package org.bulletinsearch.catalog.export;

import java.time.Instant;
import org.bulletinsearch.catalog.article.EntityFacets;

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
public record ExportedArticle(
        String id,
        String title,
        String body,
        String sourceName,
        String uploadId,
        int position,
        Instant ingestedAt,
        EntityFacets entities,
        String supersedes) {
}
