package org.bulletinsearch.catalog.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

    @Test
    void survivesTheRoundTripThroughAUrl() {
        PageCursor cursor = new PageCursor(ArticleSort.OLDEST, Instant.parse("2026-03-02T09:15:00.123456Z"),
                "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a");

        String token = cursor.encode();

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode(token)).contains(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "%%%", "bm90LWEtY3Vyc29y", "MXxzaWRld2F5c3wyMDI2LTAzLTAyVDA5OjE1OjAwWnwzZjdhOWMwZTViMWQ0YTJmOGU2YzdiOWEwZDFlMmYzYQ"})
    void refusesWhatItDidNotWrite(String token) {
        assertThat(PageCursor.decode(token)).isEmpty();
    }

    @Test
    void refusesAMalformedIdOrTime() {
        assertThat(PageCursor.decode(encode("1|newest|2026-03-02T09:15:00Z|NOT-AN-ID"))).isEmpty();
        assertThat(PageCursor.decode(encode("1|newest|yesterday|3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a"))).isEmpty();
        assertThat(PageCursor.decode(encode("2|newest|2026-03-02T09:15:00Z|3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a"))).isEmpty();
        assertThat(PageCursor.decode(encode("1|newest|2026-03-02T09:15:00Z|3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a")))
                .isPresent();
    }

    @Test
    void refusesATimeTheDatabaseCannotHold() {
        // Instant.parse takes it, PostgreSQL's timestamptz does not: it must never reach a query.
        assertThat(PageCursor.decode(encode("1|newest|+999999999-12-31T00:00:00Z|3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a")))
                .isEmpty();
        assertThat(PageCursor.decode(encode("1|oldest|-0001-01-01T00:00:00Z|3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a")))
                .isEmpty();
    }

    @Test
    void refusesControlCharactersAndBrokenUtf8() {
        assertThat(PageCursor.decode(encode("1|newest|2026-03-02T09:15:00Z\u0000|3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a")))
                .isEmpty();
        assertThat(PageCursor.decode(Base64.getUrlEncoder().encodeToString(new byte[] {'1', '|', (byte) 0xC3}))).isEmpty();
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
