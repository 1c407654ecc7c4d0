package org.bulletinsearch.vocabulary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A trie over lower-cased, folded tokens: finds, left to right, the longest dictionary phrase at each
 * position in time proportional to the number of tokens times the length of the longest phrase, without
 * any regular expression. Immutable once built; lookups are safe from any number of threads.
 *
 * @param <T> what the phrases stand for
 */
final class TermTrie<T> {

    /** Accepts or rejects a phrase found at a place in the text, for reasons beyond case and gaps. */
    interface Filter<T> {
        /**
         * @param term  the phrase
         * @param text  the text
         * @param start first token of the match
         * @param end   token after the match
         * @return whether this occurrence counts
         */
        boolean test(Term<T> term, TokenizedText text, int start, int end);
    }

    /**
     * A match: tokens {@code [start, end)} of the text and every phrase that matched them.
     *
     * @param start first token
     * @param end   token after the last
     * @param terms the phrases, at least one
     */
    record Match<T>(int start, int end, List<Term<T>> terms) {
    }

    private static final class Node<T> {
        Map<String, Node<T>> children;
        List<Term<T>> terms;

        Node<T> child(String key) {
            return children == null ? null : children.get(key);
        }
    }

    /** Tokens shorter than this are never read as a plural: "us" is not "u" + "s". */
    private static final int MIN_PLURAL_LENGTH = 4;

    private final Node<T> root = new Node<>();
    private final boolean plurals;

    /**
     * @param plurals whether a last token written with an extra "s" ("AEOs", "Kenyans") still matches
     */
    TermTrie(boolean plurals) {
        this.plurals = plurals;
    }

    /** Adds a phrase; only during construction, before the first lookup. */
    void add(Term<T> term) {
        Node<T> node = root;
        for (String k : term.key) {
            if (node.children == null) {
                node.children = new HashMap<>();
            }
            node = node.children.computeIfAbsent(k, x -> new Node<>());
        }
        if (node.terms == null) {
            node.terms = new ArrayList<>(1);
        }
        node.terms.add(term);
    }

    /**
     * Reports the leftmost-longest, non-overlapping matches in tokens {@code [from, limit)}.
     *
     * @param sink receives the matches in text order
     */
    void scan(TokenizedText text, int from, int limit, Filter<T> filter, Consumer<Match<T>> sink) {
        int i = from;
        while (i < limit) {
            Match<T> m = longestAt(text, i, limit, filter);
            if (m == null) {
                i++;
            } else {
                sink.accept(m);
                i = m.end();
            }
        }
    }

    /** The longest match starting at token {@code from}, or {@code null}. */
    Match<T> longestAt(TokenizedText text, int from, int limit, Filter<T> filter) {
        Match<T> best = null;
        Node<T> node = root;
        for (int k = from; k < limit && node != null; k++) {
            Node<T> next = node.child(text.key[k]);
            List<Term<T>> found = next == null ? null : accepted(next, text, from, k + 1, false, filter);
            if (found == null && plurals) {
                found = pluralAt(node, text, from, k, filter);
            }
            if (found != null) {
                best = new Match<>(from, k + 1, found);
            }
            node = next;
        }
        return best;
    }

    private List<Term<T>> pluralAt(Node<T> node, TokenizedText text, int from, int k, Filter<T> filter) {
        String key = text.key[k];
        if (key.length() < MIN_PLURAL_LENGTH || key.charAt(key.length() - 1) != 's') {
            return null;
        }
        Node<T> stem = node.child(key.substring(0, key.length() - 1));
        return stem == null ? null : accepted(stem, text, from, k + 1, true, filter);
    }

    private List<Term<T>> accepted(Node<T> node, TokenizedText text, int from, int end, boolean plural,
                                   Filter<T> filter) {
        if (node.terms == null) {
            return null;
        }
        List<Term<T>> out = null;
        for (Term<T> t : node.terms) {
            if (t.accepts(text, from, plural) && filter.test(t, text, from, end)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(t);
            }
        }
        return out;
    }
}
