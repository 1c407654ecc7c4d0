package org.bulletinsearch.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TokenizedTextTest {

    @Test
    void foldsAndKeepsOffsetsIntoTheOriginal() {
        String text = "Bots\u00ADwana’s Côte";
        TokenizedText t = TokenizedText.of(text);
        assertThat(Arrays.copyOf(t.key, t.size)).containsExactly("botswana", "s", "cote");
        assertThat(text.substring(t.start[0], t.end[0])).isEqualTo("Bots\u00ADwana");
        assertThat(text.substring(t.start[2], t.end[2])).isEqualTo("Côte");
        assertThat(t.gapBefore[1]).isEqualTo(TokenizedText.SOFT);
    }

    @Test
    void surfaceIsTheFoldedTokenWhereverFoldingOrSkippingHappens() {
        TokenizedText t = TokenizedText.of("KRA2025 naïve Straße US$ 5, R&D co\u200Bop Ελλάδα");
        assertThat(Arrays.copyOf(t.surface, t.size))
                .containsExactly("KRA2025", "naive", "Strasse", "US$", "5", "R", "and", "D", "coop", "Ελλαδα");
        assertThat(Arrays.copyOf(t.key, t.size))
                .containsExactly("kra2025", "naive", "strasse", "us$", "5", "r", "and", "d", "coop", "ελλαδα");
    }

    @Test
    void neverSplitsSurrogatePairs() {
        String text = "a \uD835\uDC00b \uD83D\uDE00 c";
        TokenizedText t = TokenizedText.of(text);
        assertThat(Arrays.copyOf(t.key, t.size)).containsExactly("a", "ab", "c");
        assertThat(text.substring(t.start[1], t.end[1])).isEqualTo("\uD835\uDC00b");
        assertThat(t.gapBefore[2]).isEqualTo(TokenizedText.HARD);
    }

    @Test
    void joinsDottedAbbreviations() {
        TokenizedText t = TokenizedText.of("The U.S. Customs, e.g. here. A. B");
        assertThat(Arrays.copyOf(t.surface, t.size)).containsExactly("The", "US", "Customs", "eg", "here", "A", "B");
        assertThat(t.gapBefore[2]).isEqualTo(TokenizedText.SOFT);
        assertThat(t.gapBefore[3]).isEqualTo(TokenizedText.COMMA);
    }

    @Test
    void classifiesGaps() {
        TokenizedText t = TokenizedText.of("a-b c, d. e (f) g/h i \u2013 j & k");
        assertThat(Arrays.copyOf(t.key, t.size))
                .containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "and", "k");
        byte soft = TokenizedText.SOFT;
        byte hard = TokenizedText.HARD;
        assertThat(Arrays.copyOf(t.gapBefore, t.size)).containsExactly(hard, soft, soft, TokenizedText.COMMA,
                TokenizedText.PERIOD, hard, hard, TokenizedText.SLASH, soft, hard, soft, soft);
    }

    @Test
    void detectsAllCapitalText() {
        assertThat(TokenizedText.of("NEW RULES KEEP CARGO SAFE").allCaps).isTrue();
        assertThat(TokenizedText.of("New Rules Keep Cargo SAFE").allCaps).isFalse();
        assertThat(TokenizedText.of("WCO AND WTO").allCaps).isFalse();
    }
}
