package org.bulletinsearch.search.query;

import java.time.Instant;
import java.util.List;
import org.bulletinsearch.search.stories.Story;

/**
 * One article in a result list.
 *
 * @param storyId           the story the article tells, when versions were folded ({@code collapsed: true});
 *                          null otherwise
 * @param otherVersionCount how many other articles tell the same story (folded into this hit); 0 when none or
 *                          not folded
 * @param otherVersionIds   their ids, first seen first (at most 20 listed)
 */
public record SearchHit(
        String id,
        String title,
        String titleHighlight,
        String snippet,
        Float score,
        String sourceName,
        String uploadId,
        int position,
        Instant ingestedAt,
        String storyId,
        int otherVersionCount,
        List<String> otherVersionIds) {

    public SearchHit {
        otherVersionIds = List.copyOf(otherVersionIds);
    }

    /** This hit standing for its story. */
    SearchHit in(Story story) {
        List<String> others = story.articleIds().stream().filter(other -> !other.equals(id)).toList();
        return new SearchHit(id, title, titleHighlight, snippet, score, sourceName, uploadId, position, ingestedAt,
                story.id(), Math.max(story.articleCount() - 1, others.size()), others);
    }
}
