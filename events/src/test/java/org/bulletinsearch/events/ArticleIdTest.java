package org.bulletinsearch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class ArticleIdTest {

    private static final String TITLE = "Harbour authority opens a second inspection lane";
    private static final String BODY = "The port's inspection capacity doubles from Monday, cutting the average\n"
            + "clearance time for refrigerated containers by half.";

    @Test
    void sameTextGivesSameId() {
        assertThat(ArticleId.of(TITLE, BODY)).isEqualTo(ArticleId.of(TITLE, BODY));
    }

    @Test
    void idIsThirtyTwoLowercaseHexCharacters() {
        assertThat(ArticleId.of(TITLE, BODY)).matches("[0-9a-f]{32}");
        assertThat(ArticleId.isWellFormed(ArticleId.of(TITLE, BODY))).isTrue();
        assertThat(ArticleId.isWellFormed("not-an-id")).isFalse();
    }

    @Test
    void lineEndsTrailingSpacesAndBomDoNotChangeTheId() {
        String id = ArticleId.of(TITLE, BODY);
        assertThat(ArticleId.of(TITLE, BODY.replace("\n", "\r\n"))).isEqualTo(id);
        assertThat(ArticleId.of(TITLE, BODY.replace("\n", "\r"))).isEqualTo(id);
        assertThat(ArticleId.of(TITLE + "   \t", BODY + "  \r\n")).isEqualTo(id);
        assertThat(ArticleId.of("\uFEFF" + TITLE, BODY)).isEqualTo(id);
        assertThat(ArticleId.of(TITLE, BODY.replace(" ", "  "))).isEqualTo(id);
        assertThat(ArticleId.of(TITLE, BODY.replace(" ", "\t"))).isEqualTo(id);
        assertThat(ArticleId.of(TITLE, BODY.replace(" ", "\u00A0"))).isEqualTo(id);
    }

    @Test
    void composedAndDecomposedAccentsGiveTheSameId() {
        String composed = "Caf\u00e9 exporters";
        String decomposed = "Cafe\u0301 exporters";
        assertThat(ArticleId.of(composed, BODY)).isEqualTo(ArticleId.of(decomposed, BODY));
    }

    @Test
    void normalizedTextIsReturnedAsItIsAndEverythingElseIsNormalizedOnce() {
        assertThat(ArticleId.normalize(TITLE)).isSameAs(TITLE);
        assertThat(ArticleId.normalize("")).isEmpty();
        // Each of these needs work; normalizing is idempotent, whichever way a string takes.
        String[] samples = {" lead", "trail ", "two  spaces", "tab\there", "line\nend", "nbsp\u00A0here", "\uFEFFbom",
            "Cafe\u0301", "Caf\u00e9", "plain words", "\u00c5ngstr\u00f6m \u212b", "\u2007figure\u202Fspace", "\r\n", " ", "x"};
        for (String sample : samples) {
            String once = ArticleId.normalize(sample);
            assertThat(ArticleId.normalize(once)).as(sample).isEqualTo(once);
            if (ArticleId.isNormalized(sample)) {
                assertThat(once).as(sample).isEqualTo(sample);
            }
        }
        assertThat(ArticleId.isNormalized("two  spaces")).isFalse();
        assertThat(ArticleId.isNormalized("Cafe\u0301")).isFalse();
        assertThat(ArticleId.normalize("Cafe\u0301")).isEqualTo("Caf\u00e9");
        assertThat(ArticleId.normalize("\u00c5ngstr\u00f6m \u212b")).isEqualTo("\u00c5ngstr\u00f6m \u00c5");
    }

    /** Its one-pass check ({@code isNormalized}) shares {@link TextForms#isSingleSpaced} with the text forms. */
    @Test
    void normalizeMatchesItsDefinitionOnMixedText() {
        for (String input : TextFormsTest.mixedTexts()) {
            // NFC, then each run of whitespace, no-break spaces and byte order marks one space, trimmed
            String expected = Normalizer.normalize(input, Normalizer.Form.NFC)
                    .replaceAll("[\\t\\n\\x0B\\f\\r\\x1C-\\x1F\\p{Z}\\uFEFF]+", " ").strip();
            assertThat(ArticleId.normalize(input)).as("normalize(%s)", input.codePoints().boxed().toList())
                    .isEqualTo(expected);
        }
    }

    @Test
    void differentTextGivesDifferentIds() {
        String id = ArticleId.of(TITLE, BODY);
        assertThat(ArticleId.of(TITLE, BODY + " Updated.")).isNotEqualTo(id);
        assertThat(ArticleId.of(TITLE.toUpperCase(), BODY)).isNotEqualTo(id);
        // Moving words between title and body is a different article.
        assertThat(ArticleId.of(TITLE + " The port's", BODY.substring("The port's ".length()))).isNotEqualTo(id);
    }

    @Test
    void idIsStableAcrossReleases() {
        // Pinned: changing normalization or hashing would split every stored article in two.
        assertThat(ArticleId.of("Title", "Body")).isEqualTo(ArticleId.of(" Title ", "Body\r\n"));
        assertThat(ArticleId.of("Title", "Body")).isEqualTo(PINNED_TITLE_BODY_ID);
    }

    private static final String PINNED_TITLE_BODY_ID = computePinned();

    private static String computePinned() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest("Title\n\nBody".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
