package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulletinsearch.search.stories.Story;
import org.junit.jupiter.api.Test;

class StoryCollapseTest {

    private static final Story SAMOA = new Story("a", 3, List.of("a", "c", "e"));
    private static final Story TONGA = new Story("b", 2, List.of("b", "d"));
    private static final Map<String, Story> STORIES = Map.of("a", SAMOA, "c", SAMOA, "e", SAMOA, "b", TONGA, "d", TONGA);

    @Test
    void theBestRankedVersionStandsForItsStory() {
        assertThat(StoryCollapse.firstOfEachStory(List.of("c", "b", "a", "x", "d", "e"), STORIES, Set.of()))
                .containsExactly("c", "b", "x");
    }

    @Test
    void aStoryShownOnAnEarlierPageIsNotShownAgain() {
        assertThat(StoryCollapse.firstOfEachStory(List.of("e", "d", "y"), STORIES, Set.of("a"))).containsExactly("d", "y");
    }

    @Test
    void anArticleTheCatalogDoesNotKnowIsAStoryOfItsOwn() {
        assertThat(StoryCollapse.storyOf("z", STORIES)).isEqualTo(new Story("z", 1, List.of("z")));
        assertThat(StoryCollapse.firstOfEachStory(List.of("z", "z2"), Map.of(), Set.of())).containsExactly("z", "z2");
    }

    @Test
    void aHitStandingForItsStoryNamesTheOtherVersions() {
        SearchHit hit = new SearchHit("c", "t", "t", "s", 1f, "f.txt", "u", 1, null, null, 0, List.of()).in(SAMOA);
        assertThat(hit.storyId()).isEqualTo("a");
        assertThat(hit.otherVersionCount()).isEqualTo(2);
        assertThat(hit.otherVersionIds()).containsExactly("a", "e");
    }
}
