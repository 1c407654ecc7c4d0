package org.bulletinsearch.catalog.story;

import java.util.List;

/**
 * {@code GET /stories/{id}}: one story and every version of it the catalog holds.
 *
 * @param id           the story id: the smallest article id of the story ({@link StoryAssignment})
 * @param articleCount how many versions (articles) the story has, at least 1
 * @param articles     the versions, first seen first
 */
public record StoryDetails(String id, int articleCount, List<StoryVersion> articles) {
}
