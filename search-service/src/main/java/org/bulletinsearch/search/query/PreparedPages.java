package org.bulletinsearch.search.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Objects;
import java.util.function.Supplier;
import org.bulletinsearch.vocabulary.SearchVocabulary;

/**
 * The {@link PreparedPage}s of first pages, kept so that the same first page asked again (a popular query, a page
 * reloaded, the way back from an article) is not built again. Building a page's bodies and writing them out took
 * about a sixth of the search service's own CPU per search (JFR at 30,000 articles, the benchmark's twelve queries;
 * bench/README.md item 13). Later pages (with a cursor) are built each time: one cursor is rarely asked twice.
 *
 * <p>Keyed by what the bodies are built from: the request without its parsed query (its text instead; the same text
 * parses the same way) and the vocabulary in force, compared by identity, so that a vocabulary read again builds
 * anew. Past the capacity, Caffeine's size eviction (Window TinyLFU) drops the pages least likely to be asked again.
 */
final class PreparedPages {

    private final Cache<Key, PreparedPage> pages;

    /** A first page's request: its query's text (null: browsing), the rest of the request, and its vocabulary. */
    private record Key(String query, SearchCriteria rest, SearchVocabulary vocabulary) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(query, key.query) && rest.equals(key.rest)
                    && vocabulary == key.vocabulary;
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(query) + rest.hashCode();
        }
    }

    /** @param capacity most first pages kept ({@code search.query.prepared-pages}); 0 keeps none */
    PreparedPages(long capacity) {
        // evictions on the caller's thread: a few microseconds, and the capacity holds as soon as put returns
        this.pages = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
    }

    /**
     * The page of {@code criteria} kept from an earlier search, else {@code build}'s, kept when it is a first page.
     *
     * @param criteria   the request, not typo-tolerant
     * @param vocabulary the vocabulary {@code build} expands the query with
     * @param build      builds the page's bodies from {@code criteria}
     */
    PreparedPage of(SearchCriteria criteria, SearchVocabulary vocabulary, Supplier<PreparedPage> build) {
        if (criteria.cursor() != null) {
            return build.get();
        }
        Key key = new Key(criteria.query() == null ? null : criteria.query().text(),
                new SearchCriteria(null, criteria.sourceNames(), criteria.uploadIds(), criteria.ingestedFrom(),
                        criteria.ingestedTo(), criteria.sort(), criteria.size(), null, criteria.entities()),
                vocabulary);
        return pages.get(key, unused -> build.get());
    }
}
