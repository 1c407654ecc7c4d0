package org.bulletinsearch.catalog.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Story assignment does not depend on arrival order. jqwik is not managed by the root POM, so the
 * property runs as a {@link RepeatedTest} over seeded shuffles (seed = repetition number: a failure
 * names the order that broke it, and reruns reproduce it).
 */
class StoryClusteringTest {

    private static final StoryMatcher MATCHER = StoryMatcher.defaults();
    private static List<StoryFeatures> articles;
    private static Map<String, String> storyLabelById;
    private static SortedMap<String, SortedSet<String>> inFileOrder;

    @BeforeAll
    static void clusterInFileOrder() {
        articles = new ArrayList<>();
        storyLabelById = new HashMap<>();
        for (StoryCorpus.Article a : StoryCorpus.load().articles()) {
            articles.add(MATCHER.features(a.id(), a.title(), a.body()));
            storyLabelById.put(a.id(), a.story());
        }
        StoryClustering clustering = new StoryClustering(MATCHER);
        clustering.addAll(articles);
        inFileOrder = clustering.stories();
    }

    @RepeatedTest(50)
    void anyArrivalOrderGivesTheSameStoriesAndIds(RepetitionInfo repetition) {
        List<StoryFeatures> shuffled = new ArrayList<>(articles);
        Collections.shuffle(shuffled, new Random(repetition.getCurrentRepetition()));
        StoryClustering clustering = new StoryClustering(MATCHER);
        clustering.addAll(shuffled);

        assertThat(clustering.stories()).isEqualTo(inFileOrder);
    }

    @Test
    void storyIdsAreTheSmallestArticleIdAndStoriesFollowTheLabels() {
        Set<String> labelsSeen = new HashSet<>();
        for (Map.Entry<String, SortedSet<String>> story : inFileOrder.entrySet()) {
            assertThat(story.getKey()).isEqualTo(story.getValue().first());
            Set<String> labels = new HashSet<>();
            story.getValue().forEach(id -> labels.add(storyLabelById.get(id)));
            assertThat(labels).as("one predicted story mixes labelled stories").hasSize(1);
            labelsSeen.addAll(labels);
        }
        long labelled = new HashSet<>(storyLabelById.values()).size();
        System.out.printf("[stories] clustering: %d articles, %d labelled stories, %d predicted stories (%d split)%n",
                articles.size(), labelled, inFileOrder.size(), inFileOrder.size() - labelsSeen.size());
    }

    @Test
    void anArticleBridgingTwoStoriesMergesThemUnderTheSmallestId() {
        String first = "Customs officers in Fiji started joint inspections of containers at the ports of Suva and Lautoka. "
                + "Each selected container is now opened once instead of twice, which saves importers time and money.";
        String second = "The agencies share risk information through a common targeting team set up last year. "
                + "Early results show that the average inspection time fell from five hours to two hours.";
        StoryFeatures a = MATCHER.features("c0000000000000000000000000000000", "A", first);
        StoryFeatures c = MATCHER.features("a0000000000000000000000000000000", "C", second);
        StoryFeatures bridge = MATCHER.features("b0000000000000000000000000000000", "B", first + " " + second);

        StoryClustering clustering = new StoryClustering(MATCHER);
        clustering.add(a);
        clustering.add(c);
        assertThat(clustering.stories()).hasSize(2);
        assertThat(clustering.storyId(a.articleId())).isEqualTo(a.articleId());

        List<MatchDecision> matches = clustering.add(bridge);

        assertThat(matches).extracting(MatchDecision::candidateId).containsExactly(c.articleId(), a.articleId());
        assertThat(clustering.stories()).hasSize(1);
        assertThat(clustering.storyIds().values()).containsOnly("a0000000000000000000000000000000");
    }

    @Test
    void aNewArticleWithASmallerIdRenamesItsStory() {
        String body = "Madagascar Customs has introduced stricter controls on vanilla exports to fight smuggling. "
                + "Every consignment must now be sealed at an approved warehouse and scanned before loading.";
        StoryClustering clustering = new StoryClustering(MATCHER);
        clustering.add(MATCHER.features("ffff0000000000000000000000000000", "Vanilla", body));
        assertThat(clustering.storyId("ffff0000000000000000000000000000")).isEqualTo("ffff0000000000000000000000000000");

        clustering.add(MATCHER.features("0000ffff000000000000000000000000", "Vanilla rules", body + " Prices fell."));

        assertThat(clustering.storyIds().values()).containsOnly("0000ffff000000000000000000000000");
        assertThat(clustering.add(MATCHER.features("0000ffff000000000000000000000000", "Again", body))).isEmpty();
        assertThatThrownBy(() -> clustering.storyId("unknown")).isInstanceOf(IllegalArgumentException.class);
    }
}
