package org.bulletinsearch.search.stories;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How search asks the catalog for stories ({@code search.stories.*}; the catalog is {@code search.catalog-url}). */
@ConfigMapping(prefix = "search.stories")
public interface StoryConfig {

    /**
     * Longest wait for the catalog's answer (connection included). A search whose stories do not come in time is
     * answered without folding versions ({@code collapsed: false}) rather than late.
     */
    @WithDefault("1s")
    Duration timeout();

    /**
     * How long search keeps the catalog's answer about a grouped article (zero: never kept). Stories change
     * only when re-tellings arrive or articles are deleted, while the same top hits come back search after
     * search: keeping an answer spares a catalog request per search, at the price of a merge or a new version
     * showing in search up to this much later. Answers about articles that wait to be grouped are kept for
     * {@link #pendingTtl()} instead.
     */
    @WithDefault("5s")
    Duration cacheTtl();

    /**
     * How long search keeps the catalog's answer about an article that waits to be grouped, or that the catalog does
     * not hold yet (zero: never kept; never longer than {@link #cacheTtl()}). Such an answer changes as soon as the
     * catalog groups or stores the article, so it is kept briefly. But after a bulk load the catalog groups for an
     * hour or more (a million articles; bench README, "What is measured"), and without keeping it every search would
     * ask the catalog again about the same top hits.
     */
    @WithDefault("1s")
    Duration pendingTtl();

    /** Most articles whose story is kept ({@link #cacheTtl()}). */
    @WithDefault("100000")
    int cacheSize();
}
