package org.bulletinsearch.catalog.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bulletinsearch.catalog.support.Bulletins;
import org.junit.jupiter.api.Test;

/** The texts {@link StoryIT} relies on are decided as it says, so that a failure there is the catalog's. */
class StoryTextsTest {

    private final StoryMatcher matcher = StoryMatcher.defaults();

    @Test
    void theRetellingIsTheSameStoryAndTheOtherCountryIsNot() {
        StoryFeatures samoa = matcher.features("a", StoryTexts.SAMOA, StoryTexts.SAMOA_BODY);
        assertThat(matcher.decide(samoa, matcher.features("b", StoryTexts.SAMOA_RETOLD, StoryTexts.SAMOA_RETOLD_BODY))
                .verdict()).isEqualTo(MatchDecision.Verdict.SAME_STORY);
        assertThat(matcher.decide(samoa, matcher.features("c", StoryTexts.TONGA, StoryTexts.TONGA_BODY)).verdict())
                .isEqualTo(MatchDecision.Verdict.KEY_TERMS_CONTRADICT);
    }

    @Test
    void aChainIsJoinedOnlyThroughItsMiddle() {
        for (long seed = 0; seed < 1000; seed++) {
            List<Bulletins.Article> chain = StoryTexts.chain(seed);
            List<StoryFeatures> features = List.of(features("0", chain.get(0)), features("1", chain.get(1)), features("2", chain.get(2)));
            assertThat(matcher.decide(features.get(0), features.get(1)).sameStory()).as("first and middle, seed %d", seed).isTrue();
            assertThat(matcher.decide(features.get(1), features.get(2)).sameStory()).as("middle and last, seed %d", seed).isTrue();
            assertThat(matcher.decide(features.get(0), features.get(2))).as("the ends, seed %d", seed).matches(d -> !d.sameStory());
        }
    }

    private StoryFeatures features(String id, Bulletins.Article article) {
        return matcher.features(id, article.title(), article.body());
    }
}
