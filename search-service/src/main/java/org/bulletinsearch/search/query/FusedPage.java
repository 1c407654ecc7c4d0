package org.bulletinsearch.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One page of a fused result list: the keyword hits and the nearest-vector hits of the same request, each
 * ranked by its engine, fused by {@link RankFusion} and cut at {@code offset}. Pure logic on the engine's
 * {@code hits.hits} arrays.
 *
 * @param hits the engine hits of the page, best first (the keyword hit where both lists have the article)
 * @param scores the fused score of each hit
 * @param modes {@code keyword} and/or {@code semantic}: the lists that had at least one hit
 * @param listed how many articles the fused list holds
 * @param semanticOnly how many of them only the vector search found
 * @param nextRank where the next page starts in the fused list; -1 when this page is the last
 */
public record FusedPage(List<JsonNode> hits, List<Double> scores, List<String> modes, int listed, int semanticOnly,
        int nextRank) {

    /**
     * @param keywordHits  {@code hits.hits} of the keyword search, or null when it did not run
     * @param semanticHits {@code hits.hits} of the vector search, or null when it did not run
     * @param window       how many hits of each list take part (the rest is ignored)
     * @param rankConstant k of reciprocal rank fusion
     * @param offset       where the page starts in the fused list, from 0
     * @param size         hits per page
     */
    public static FusedPage of(JsonNode keywordHits, JsonNode semanticHits, int window, int rankConstant, int offset,
            int size) {
        return of(keywordHits, semanticHits, window, rankConstant, offset, size, id -> true);
    }

    /**
     * The page of the fused list once the articles {@code listed} refuses are left out (the versions folded into
     * a better-ranked version of their story).
     *
     * @param listed whether an article id stays in the fused list
     */
    public static FusedPage of(JsonNode keywordHits, JsonNode semanticHits, int window, int rankConstant, int offset,
            int size, Predicate<String> listed) {
        Map<String, JsonNode> byId = new HashMap<>();
        List<String> keyword = ids(keywordHits, window, byId);
        Set<String> inKeyword = new HashSet<>(keyword);
        List<String> semantic = ids(semanticHits, window, byId);
        List<RankFusion.Fused> fused = RankFusion.fuse(rankConstant, List.of(keyword, semantic)).stream()
                .filter(hit -> listed.test(hit.id())).toList();
        List<JsonNode> hits = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int i = offset; i < fused.size() && i < offset + size; i++) {
            hits.add(byId.get(fused.get(i).id()));
            scores.add(fused.get(i).score());
        }
        List<String> modes = new ArrayList<>();
        if (!keyword.isEmpty()) {
            modes.add(SearchMode.KEYWORD.parameter());
        }
        if (!semantic.isEmpty()) {
            modes.add(SearchMode.SEMANTIC.parameter());
        }
        int semanticOnly = (int) semantic.stream().filter(id -> !inKeyword.contains(id)).count();
        int next = offset + size < fused.size() ? offset + size : -1;
        return new FusedPage(hits, scores, modes, fused.size(), semanticOnly, next);
    }

    /** The article ids of the fused list, best first (the ranking {@link #of} pages through). */
    public static List<String> ranking(JsonNode keywordHits, JsonNode semanticHits, int window, int rankConstant) {
        Map<String, JsonNode> byId = new HashMap<>();
        return RankFusion.fuse(rankConstant, List.of(ids(keywordHits, window, byId), ids(semanticHits, window, byId)))
                .stream().map(RankFusion.Fused::id).toList();
    }

    /** The ids of the first {@code window} hits, in order; the first hit seen per id is kept in {@code byId}. */
    private static List<String> ids(JsonNode hits, int window, Map<String, JsonNode> byId) {
        List<String> ids = new ArrayList<>();
        if (hits != null) {
            for (int i = 0; i < hits.size() && i < window; i++) {
                String id = SearchQueryBuilder.articleId(hits.get(i));
                ids.add(id);
                byId.putIfAbsent(id, hits.get(i));
            }
        }
        return ids;
    }
}
