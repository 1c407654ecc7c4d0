package org.bulletinsearch.catalog.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LshBandsTest {

    @Test
    void pairsAtTheThresholdAreCandidatesWithProbabilityAtLeast099() {
        System.out.println("[stories] LSH S-curve, " + LshBands.BANDS + " bands x " + LshBands.ROWS + " rows:");
        for (double s : new double[] {0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.2635, 0.27, 0.3, 0.4, 0.5}) {
            System.out.printf("[stories]   s=%.3f P(candidate)=%.4f%n", s, LshBands.candidateProbability(s));
        }
        assertThat(LshBands.BANDS * LshBands.ROWS).isEqualTo(StorySignature.PERMUTATIONS);
        assertThat(LshBands.candidateProbability(StoryMatcher.DEFAULT_THRESHOLD)).isGreaterThanOrEqualTo(0.99);
        assertThat(LshBands.candidateProbability(0.02)).isLessThan(0.03);
        assertThat(LshBands.candidateProbability(0.0)).isZero();
        assertThat(LshBands.candidateProbability(1.0)).isEqualTo(1.0);
        assertThatThrownBy(() -> LshBands.candidateProbability(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAreShortDistinctPerBandAndSharedByEqualBands() {
        StorySignature signature = StorySignature.of("", "Madagascar Customs has introduced stricter controls on "
                + "vanilla exports. Every consignment must now be sealed and scanned before loading.");
        List<String> keys = signature.bandKeys();

        assertThat(keys).hasSize(LshBands.BANDS).allMatch(k -> k.matches("b\\d\\d:[0-9a-f]{16}"));
        Set<String> bands = new HashSet<>();
        keys.forEach(k -> bands.add(k.substring(0, 3)));
        assertThat(bands).hasSize(LshBands.BANDS);
        for (int band = 0; band < LshBands.BANDS; band++) {
            String expected = String.format("b%02d:%08x%08x", band, signature.minimum(2 * band), signature.minimum(2 * band + 1));
            assertThat(keys.get(band)).isEqualTo(expected);
        }
        assertThat(StorySignature.of("Other title", "Madagascar customs has introduced stricter controls on vanilla "
                + "exports! Every consignment must now be sealed and scanned before loading").bandKeys()).isEqualTo(keys);
    }

    @Test
    void numericKeysAreOnePerBandAndSharedExactlyWhereTheTextKeysAre() {
        StorySignature one = StorySignature.of("", "Madagascar Customs has introduced stricter controls on vanilla"
                + " exports. Every consignment must now be sealed and scanned before loading.");
        StorySignature other = StorySignature.of("", "Madagascar Customs has introduced stricter controls on vanilla"
                + " exports. Inspectors from the capital will check the seals at the port of Toamasina each week.");
        long[] numbers = LshBands.numericKeys(one);
        assertThat(numbers).hasSize(LshBands.BANDS).doesNotHaveDuplicates();
        assertThat(LshBands.numericKeys(StorySignature.of("t", "Madagascar customs has introduced stricter controls on"
                + " vanilla exports! Every consignment must now be sealed and scanned before loading"))).isEqualTo(numbers);
        long[] others = LshBands.numericKeys(other);
        for (int band = 0; band < LshBands.BANDS; band++) {
            assertThat(numbers[band] == others[band]).as("band %d", band)
                    .isEqualTo(one.bandKeys().get(band).equals(other.bandKeys().get(band)));
        }
        assertThat(LshBands.numericKeys(StorySignature.of("", ""))).isEmpty();
    }
}
