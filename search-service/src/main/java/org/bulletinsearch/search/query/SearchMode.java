package org.bulletinsearch.search.query;

/** How {@code GET /search} matches a query ({@code mode}). */
public enum SearchMode {
    /** Keyword and vector results fused by reciprocal rank ({@link RankFusion}); the default. */
    HYBRID,
    /** The words of the query only (ranking, vocabulary, typo tolerance). */
    KEYWORD,
    /** The meaning of the query only: the articles whose vectors are nearest to the query's. */
    SEMANTIC;

    /** The name in the API and in answers ({@code modes}). */
    public String parameter() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
