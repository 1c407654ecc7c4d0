package org.bulletinsearch.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The hits of a {@link SearchQueryBuilder#rescored} first page in the exact query's order: score descending, then
 * id ascending, as the {@code sort} of the exact body ranks them. Pure logic on the engine's answer.
 *
 * <p>The engine breaks ties of a rescored list by its internal document number, not by id. Every match that
 * scores above the last hit the answer holds is in the answer, so those hits are complete and can be ordered
 * exactly; the hits tied with the last one may not be all of their score. They are left out, and when what remains
 * is shorter than the page asked, the order cannot be told from this answer: the exact body must be asked.
 */
final class RescoredPage {

    /** How many more hits than the page a rescored body asks for, so that ties at its end can be left out. */
    static final int TIE_ROOM = 10;

    private static final Comparator<JsonNode> EXACT_ORDER = Comparator
            .comparingDouble((JsonNode hit) -> -score(hit))
            .thenComparing(SearchQueryBuilder::articleId);

    private RescoredPage() {
    }

    /**
     * @param answer   the engine's answer to a rescored body (not changed)
     * @param fetched  the hits the rescored body asked for ({@code size})
     * @param asked    the hits the exact body asks for
     * @return a copy of {@code answer} with the first {@code asked} hits (fewer when fewer matched) in the exact
     *         order, each with the {@code sort} values {@code [score, id]} a cursor continues from; empty when ties
     *         at the end of the answer reach into those hits
     */
    static Optional<JsonNode> inExactOrder(JsonNode answer, int fetched, int asked) {
        ObjectNode page = answer.deepCopy();
        List<ObjectNode> hits = new ArrayList<>();
        page.path("hits").path("hits").forEach(hit -> hits.add((ObjectNode) hit));
        hits.sort(EXACT_ORDER);
        if (hits.size() >= fetched) {
            float last = score(hits.get(hits.size() - 1));
            hits.removeIf(hit -> score(hit) == last);
            if (hits.size() < asked) {
                return Optional.empty();
            }
        }
        ArrayNode exact = ((ObjectNode) page.path("hits")).putArray("hits");
        for (ObjectNode hit : hits.subList(0, Math.min(asked, hits.size()))) {
            hit.putArray("sort").add(hit.path("_score")).add(SearchQueryBuilder.articleId(hit));
            exact.add(hit);
        }
        return Optional.of(page);
    }

    /** The score as the engine computed it: a 32-bit float, printed in its shortest form. */
    private static float score(JsonNode hit) {
        return hit.path("_score").floatValue();
    }
}
