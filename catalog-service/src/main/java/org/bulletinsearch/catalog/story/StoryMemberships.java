package org.bulletinsearch.catalog.story;

import java.util.List;

/**
 * {@code GET /stories?articleId=…}: the stories of the articles asked about, each once; an article the catalog
 * does not hold (or holds only behind its correction) is in none.
 *
 * @param stories ordered by story id
 */
public record StoryMemberships(List<StoryMembers> stories) {
}
