package org.bulletinsearch.catalog.article;

import jakarta.enterprise.context.ApplicationScoped;
import org.bulletinsearch.catalog.CatalogConfig;

/**
 * The {@code total} of a first page of {@code GET /articles}, at a cost that does not grow with the catalog:
 * matching articles are counted only up to {@code catalog.articles.exact-total-up-to} (one index range of at
 * most that many rows). Beyond it, the unfiltered listing gives PostgreSQL's own estimate of the table
 * ({@code pg_class.reltuples}) and a filtered one the limit as a lower bound, the way search engines report
 * "at least 10,000 hits". Later pages carry no total: a client has it from the first.
 *
 * <p>Why the statistics rather than a counter table kept in the writing transaction: a counter would be exact,
 * but every consumed batch would update one hot row, and each writer (sightings, deletions, retractions,
 * corrections, replays, migrations) would have to repeat the rule of what is current; the estimate costs the
 * write path nothing, and a number above ten thousand is read as "about", not to the unit.
 */
@ApplicationScoped
public class ArticleTotals {

    private final ArticleRepository articles;
    private final int exactUpTo;

    public ArticleTotals(ArticleRepository articles, CatalogConfig config) {
        this.articles = articles;
        this.exactUpTo = config.articles().exactTotalUpTo();
    }

    /** The total of the filter's first page: counted, estimated (unfiltered only) or the limit as a lower bound. */
    public Total of(ArticleFilter filter) {
        boolean unfiltered = ArticleFilter.NONE.equals(filter);
        if (unfiltered) {
            long estimate = articles.estimatedCurrentCount();
            if (estimate > exactUpTo) {
                return new Total(estimate, TotalAccuracy.ESTIMATE);
            }
        }
        // Below the limit (or with statistics not gathered yet) counting is cheap: at most one row more than it.
        long counted = articles.countUpTo(filter, exactUpTo + 1);
        return counted > exactUpTo ? new Total(exactUpTo, TotalAccuracy.LOWER_BOUND)
                : new Total(counted, TotalAccuracy.EXACT);
    }

    /**
     * A total and how far it can be taken at its word.
     *
     * @param value number of matching articles (exact, estimated, or a lower bound)
     * @param accuracy which of the three
     */
    public record Total(long value, TotalAccuracy accuracy) {
    }
}
