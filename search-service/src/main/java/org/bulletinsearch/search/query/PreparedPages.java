package org.bulletinsearch.search.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.function.Function;
import org.bulletinsearch.vocabulary.SearchVocabulary;

/**
 * The {@link PreparedPage}s of first pages, kept so that the same first page asked again (a popular query, a page
 * reloaded, the way back from an article) is not built again. Building a page's bodies and writing them out took
 * about a sixth of the search service's own CPU per search (JFR at 30,000 articles, the benchmark's twelve queries;
 * bench/README.md item 13). Later pages (with a cursor) are built each time: one cursor is rarely asked twice.
 *
 * <p>Keyed by what the bodies are built from: the request (its query compared by its text) and the vocabulary in force,
 * compared by identity, so that a vocabulary read again builds anew. Past the capacity, Caffeine's size eviction
 * (Window TinyLFU) drops the pages least likely to be asked again.
 *
 * <p>A page learns from its answers how its query fares over the index (whether it matches many articles, whether
 * title first could tell it: {@link PreparedPage#sawMatches}, {@link PreparedPage#titleFirstFailed}). New articles
 * change both, so a page is built anew {@link PageBodies#RECHECK_AFTER} after it was built, as the bodies that told
 * pages are asked again then.
 */
final class PreparedPages {

    private final Cache<Key, PreparedPage> pages;

    /**
     * A first page's request, the vocabulary it expands with (which has no equals of its own: identity) and whether
     * its hits come with their fields ({@link PreparedPage#of}).
     */
    private record Key(SearchCriteria criteria, SearchVocabulary vocabulary, boolean fields) {
    }

    /** @param capacity most first pages kept ({@code search.query.prepared-pages}); 0 keeps none */
    PreparedPages(long capacity) {
        this(capacity, Ticker.systemTicker());
    }

    /** With the clock {@code ticker} (nanoseconds) for building pages anew. */
    PreparedPages(long capacity, Ticker ticker) {
        // evictions on the caller's thread: a few microseconds, and the capacity holds as soon as put returns
        this.pages = Caffeine.newBuilder().maximumSize(capacity).expireAfterWrite(PageBodies.RECHECK_AFTER)
                .ticker(ticker).executor(Runnable::run).build();
    }

    /**
     * The page of {@code criteria} kept from an earlier search, else {@code build}'s, kept when it is a first page.
     *
     * @param criteria   the request, not typo-tolerant
     * @param vocabulary the vocabulary in force, read once: the page is kept under it and {@code build} is given it,
     *                   so a vocabulary read again between the two cannot leave a page under the other's key
     * @param fields     whether the page's hits come with their fields and highlights, as {@code build} builds them
     * @param build      builds the page's bodies from {@code criteria}, expanding the query with the vocabulary given
     */
    PreparedPage of(SearchCriteria criteria, SearchVocabulary vocabulary, boolean fields,
            Function<SearchVocabulary, PreparedPage> build) {
        if (criteria.cursor() != null) {
            return build.apply(vocabulary);
        }
        return pages.get(new Key(criteria, vocabulary, fields), key -> build.apply(key.vocabulary()));
    }
}
