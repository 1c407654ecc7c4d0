package org.bulletinsearch.search.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reciprocal rank fusion: each document scores the sum, over the ranked lists it appears in, of
 * {@code 1 / (k + rank)} (rank from 1); best score first, ties in the order the documents were first met
 * (the first list first). Cormack, Clarke and Büttcher, "Reciprocal Rank Fusion outperforms Condorcet and
 * individual Rank Learning Methods", SIGIR 2009: k = 60 is their constant, and the default of
 * Elasticsearch's and OpenSearch's own hybrid search.
 */
public final class RankFusion {

    /** A document of the fused list and its fused score. */
    public record Fused(String id, double score) {
    }

    private RankFusion() {
    }

    /**
     * The fused order of the ids of several ranked lists.
     *
     * @param rankConstant k, at least 1
     * @param lists        ranked ids, best first; an id repeated within one list counts at its first rank
     * @return every id once with its score, best fused score first
     */
    public static List<Fused> fuse(int rankConstant, List<List<String>> lists) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (List<String> list : lists) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String id = list.get(i);
                if (seen.add(id)) {
                    scores.merge(id, 1.0 / (rankConstant + i + 1), Double::sum);
                }
            }
        }
        List<Fused> fused = new ArrayList<>();
        scores.forEach((id, score) -> fused.add(new Fused(id, score)));
        // stable sort: equal scores keep the order of first appearance
        fused.sort((a, b) -> Double.compare(b.score(), a.score()));
        return fused;
    }
}
