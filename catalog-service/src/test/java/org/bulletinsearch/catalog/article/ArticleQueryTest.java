package org.bulletinsearch.catalog.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.bulletinsearch.catalog.CatalogConfig;
import org.bulletinsearch.edge.InvalidParameterException;
import org.junit.jupiter.api.Test;

/** The parameters of GET /articles, checked before anything reaches the database. */
class ArticleQueryTest {

    private static final CatalogConfig.Paging PAGING = new Paging(20, 100);

    @Test
    void absentParametersAskForTheFirstTwentyNewest() {
        ArticleQuery query = query(null, null, null, null, null, null, null);

        assertThat(query).isEqualTo(new ArticleQuery(ArticleFilter.NONE, ArticleSort.NEWEST, null, 20));
    }

    @Test
    void aSourceIsComparedInItsComposedForm() {
        assertThat(query(null, null, null, "Cafe\u0301 notes.txt", null, null, null).filter().sourceName())
                .isEqualTo("Caf\u00e9 notes.txt");
    }

    @Test
    void aDateAloneMeansItsFirstInstantSoThatARangeIsHalfOpen() {
        ArticleFilter march = query(null, null, null, null, "2026-03-01", "2026-04-01", null).filter();

        assertThat(march.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(march.to()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
    }

    @Test
    void toFarInTheFutureIs400NamingTheParameter() {
        assertRefused("to", () -> query(null, null, null, null, null, "+999999999-12-31", null));
        assertRefused("to", () -> query(null, null, null, null, null, "+999999999-12-31T23:59:59Z", null));
        assertRefused("from", () -> query(null, null, null, null, "-999999999-01-01T00:00:00Z", null, null));
    }

    @Test
    void sourceOrUploadIdWithNulIs400NamingTheParameter() {
        assertRefused("source", () -> query(null, null, null, "\u0000", null, null, null));
        assertRefused("uploadId", () -> query(null, null, "\u0000", null, null, null, null));
        assertRefused("source", () -> query(null, null, null, "x".repeat(256), null, null, null));
    }

    @Test
    void aCursorOfTheOtherOrderIsRefused() {
        String newest = new PageCursor(ArticleSort.NEWEST, Instant.parse("2026-03-02T09:15:00Z"),
                "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a").encode();

        assertThat(query(null, newest, null, null, null, null, null).after()).isNotNull();
        assertRefused("cursor", () -> query(null, newest, null, null, null, null, "oldest"));
    }

    @Test
    void sizesOutsideTheCapAndEmptyRangesAreRefused() {
        assertRefused("size", () -> query("101", null, null, null, null, null, null));
        assertRefused("size", () -> query("-2147483649", null, null, null, null, null, null));
        assertRefused("to", () -> query(null, null, null, null, "2026-03-02", "2026-03-01", null));
        assertRefused("sort", () -> query(null, null, null, null, null, null, "sideways"));
    }

    private static ArticleQuery query(String size, String cursor, String uploadId, String source, String from, String to,
            String sort) {
        return ArticleQuery.of(size, cursor, uploadId, source, from, to, sort, PAGING);
    }

    private static void assertRefused(String parameter, Runnable request) {
        assertThatThrownBy(request::run)
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo(parameter));
    }

    private record Paging(int defaultPageSize, int maxPageSize) implements CatalogConfig.Paging {
    }
}
