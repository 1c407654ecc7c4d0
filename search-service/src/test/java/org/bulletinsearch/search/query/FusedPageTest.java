package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusedPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ArrayNode hits(String origin, String... ids) {
        ArrayNode hits = JSON.createArrayNode();
        for (String id : ids) {
            hits.addObject().put("_id", id).putObject("_source").put("from", origin);
        }
        return hits;
    }

    private static List<String> ids(FusedPage page) {
        return page.hits().stream().map(h -> h.path("_id").asText()).toList();
    }

    @Test
    void pagesWalkTheFusedListOnceAndSayWhereTheNextStarts() {
        JsonNode keyword = hits("keyword", "a", "b", "c");
        JsonNode semantic = hits("semantic", "c", "d");
        FusedPage first = FusedPage.of(keyword, semantic, 50, 60, 0, 2);
        FusedPage second = FusedPage.of(keyword, semantic, 50, 60, first.nextRank(), 2);
        assertThat(ids(first)).containsExactly("c", "a");
        assertThat(first.nextRank()).isEqualTo(2);
        assertThat(ids(second)).containsExactly("b", "d");
        assertThat(second.nextRank()).isEqualTo(-1);
        assertThat(first.listed()).isEqualTo(4);
        assertThat(first.semanticOnly()).isEqualTo(1);
        assertThat(first.modes()).containsExactly("keyword", "semantic");
    }

    @Test
    void foldedVersionsLeaveTheListAndThePagesCloseUp() {
        JsonNode keyword = hits("keyword", "a", "b", "c");
        JsonNode semantic = hits("semantic", "c", "d");
        assertThat(FusedPage.ranking(keyword, semantic, 50, 60)).containsExactly("c", "a", "b", "d");
        FusedPage first = FusedPage.of(keyword, semantic, 50, 60, 0, 2, id -> !id.equals("a"));
        FusedPage second = FusedPage.of(keyword, semantic, 50, 60, first.nextRank(), 2, id -> !id.equals("a"));
        assertThat(ids(first)).containsExactly("c", "b");
        assertThat(ids(second)).containsExactly("d");
        assertThat(second.nextRank()).isEqualTo(-1);
        assertThat(first.listed()).isEqualTo(3);
    }

    @Test
    void aHitBothListsFoundIsTheKeywordOneWithItsHighlights() {
        FusedPage page = FusedPage.of(hits("keyword", "a"), hits("semantic", "a"), 50, 60, 0, 10);
        assertThat(page.hits().get(0).path("_source").path("from").asText()).isEqualTo("keyword");
    }

    @Test
    void onlyTheWindowOfEachListTakesPart() {
        FusedPage page = FusedPage.of(hits("keyword", "a", "b", "c"), hits("semantic", "d", "e"), 1, 60, 0, 10);
        assertThat(ids(page)).containsExactly("a", "d");
    }

    @Test
    void withoutVectorsTheListIsTheKeywordOneAndModesSaySo() {
        FusedPage page = FusedPage.of(hits("keyword", "a", "b"), null, 50, 60, 0, 10);
        assertThat(ids(page)).containsExactly("a", "b");
        assertThat(page.modes()).containsExactly("keyword");
        assertThat(FusedPage.of(hits("keyword"), hits("semantic"), 50, 60, 0, 10).modes()).isEmpty();
    }
}
