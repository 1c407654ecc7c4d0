package org.bulletinsearch.search.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * The first pages by relevance whose first answer (rescored, or strict first) could not tell their order because
 * ties at its end reached into the page, so that the same page asked again goes straight to its exact body: one
 * round trip where the first answer and then the exact body take two. Many articles tie when they share their words
 * (the versions of one story do), and the same search is often asked again (the next visitor, the browser's back
 * button), so a page found tied once is likely to be again.
 *
 * <p>Knowing that a page tied is only a hint about the cheaper way to the same page: the exact body always gives
 * the right answer. While the page still ties, the exact body costs no more than before (the first answer was
 * followed by it). Once new articles broke the ties, the exact body alone can cost the engine more than the first
 * answer would have (the boosts on every match, not on the rescore window's best), so a page is asked its first answer again
 * {@link #RECHECK_AFTER} after it was found tied. Pages are keyed by the exact body's JSON text (query, filters and
 * size); past the capacity, Caffeine's size eviction (Window TinyLFU: the least likely to be asked again) drops some.
 */
final class TiedPages {

    /** How long a page stays known as tied: long enough for most repeats of a search, short beside a news day. */
    static final Duration RECHECK_AFTER = Duration.ofMinutes(10);

    private final Cache<String, Boolean> pages;

    /** @param capacity most pages remembered ({@code search.query.tied-pages}); 0 remembers none */
    TiedPages(long capacity) {
        this(capacity, Ticker.systemTicker());
    }

    /** With the clock {@code ticker} (nanoseconds) for the recheck. */
    TiedPages(long capacity, Ticker ticker) {
        // evictions on the caller's thread: a few microseconds, and the capacity holds as soon as put returns
        this.pages = Caffeine.newBuilder().maximumSize(capacity).expireAfterWrite(RECHECK_AFTER).ticker(ticker)
                .executor(Runnable::run).build();
    }

    /** Whether the first answer of the page {@code exact} asks for was last found tied. */
    boolean tied(ObjectNode exact) {
        // only a first page by relevance is ever asked rescored or strict first: spare the others the key
        return SearchQueryBuilder.firstByRelevance(exact) && pages.getIfPresent(exact.toString()) != null;
    }

    /** Remembers that the first answer of the page {@code exact} asks for could not tell it for ties. */
    void remember(ObjectNode exact) {
        pages.put(exact.toString(), Boolean.TRUE);
    }
}
