package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankFusionTest {

    @Test
    void anArticleBothListsRankHighBeatsOneThatOnlyOneListRanksFirst() {
        List<RankFusion.Fused> fused = RankFusion.fuse(60, List.of(List.of("a", "b", "c"), List.of("d", "b", "e")));
        assertThat(fused).extracting(RankFusion.Fused::id).containsExactly("b", "a", "d", "c", "e");
        // b: 1/62 + 1/62; a and d: 1/61 each, a first met
        assertThat(fused.get(0).score()).isCloseTo(2.0 / 62, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void equalScoresKeepTheOrderOfTheFirstList() {
        assertThat(RankFusion.fuse(60, List.of(List.of("a"), List.of("b")))).extracting(RankFusion.Fused::id)
                .containsExactly("a", "b");
    }

    @Test
    void anIdRepeatedInOneListCountsOnceAtItsFirstRank() {
        List<RankFusion.Fused> fused = RankFusion.fuse(1, List.of(List.of("a", "a", "b")));
        assertThat(fused).extracting(RankFusion.Fused::id).containsExactly("a", "b");
        assertThat(fused.get(0).score()).isEqualTo(0.5);
        assertThat(fused.get(1).score()).isEqualTo(1.0 / 4);
    }

    @Test
    void emptyListsFuseToNothing() {
        assertThat(RankFusion.fuse(60, List.of(List.of(), List.of()))).isEmpty();
    }
}
