package org.bulletinsearch.search.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * The first pages by relevance whose first answer (strict first, or rescored) could not tell them, each with the
 * {@link PageBody} that did, so that the same page asked again goes straight to that body: one round trip where
 * the first answer and then the other body take two. The same search is often asked again (the next visitor, the
 * browser's back button), and what stopped its first answer is a property of the query over the index: many
 * articles tie when they share their words (the versions of one story do), and an article lacking a word of the
 * query can outrank those having all of them.
 *
 * <p>Which body told a page is only a hint about the cheaper way to the same page: the body it names always gives
 * the right answer (the exact body always; the rescored body's answer is checked for ties again). While the page
 * still needs that body, asking it costs no more than before (the first answer was followed by it). Once new
 * articles changed the ranking, it can cost the engine more than the first answer would have (the boosts on every
 * match, not on the rescore window's best; every match, not those with every unit), so a page is asked its first
 * answer again {@link #RECHECK_AFTER} after it was found. Pages are keyed by the exact body (query, filters and
 * size) as a JSON tree compared by value, which hashes in a fraction of the time its text takes to write; past the
 * capacity, Caffeine's size eviction (Window TinyLFU: the least likely to be asked again) drops some.
 */
final class PageBodies {

    /** How long a page's body is remembered: long enough for most repeats of a search, short beside a news day. */
    static final Duration RECHECK_AFTER = Duration.ofMinutes(10);

    private final Cache<ObjectNode, PageBody> pages;

    /** @param capacity most pages remembered ({@code search.query.remembered-pages}); 0 remembers none */
    PageBodies(long capacity) {
        this(capacity, Ticker.systemTicker());
    }

    /** With the clock {@code ticker} (nanoseconds) for the recheck. */
    PageBodies(long capacity, Ticker ticker) {
        // evictions on the caller's thread: a few microseconds, and the capacity holds as soon as put returns
        this.pages = Caffeine.newBuilder().maximumSize(capacity).expireAfterWrite(RECHECK_AFTER).ticker(ticker)
                .executor(Runnable::run).build();
    }

    /**
     * The body that last told the page {@code exact} asks for; {@link PageBody#FIRST} when none is remembered (or
     * the page is not a first page by relevance, the only pages asked strict first or rescored).
     */
    PageBody of(ObjectNode exact) {
        if (!SearchQueryBuilder.firstByRelevance(exact)) {
            return PageBody.FIRST; // spare the others the key
        }
        PageBody body = pages.getIfPresent(exact);
        return body == null ? PageBody.FIRST : body;
    }

    /** Remembers that {@code body} told the page {@code exact} asks for, its first answer could not. */
    void remember(ObjectNode exact, PageBody body) {
        if (body == PageBody.FIRST) {
            throw new IllegalArgumentException("only a body asked after the first answer is remembered");
        }
        pages.put(exact.deepCopy(), body); // a copy: the caller's tree may change later
    }
}
