package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.List;
import org.bulletinsearch.search.query.ScoreBound.Lacking;
import org.junit.jupiter.api.Test;

class ScoreBoundTest {

    private static final ObjectNode CLAUSE = JsonMapper.builder().build().createObjectNode();

    private static ScoreBound bound(Lacking... lacking) {
        return new ScoreBound(Collections.nCopies(lacking.length, CLAUSE), List.of(lacking), List.of(CLAUSE, CLAUSE));
    }

    @Test
    void aMatchLackingAWordScoresAtMostTheBestOfTheOtherWords() {
        ScoreBound bound = bound(Lacking.WORD, Lacking.WORD, Lacking.WORD);
        assertThat(bound.clauses()).as("no boost reaches a match lacking a plain word").hasSize(3);
        // lacking the word whose best is 10: 20 + 30
        assertThat(bound.of(List.of(10f, 20f, 30f))).isCloseTo(50 * (1 + ScoreBound.ROUNDING), within());
    }

    @Test
    void aTermOfSeveralWordsMayStillMatchInPart() {
        ScoreBound bound = bound(Lacking.WORD, Lacking.SOME_WORDS);
        assertThat(bound.of(List.of(10f, 20f))).isCloseTo(30 * (1 + ScoreBound.ROUNDING), within());
    }

    @Test
    void aMatchLackingAClauseMayStillEarnThePhraseBoosts() {
        ScoreBound bound = bound(Lacking.CLAUSE, Lacking.WORD, Lacking.WORD);
        assertThat(bound.clauses()).hasSize(5);
        // lacking the clause (best 5): 20 + 30 + boosts 40 + 8
        assertThat(bound.of(List.of(5f, 20f, 30f, 40f, 8f))).isCloseTo(98 * (1 + ScoreBound.ROUNDING), within());
    }

    @Test
    void aClauseMatchingNothingCountsZero() {
        assertThat(bound(Lacking.WORD, Lacking.WORD).of(List.of(0f, 12f))).isCloseTo(12 * (1 + ScoreBound.ROUNDING), within());
    }

    @Test
    void oneScorePerClauseOrAnError() {
        assertThatThrownBy(() -> bound(Lacking.WORD, Lacking.WORD).of(List.of(1f)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoreBound(List.of(CLAUSE), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
