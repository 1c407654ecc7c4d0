package org.bulletinsearch.search.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.indexing.IndexManager;

/**
 * How many articles the search alias holds, asked of the engine ({@code _count}) at most once every
 * {@link #MAX_AGE}: related articles cap their words' document frequency at a share of it
 * ({@link SearchQueryBuilder#relatedMaxDocFreq}), where a count a minute old is as good as an exact one.
 */
@ApplicationScoped
public class ArticleCount {

    /** How long a count is used before the engine is asked again. */
    static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final SearchEngine engine;
    private final IndexManager indexManager;
    private volatile Counted last;

    public ArticleCount(SearchEngine engine, IndexManager indexManager) {
        this.engine = engine;
        this.indexManager = indexManager;
    }

    /**
     * The articles in the alias, at most {@link #MAX_AGE} old.
     *
     * @throws org.bulletinsearch.search.engine.SearchEngineUnavailableException when the engine cannot be asked
     */
    public long articles() {
        Counted counted = last;
        long now = System.nanoTime();
        if (counted == null || now - counted.atNanos() > MAX_AGE.toNanos()) {
            counted = new Counted(engine.send("GET", "/" + indexManager.alias() + "/_count", null).path("count").asLong(), now);
            last = counted;
        }
        return counted.articles();
    }

    private record Counted(long articles, long atNanos) {
    }
}
