package org.bulletinsearch.vocabulary;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * One dictionary phrase, tokenized like the text it is looked for in, with its case rules and payload.
 *
 * <p>Case rules per token, derived from how the phrase is written: a token with two or more capitals, or a
 * capital after its first letter ("WCO", "BiH", "AfDB", "CENcomm", "ePhyto"), must appear exactly so; in a
 * phrase marked capitalized, a token written with a leading capital must appear with one ("Chad" but not
 * "chad"); everything else matches in any case. Gaps between the phrase's tokens: a comma, period or slash
 * in the phrase may be left out in the text, but the text may not put one where the phrase has none.
 *
 * @param <T> what the phrase stands for
 */
final class Term<T> {

    static final byte ANY = 0;
    static final byte CAPITAL = 1;
    static final byte EXACT = 2;

    /** A name that is also a common word or a person's name; needs context (see the extractor). */
    static final int GUARDED = 1;
    /** An acronym that is also an English word ("SAFE", "WHO"); unusable in all-caps text. */
    static final int COMMON_WORD = 2;
    /** A demonym that is also a language ("French"): "in French" is the language unless a noun follows. */
    static final int LANGUAGE = 4;

    final String phrase;
    final String[] surface;
    final String[] key;
    final byte[] rule;
    final byte[] gaps;
    final T payload;
    final int flags;

    private Term(String phrase, TokenizedText tokens, byte[] rule, T payload, int flags) {
        this.phrase = phrase;
        this.surface = Arrays.copyOf(tokens.surface, tokens.size);
        this.key = Arrays.copyOf(tokens.key, tokens.size);
        this.rule = rule;
        this.gaps = Arrays.copyOf(tokens.gapBefore, tokens.size);
        this.payload = payload;
        this.flags = flags;
    }

    /**
     * Builds a term.
     *
     * @param phrase      the phrase as written in a resource; must contain at least one letter or digit
     * @param capitalized whether tokens written with a leading capital must be capitalized in the text
     * @param payload     what the phrase stands for
     * @param flags       a combination of {@link #GUARDED}, {@link #COMMON_WORD}, {@link #LANGUAGE}
     * @return the term
     * @throws IllegalArgumentException if the phrase has no token
     */
    static <T> Term<T> of(String phrase, boolean capitalized, T payload, int flags) {
        TokenizedText tokens = TokenizedText.of(phrase);
        if (tokens.size == 0) {
            throw new IllegalArgumentException("no word in phrase '" + phrase + "'");
        }
        byte[] rule = new byte[tokens.size];
        for (int i = 0; i < tokens.size; i++) {
            rule[i] = ruleFor(tokens.surface[i], capitalized);
        }
        return new Term<>(phrase, tokens, rule, payload, flags);
    }

    /**
     * Builds a term that matches in any case, except that tokens written in capitals whose lower-cased form
     * is in {@code caseSensitive} must be written exactly so.
     *
     * @param phrase        the phrase; must contain at least one letter or digit
     * @param caseSensitive lower-cased, folded words
     * @param payload       what the phrase stands for
     * @return the term
     * @throws IllegalArgumentException if the phrase has no token
     */
    static <T> Term<T> anyCaseExcept(String phrase, Set<String> caseSensitive, T payload) {
        TokenizedText tokens = TokenizedText.of(phrase);
        if (tokens.size == 0) {
            throw new IllegalArgumentException("no word in phrase '" + phrase + "'");
        }
        byte[] rule = new byte[tokens.size];
        for (int i = 0; i < tokens.size; i++) {
            String s = tokens.surface[i];
            boolean capitals = s.equals(s.toUpperCase(Locale.ROOT)) && !s.equals(tokens.key[i]);
            rule[i] = capitals && caseSensitive.contains(tokens.key[i]) ? EXACT : ANY;
        }
        return new Term<>(phrase, tokens, rule, payload, 0);
    }

    /** A string naming the phrase and its case rules: two phrases with the same identity match alike. */
    String identity() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < surface.length; i++) {
            b.append(i == 0 ? "" : " ").append(rule[i] == ANY ? key[i] : surface[i]);
            b.append(rule[i] == CAPITAL ? "^" : "");
        }
        return b.toString();
    }

    private static byte ruleFor(String token, boolean capitalized) {
        int capitals = 0;
        boolean innerCapital = false;
        for (int i = 0; i < token.length(); i++) {
            if (Character.isUpperCase(token.charAt(i))) {
                capitals++;
                innerCapital |= i > 0;
            }
        }
        if (capitals >= 2 || innerCapital) {
            return EXACT;
        }
        return capitalized && capitals == 1 ? CAPITAL : ANY;
    }

    int length() {
        return surface.length;
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** Whether every token is matched regardless of case. */
    boolean caseInsensitive() {
        for (byte r : rule) {
            if (r != ANY) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the text, from token {@code from}, satisfies this term's case and gap rules. The keys are
     * known to match already (the trie found them).
     *
     * @param plural whether the last text token is the last phrase token plus "s"
     */
    boolean accepts(TokenizedText text, int from, boolean plural) {
        if (plural && has(GUARDED)) {
            return false;
        }
        int n = surface.length;
        for (int j = 0; j < n; j++) {
            int i = from + j;
            if (j > 0 && text.gapBefore[i] != TokenizedText.SOFT && text.gapBefore[i] != gaps[j]) {
                return false;
            }
            if (!caseFits(j, text.surface[i], plural && j == n - 1)) {
                return false;
            }
        }
        return true;
    }

    private boolean caseFits(int j, String written, boolean plural) {
        switch (rule[j]) {
            case EXACT:
                return plural ? written.length() == surface[j].length() + 1 && written.startsWith(surface[j])
                        && written.endsWith("s") : written.equals(surface[j]);
            case CAPITAL:
                return Character.isUpperCase(written.codePointAt(0));
            default:
                return true;
        }
    }

    @Override
    public String toString() {
        return phrase;
    }
}
