package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bulletinsearch.search.query.SearchCursor.InvalidCursorException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SearchCursorTest {

    private static final String ID = "0123456789abcdef0123456789abcdef";

    private static JsonNode json(String text) throws Exception {
        return JsonMapper.builder().build().readTree(text);
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsRelevanceCursorsWithTheExactScore() throws Exception {
        SearchCursor cursor = SearchCursor.after(SortOrder.RELEVANCE, true, json("[5.4213085, \"" + ID + "\"]"));
        SearchCursor back = SearchCursor.decode(cursor.encode());
        assertThat(back.sort()).isEqualTo(SortOrder.RELEVANCE);
        assertThat(back.fuzzy()).isTrue();
        assertThat(back.after().get(0).floatValue()).isEqualTo(5.4213085f);
        assertThat(back.after().get(1).asText()).isEqualTo(ID);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void roundTripsDateCursors() throws Exception {
        SearchCursor cursor = SearchCursor.after(SortOrder.DATE, false, json("[1728289800000, \"" + ID + "\"]"));
        SearchCursor back = SearchCursor.decode(cursor.encode());
        assertThat(back.sort()).isEqualTo(SortOrder.DATE);
        assertThat(back.after().get(0).asLong()).isEqualTo(1728289800000L);
    }

    @Test
    void roundTripsFusedCursorsByRank() throws Exception {
        SearchCursor back = SearchCursor.decode(SearchCursor.atRank(true, 20).encode());
        assertThat(back.fused()).isTrue();
        assertThat(back.rank()).isEqualTo(20);
        assertThat(back.fuzzy()).isTrue();
        assertThat(back.sort()).isEqualTo(SortOrder.RELEVANCE);
        assertThat(SearchCursor.after(SortOrder.DATE, false, json("[1, \"" + ID + "\"]")).fused()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "!!!not-base64!!!",
            "bm90IGpzb24", // "not json"
            "e30", // {}
            "W10", // []
    })
    void refusesWhatItDidNotIssue(String cursor) {
        assertThatThrownBy(() -> SearchCursor.decode(cursor)).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void refusesTamperedValues() {
        String[] tampered = {
                "{\"v\":2,\"s\":\"relevance\",\"f\":false,\"a\":[1.0,\"" + ID + "\"]}",
                "{\"v\":1,\"s\":\"random\",\"f\":false,\"a\":[1.0,\"" + ID + "\"]}",
                "{\"v\":1,\"s\":\"relevance\",\"f\":\"no\",\"a\":[1.0,\"" + ID + "\"]}",
                "{\"v\":1,\"s\":\"relevance\",\"f\":false,\"a\":[\"x\",\"" + ID + "\"]}",
                "{\"v\":1,\"s\":\"relevance\",\"f\":false,\"a\":[1.0,\"not-an-id\"]}",
                "{\"v\":1,\"s\":\"relevance\",\"f\":false,\"a\":[1.0,\"" + ID + "\",3]}",
                "{\"v\":1,\"s\":\"date\",\"f\":false,\"a\":[1.5,\"" + ID + "\"]}",
                "{\"v\":1,\"s\":\"relevance\",\"f\":false,\"a\":{\"query\":{\"match_all\":{}}}}",
                "{\"v\":1,\"s\":\"relevance\",\"f\":false,\"r\":0}",
                "{\"v\":1,\"s\":\"relevance\",\"f\":false,\"r\":1001}",
                "{\"v\":1,\"s\":\"relevance\",\"f\":false,\"r\":\"10\"}",
                "{\"v\":1,\"s\":\"date\",\"f\":false,\"r\":10}",
        };
        for (String json : tampered) {
            assertThatThrownBy(() -> SearchCursor.decode(base64(json))).as(json).isInstanceOf(InvalidCursorException.class);
        }
    }

    @Test
    void refusesOverlongCursors() {
        assertThatThrownBy(() -> SearchCursor.decode("A".repeat(10_000))).isInstanceOf(InvalidCursorException.class);
    }
}
