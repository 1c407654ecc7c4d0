package org.bulletinsearch.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParametersTest {

    @Test
    void datesThatParseButNoLowerLayerTakesAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Parameters.instant("to", "+999999999-12-31", true))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("to"));
        assertThatThrownBy(() -> Parameters.instant("from", "+10000-01-01T00:00:00Z", false))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("between the years 1 and 9999");
        assertThat(Parameters.instant("to", "2026-03-01", true)).isEqualTo(Instant.parse("2026-03-01T23:59:59.999Z"));
        assertThat(Parameters.instant("from", "2026-03-01T08:00:00+01:00", false)).isEqualTo(Instant.parse("2026-03-01T07:00:00Z"));
    }

    @Test
    void textWithANulOrOtherControlCharacterIsRefused() {
        assertThatThrownBy(() -> Parameters.text("source", "\u0000", 200, false))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("source"));
        assertThatThrownBy(() -> Parameters.text("q", "a\u001Bb", 200, true)).isInstanceOf(InvalidParameterException.class);
        assertThat(Parameters.text("q", "customs\tweek\r\n", 200, true)).isEqualTo("customs week  ");
    }

    @Test
    void textIsComposedAndItsLengthCountedInCodePoints() {
        assertThat(Parameters.text("q", "Zu\u0308rich", 6, false)).isEqualTo("Zürich");
        assertThat(Parameters.text("q", "\uD83D\uDE00".repeat(3), 3, false)).hasSize(6);
        assertThatThrownBy(() -> Parameters.text("q", "abcd", 3, false)).hasMessageContaining("at most 3");
    }

    @Test
    void sizesOutsideTheirRangeOrNotIntegersAreRefused() {
        assertThat(Parameters.size("size", null, 10, 100)).isEqualTo(10);
        assertThatThrownBy(() -> Parameters.size("size", "0", 10, 100)).hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> Parameters.size("size", "99999999999999999999", 10, 100)).hasMessageContaining("integer");
    }

    @Test
    void repeatedValuesAreEachChecked() {
        assertThat(Parameters.texts("country", List.of("Kenya", "Uganda"), 100, 20)).containsExactly("Kenya", "Uganda");
        assertThatThrownBy(() -> Parameters.texts("country", List.of("Kenya", " "), 100, 20)).hasMessageContaining("blank");
    }

    @Test
    void abbreviationNeverSplitsACharacterNorShowsControls() {
        assertThat(Parameters.abbreviate("\u0000x")).isEqualTo("?x");
        assertThat(Parameters.abbreviate("a".repeat(39) + "\uD83D\uDE00tail")).isEqualTo("a".repeat(39) + "...");
    }
}
