package org.bulletinsearch.catalog.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.bulletinsearch.catalog.article.ArticleSort;
import org.bulletinsearch.catalog.article.PageCursor;
import org.bulletinsearch.edge.InvalidParameterException;
import org.junit.jupiter.api.Test;

class ExportCursorTest {

    private static final String ID = "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a";

    @Test
    void roundTripsTheLastId() {
        String token = new ExportCursor(ID).encode();

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(ExportCursor.fromParameter(token)).isEqualTo(new ExportCursor(ID));
    }

    @Test
    void absentOrEmptyMeansTheFirstPage() {
        assertThat(ExportCursor.fromParameter(null)).isNull();
        assertThat(ExportCursor.fromParameter("")).isNull();
    }

    @Test
    void refusesCursorsOfOtherListingsAndForgeriesNamingTheParameter() {
        String listingCursor = new PageCursor(ArticleSort.NEWEST, Instant.parse("2026-03-02T09:15:00Z"), ID).encode();
        for (String token : new String[] {listingCursor, "%%%", "forged", new ExportCursor("NOT-AN-ID").encode()}) {
            assertThatThrownBy(() -> ExportCursor.fromParameter(token)).as(token)
                    .isInstanceOfSatisfying(InvalidParameterException.class,
                            e -> assertThat(e.getMessage()).contains("cursor"));
        }
    }
}
