package org.bulletinsearch.search.query;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Limits and tuning of the search API. */
@ConfigMapping(prefix = "search.query")
public interface QueryConfig {

    @WithDefault("10")
    int defaultSize();

    /** Largest page a client may ask for; deeper results come through the cursor. */
    @WithDefault("100")
    int maxSize();

    /** Longest accepted {@code q}, in characters. */
    @WithDefault("1000")
    int maxQueryLength();

    /** Most words (phrase words included) in one query. */
    @WithDefault("64")
    int maxTerms();

    /** Values per facet. */
    @WithDefault("20")
    int facetSize();

    TypoTolerance typoTolerance();

    /**
     * The operator's vocabulary file (same format as the built-in one, see {@code SearchVocabulary}), added to
     * the built-in vocabulary and read again whenever its modification time changes. Absent: built-in only.
     */
    Optional<String> vocabularyFile();

    /**
     * Matches the first page by relevance re-ranks with the ranking boosts ({@link SearchQueryBuilder#rescored}):
     * more keeps the page closer to the exact ranking on broad queries, fewer costs the engine less.
     */
    @WithDefault("" + SearchQueryBuilder.DEFAULT_RESCORE_WINDOW)
    int rescoreWindow();

    /**
     * First pages by relevance remembered with the body that told them when their first answer could not
     * ({@link PageBodies}): asked again, they go straight to that body, one round trip instead of two. Each costs
     * about the size of its request body (a few KB); 0 remembers none.
     */
    @WithDefault("1000")
    int rememberedPages();

    /**
     * First pages whose engine requests are kept, built and written out, for the next search of the same request
     * ({@link PreparedPages}): about 50 KB of heap each (the bodies as JSON trees and as bytes; 48 KB on average over
     * the benchmark's twelve queries, 59 KB with every body a page can be asked by), so the default takes about
     * 6 MB; 0 keeps none.
     */
    @WithDefault("128")
    int preparedPages();

    /** {@code minimum_should_match} of the more-like-this query behind related articles. */
    @WithDefault("20%")
    String relatedMinimumShouldMatch();

    /**
     * Related articles leave out words found in more than this share of the articles (0 to 1; 0: none left out),
     * which cost the most and say the least ({@link SearchQueryBuilder#relatedMaxDocFreq}).
     */
    @WithDefault("0.2")
    double relatedMaxDocShare();

    /** Fusing keyword and vector results ({@code mode=hybrid}, {@code mode=semantic}). */
    Hybrid hybrid();

    interface Hybrid {
        /**
         * Hits of each list (keyword, nearest vectors) that take part in the fused list, which is also as deep as
         * a client can page in these modes (at most 1000); deeper results come from {@code mode=keyword}.
         */
        @WithDefault("50")
        int window();

        /** k of reciprocal rank fusion ({@link RankFusion}); 60 is the constant of its authors. */
        @WithDefault("60")
        int rankConstant();
    }

    interface TypoTolerance {
        /** The query is re-run with typo tolerance when the exact one finds fewer hits than this (0 = never). */
        @WithDefault("1")
        int belowHits();

        /** Queries with more words than this are never loosened (keeps the expanded query small). */
        @WithDefault("6")
        int maxTerms();
    }
}
