package org.bulletinsearch.vocabulary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customs and trade query vocabulary: for the words and phrases of a user's query, the other ways
 * analysts write the same thing ("AEO" / "Authorized Economic Operator" / "Authorised Economic Operator",
 * "programme" / "program"). Meant for query-time expansion by the search service, not as an engine
 * analyzer. Immutable and thread-safe; build a new instance to change it.
 *
 * <p><b>File format</b> (the built-in search-vocabulary.txt and operator files alike): UTF-8 text in the Solr
 * synonym format, one rule a line:
 * <pre>
 * # a comment
 * AEO, authorized economic operator, authorised economic operator   (equivalent: each finds the others)
 * LDCs =&gt; least developed countries                                    (one way: left finds right)
 * #@case-sensitive: SAFE, HS                                          (extension, a comment to Solr)
 * </pre>
 * A backslash makes the next character literal ({@code \,} {@code \=} {@code \\}). Rules for the same
 * phrase from several lines or files add up. Blank lines are ignored; a line with an empty phrase, a lone
 * phrase without "=&gt;", a phrase without letters or digits, two "=&gt;" or a trailing backslash is an
 * error, reported with its line number.
 *
 * <p><b>Matching.</b> Queries and phrases are compared as folded word tokens: case, accents, apostrophe
 * style, hyphens and invisible format characters do not matter ("Post-Clearance" = "post clearance"). The
 * exception: words listed on a {@code #@case-sensitive:} line (acronyms that are also English words: SAFE,
 * HS, WHO), where a phrase writes them in capitals, match only when the query writes them in capitals too.
 * Phrases are found left to right, longest first, without overlaps: "authorised economic operator" is one
 * term, not three words. A query word with an extra final "s" matches the singular phrase ("audits" finds
 * "post-clearance audit") when the vocabulary has no plural of its own.
 */
public final class SearchVocabulary {

    /** The resource name of the built-in vocabulary, as used in error messages. */
    public static final String BUILT_IN_RESOURCE = "search-vocabulary.txt";

    private final TermTrie<String> trie = new TermTrie<>(true);
    private final Map<String, List<String>> alternatives = new HashMap<>();

    private SearchVocabulary(SynonymRules rules) {
        rules.build(trie, alternatives);
    }

    /** Built once, on first use. */
    private static final class Holder {
        static final SearchVocabulary BUILT_IN = new SearchVocabulary(builtInRules());
    }

    /**
     * The vocabulary shipped in this jar.
     *
     * @return the shared instance
     * @throws IllegalStateException if the shipped file is malformed (a packaging bug)
     */
    public static SearchVocabulary builtIn() {
        return Holder.BUILT_IN;
    }

    /**
     * The built-in vocabulary plus an operator's file in the same format. Call again to pick up changes.
     *
     * @param extraFile the operator's file, UTF-8
     * @return a new vocabulary with the rules of both
     * @throws IOException                if the file cannot be read (missing, not UTF-8, ...)
     * @throws VocabularyFormatException if it has bad lines; lists all of them with their line numbers
     */
    public static SearchVocabulary load(Path extraFile) throws IOException {
        SynonymRules rules = builtInRules();
        try (BufferedReader reader = Files.newBufferedReader(extraFile, StandardCharsets.UTF_8)) {
            rules.read(extraFile.toString(), reader);
        }
        return new SearchVocabulary(rules);
    }

    private static SynonymRules builtInRules() {
        SynonymRules rules = new SynonymRules();
        try (InputStream in = SearchVocabulary.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + BUILT_IN_RESOURCE);
            }
            rules.read(BUILT_IN_RESOURCE, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }

    /**
     * Finds the vocabulary's terms in a query.
     *
     * @param query the user's query as typed; {@code null} counts as empty
     * @return one expansion per term found, in query order, non-overlapping; empty if none
     */
    public List<TermExpansion> expand(String query) {
        TokenizedText text = TokenizedText.of(query);
        List<TermExpansion> out = new ArrayList<>();
        trie.scan(text, 0, text.size, (term, t, s, e) -> true, m -> {
            int from = text.start[m.start()];
            int to = text.end[m.end() - 1];
            out.add(new TermExpansion(from, to, query.substring(from, to), alternativesOf(m)));
        });
        return out;
    }

    /**
     * The other phrasings of one whole phrase, e.g. a quoted query part.
     *
     * @param phrase a word or phrase; {@code null} counts as empty
     * @return its alternatives in file order, empty if the phrase as a whole is not a vocabulary term
     */
    public List<String> alternatives(String phrase) {
        TokenizedText text = TokenizedText.of(phrase);
        TermTrie.Match<String> m = text.size == 0 ? null : trie.longestAt(text, 0, text.size, (t, x, s, e) -> true);
        return m == null || m.end() != text.size ? List.of() : alternativesOf(m);
    }

    /**
     * The size of the vocabulary, for logs after a reload.
     *
     * @return the number of distinct phrases that expand to something
     */
    public int size() {
        return alternatives.size();
    }

    private List<String> alternativesOf(TermTrie.Match<String> m) {
        if (m.terms().size() == 1) {
            return alternatives.get(m.terms().get(0).payload);
        }
        List<String> all = new ArrayList<>();
        m.terms().forEach(t -> alternatives.get(t.payload).stream().filter(a -> !all.contains(a)).forEach(all::add));
        return all;
    }
}
