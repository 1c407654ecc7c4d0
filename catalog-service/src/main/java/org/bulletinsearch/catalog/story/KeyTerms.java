package org.bulletinsearch.catalog.story;

import java.util.Set;

/**
 * The guard against hard negatives: the terms of an article that tell one event from another
 * (places, dates, programme and organisation names), and the rule that says two articles with
 * overlapping text are nevertheless about different events.
 *
 * <p>Why a guard at all: bulletins write many events from one template ("The WCO held a Time Release
 * Study workshop in X ..."), so two workshops in two countries share most of their shingles (exact
 * Jaccard up to 0.85 in the labelled set, above most true re-tellings), and no Jaccard threshold separates
 * them. What differs is a handful of terms in otherwise identical places.
 *
 * <p>Implementations must be pure and deterministic: {@link #extract} returns the same set for the same
 * text in every release that keeps the storage format (the terms are stored with the article and
 * compared with those of articles stored years earlier), and {@link #contradict} must be symmetric
 * ({@code contradict(a, b) == contradict(b, a)}), or story assignment would depend on arrival order.
 * The default is {@link ContextKeyTerms}; the gazetteer module can supply one that resolves place
 * names to identifiers.
 */
public interface KeyTerms {

    /**
     * The key terms of an article, in a form an implementation can compare later.
     *
     * @param title the title line, may be empty, never null
     * @param body  the body paragraph, may be empty, never null
     * @return an unmodifiable set of short strings (a few dozen per article, each under ~200 chars,
     *         suitable for a PostgreSQL {@code text[]} column), iteration in sorted order
     */
    Set<String> extract(String title, String body);

    /**
     * Whether two articles' key terms show that they report different events, however much text they
     * share. Symmetric; an empty set contradicts nothing.
     *
     * @param left  terms from {@link #extract} of one article, never null
     * @param right terms from {@link #extract} of the other article, never null
     * @return true when the articles must not be the same story
     */
    boolean contradict(Set<String> left, Set<String> right);

    /** The default guard, {@link ContextKeyTerms#INSTANCE}. */
    static KeyTerms defaults() {
        return ContextKeyTerms.INSTANCE;
    }

    /** No guard: extracts nothing and never contradicts (for measuring what the guard is worth). */
    static KeyTerms none() {
        return NoKeyTerms.INSTANCE;
    }

    /** The implementation behind {@link #none()}. */
    enum NoKeyTerms implements KeyTerms {
        /** The only instance. */
        INSTANCE;

        /** Nothing: the empty set. */
        @Override
        public Set<String> extract(String title, String body) {
            return Set.of();
        }

        /** Never. */
        @Override
        public boolean contradict(Set<String> left, Set<String> right) {
            return false;
        }
    }
}
