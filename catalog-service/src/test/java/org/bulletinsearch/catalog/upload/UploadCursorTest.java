package org.bulletinsearch.catalog.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.bulletinsearch.catalog.article.ArticleSort;
import org.bulletinsearch.catalog.article.PageCursor;
import org.bulletinsearch.edge.InvalidParameterException;
import org.junit.jupiter.api.Test;

class UploadCursorTest {

    private static final String ID = "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a";

    @Test
    void keepsTheFileNameWhateverItHoldsThroughTheRoundTrip() {
        UploadCursor cursor = new UploadCursor("weekly | digest Zürich \uD83D\uDEA2.txt", 12, ID);

        String token = cursor.encode();

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(UploadCursor.decode(token)).contains(cursor);
    }

    @Test
    void absentOrEmptyMeansTheFirstPage() {
        assertThat(UploadCursor.fromParameter(null)).isNull();
        assertThat(UploadCursor.fromParameter("")).isNull();
    }

    @Test
    void refusesWhatItDidNotWriteNamingTheParameter() {
        String articleCursor = new PageCursor(ArticleSort.NEWEST, Instant.parse("2026-03-02T09:15:00Z"), ID).encode();
        for (String token : new String[] {articleCursor, "%%%", "bm90LWEtY3Vyc29y", encode("u1|0|" + ID + "|a.txt"),
                encode("u1|2147483648|" + ID + "|a.txt"), encode("u1|1|NOT-AN-ID|a.txt"), encode("u1|1|" + ID + "|"),
                encode("u1|1|" + ID + "|a\u0000.txt"), encode("u1|1|" + ID + "|" + "x".repeat(256))}) {
            assertThatThrownBy(() -> UploadCursor.fromParameter(token)).as(token)
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("cursor"));
        }
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
