package org.bulletinsearch.events;

import static org.assertj.core.api.Assertions.assertThat;

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
