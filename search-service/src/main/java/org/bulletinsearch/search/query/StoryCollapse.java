package org.bulletinsearch.search.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulletinsearch.search.stories.Story;

/**
 * One hit per story: in a ranked list, the best-ranked version of each story stands for it and the others are
 * folded into it. Pure logic.
 */
final class StoryCollapse {

    private StoryCollapse() {
    }

    /**
     * The articles that stand for their story, in rank order.
     *
     * @param ranked      article ids, best first
     * @param stories     the story of each article by article id; an article without one is a story of its own
     * @param shownBefore stories a version of which ranks before {@code ranked} (on an earlier page): none of
     *                    their versions stands for them here
     */
    static List<String> firstOfEachStory(List<String> ranked, Map<String, Story> stories, Set<String> shownBefore) {
        Set<String> shown = new HashSet<>(shownBefore);
        List<String> kept = new ArrayList<>();
        for (String id : ranked) {
            if (shown.add(storyOf(id, stories).id())) {
                kept.add(id);
            }
        }
        return kept;
    }

    /** The story of an article, itself alone when the catalog gave none. */
    static Story storyOf(String articleId, Map<String, Story> stories) {
        Story story = stories.get(articleId);
        return story == null ? Story.alone(articleId) : story;
    }
}
