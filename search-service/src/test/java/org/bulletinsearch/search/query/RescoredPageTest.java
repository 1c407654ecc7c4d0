package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RescoredPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An engine answer with hits given as "id:score", in the engine's order. */
    private static JsonNode answer(String... hits) {
        ObjectNode answer = JSON.createObjectNode();
        var array = answer.putObject("hits").putArray("hits");
        for (String hit : hits) {
            String[] parts = hit.split(":");
            ObjectNode node = array.addObject().put("_id", parts[0]).put("_score", Double.parseDouble(parts[1]));
            node.putObject("_source").put("id", parts[0]);
        }
        return answer;
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("hits").path("hits").forEach(hit -> ids.add(hit.path("_id").asText()));
        return ids;
    }

    @Test
    void tiesAreOrderedByIdAsTheExactSortDoesAndCarryItsSortValues() {
        // the engine ranks ties of a rescored list by its document number: here d before b
        JsonNode answer = answer("a:9.5", "d:7.25", "b:7.25", "c:3.0", "e:1.0");
        JsonNode page = RescoredPage.inExactOrder(answer, 5, 3).orElseThrow();
        assertThat(ids(page)).containsExactly("a", "b", "d");
        assertThat(page.path("hits").path("hits").get(1).path("sort").toString()).isEqualTo("[7.25,\"b\"]");
        assertThat(ids(answer)).as("the answer is left as it was").containsExactly("a", "d", "b", "c", "e");
    }

    @Test
    void hitsTiedWithTheLastOneAnswerHeldAreLeftOutTheyMayNotBeAllOfTheirScore() {
        JsonNode page = RescoredPage.inExactOrder(answer("a:9", "b:8", "c:7", "z:6", "y:6"), 5, 3).orElseThrow();
        assertThat(ids(page)).containsExactly("a", "b", "c");
    }

    @Test
    void whenSuchTiesReachIntoThePageOnlyTheExactRequestCanOrderIt() {
        assertThat(RescoredPage.inExactOrder(answer("a:9", "b:8", "z:8", "y:8", "x:8"), 5, 3)).isEmpty();
    }

    @Test
    void anAnswerShorterThanAskedHoldsEveryMatchAndIsOrderedWhole() {
        JsonNode page = RescoredPage.inExactOrder(answer("c:2", "b:2", "a:2"), 13, 11).orElseThrow();
        assertThat(ids(page)).containsExactly("a", "b", "c");
        assertThat(RescoredPage.inExactOrder(answer(), 13, 11).orElseThrow().path("hits").path("hits")).isEmpty();
    }

    @Test
    void scoresAreComparedAsTheEngineComputedThemIn32BitFloats() {
        // two scores the engine printed apart are apart; the page keeps the order of the floats
        JsonNode page = RescoredPage.inExactOrder(answer("b:13.764516", "a:13.76947", "c:13.764516", "d:1"), 4, 3)
                .orElseThrow();
        assertThat(ids(page)).containsExactly("a", "b", "c");
    }
}
