package org.bulletinsearch.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuietSpellTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aMergeIsDueOnlyAfterTheIdleTimeWithoutWritesAndOncePerQuietSpell() {
        QuietSpell spell = new QuietSpell(10 * SECOND);
        assertThat(spell.due(100, 0)).as("first look: nothing known yet").isFalse();
        assertThat(spell.due(100, 9 * SECOND)).as("quiet, but not long enough").isFalse();
        assertThat(spell.due(100, 10 * SECOND)).as("quiet for the idle time").isTrue();
        assertThat(spell.due(100, 11 * SECOND)).as("not done yet: asked again").isTrue();
        spell.done();
        assertThat(spell.due(100, 60 * SECOND)).as("done in this spell").isFalse();
        assertThat(spell.due(101, 61 * SECOND)).as("a write starts a new spell").isFalse();
        assertThat(spell.due(101, 70 * SECOND)).isFalse();
        assertThat(spell.due(101, 71 * SECOND)).isTrue();
    }

    @Test
    void writesDuringTheWaitPostponeIt() {
        QuietSpell spell = new QuietSpell(10 * SECOND);
        spell.due(1, 0);
        spell.due(2, 8 * SECOND);
        assertThat(spell.due(2, 12 * SECOND)).isFalse();
        assertThat(spell.due(2, 18 * SECOND)).isTrue();
    }
}
