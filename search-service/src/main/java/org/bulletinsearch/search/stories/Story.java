package org.bulletinsearch.search.stories;

import java.util.List;

/**
 * A story as the catalog's {@code GET /stories?articleId=…} gives it: articles that re-tell the same news.
 *
 * @param id           the story id (the smallest article id of the story)
 * @param articleCount how many current versions it has, at least 1
 * @param articleIds   versions, first seen first: the catalog's first 20 and every article asked about
 */
public record Story(String id, int articleCount, List<String> articleIds) {

    public Story {
        articleIds = List.copyOf(articleIds);
    }

    /** The story of an article the catalog knows nothing of: the article alone. */
    public static Story alone(String articleId) {
        return new Story(articleId, 1, List.of(articleId));
    }
}
