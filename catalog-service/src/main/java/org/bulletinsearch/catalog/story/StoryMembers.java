package org.bulletinsearch.catalog.story;

import java.util.List;

/**
 * One story as {@code GET /stories?articleId=…} lists it: enough to show one hit per story.
 *
 * @param id           the story id
 * @param articleCount how many current versions the story has (corrected articles are not counted)
 * @param articleIds   its versions, first seen first: the first {@value StoryCatalog#LISTED_VERSIONS}, and every
 *                     article that was asked about
 * @param pending      whether a listed version still waits to be grouped ({@code storyPending}): the story may
 *                     still grow or merge (about a second after storing, longer behind a backlog), so a reader
 *                     should keep this answer only briefly
 */
public record StoryMembers(String id, int articleCount, List<String> articleIds, boolean pending) {
}
