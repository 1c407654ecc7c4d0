package org.bulletinsearch.catalog.article;


/**
 * The body of the {@code 308} that {@code GET /articles/{id}} answers for a corrected article: the pointer that
 * its {@code Location} header carries too.
 *
 * @param id the corrected article, hidden from listings, the export and the index
 * @param supersededBy the correction readers are sent to
 */
public record Correction(
        String id,
        String supersededBy) {
}
