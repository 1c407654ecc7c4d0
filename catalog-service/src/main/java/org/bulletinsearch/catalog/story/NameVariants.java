package org.bulletinsearch.catalog.story;

/**
 * When two different folded words still name the same thing, for {@link ContextKeyTerms}: spelling
 * variants, and the limits of the joined-word and initials aliases. Deliberately strict: country names
 * one letter apart ("Gambia" / "Zambia", "Iran" / "Iraq") or one a prefix of the other ("Niger" /
 * "Nigeria") are different places, hence the minimum length and the same-first-letters rule.
 */
final class NameVariants {

    /** Longest run of words whose initials may abbreviate a name ("World Customs Organization" = "WCO"). */
    static final int MAX_WORDS = 6;
    /** Longest run of adjacent words that may be written as one ("Viet Nam" = "Vietnam"). */
    static final int MAX_JOINED = 3;
    /** Shortest abbreviation recognized; two-letter initials match too much by chance. */
    static final int MIN_INITIALS = 3;
    /** Shortest word for which a spelling variant is accepted. */
    static final int MIN_VARIANT_LENGTH = 6;
    /** Letters two variants must share at the start. */
    static final int SAME_START = 3;
    /** Most letters a variant may add at the end ("program" / "programme"). */
    static final int MAX_EXTRA_ENDING = 2;

    private NameVariants() {
    }

    /**
     * Whether two different words are spellings of one name: both at least {@link #MIN_VARIANT_LENGTH}
     * letters, no digits, the same first {@link #SAME_START} letters, and either one edit apart (optimal
     * string alignment: one insertion, deletion, substitution or swap of neighbours) or one a prefix of
     * the other longer by at most {@link #MAX_EXTRA_ENDING} letters.
     *
     * @param a a folded word
     * @param b another folded word
     * @return false for equal words too (callers check equality first)
     */
    static boolean spellingVariants(String a, String b) {
        if (a.equals(b) || a.length() < MIN_VARIANT_LENGTH || b.length() < MIN_VARIANT_LENGTH
                || !a.regionMatches(0, b, 0, SAME_START) || hasDigit(a) || hasDigit(b)) {
            return false;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (longer.startsWith(shorter) && longer.length() - shorter.length() <= MAX_EXTRA_ENDING) {
            return true;
        }
        return longer.length() - shorter.length() <= 1 && oneEditApart(shorter, longer);
    }

    /** Optimal string alignment distance ≤ 1, for lengths that differ by at most one. */
    private static boolean oneEditApart(String shorter, String longer) {
        int prefix = 0;
        while (prefix < shorter.length() && shorter.charAt(prefix) == longer.charAt(prefix)) {
            prefix++;
        }
        if (shorter.length() < longer.length()) {
            return shorter.regionMatches(prefix, longer, prefix + 1, shorter.length() - prefix);
        }
        if (shorter.regionMatches(prefix + 1, longer, prefix + 1, shorter.length() - prefix - 1)) {
            return true; // one substitution
        }
        return prefix + 1 < shorter.length()
                && shorter.charAt(prefix) == longer.charAt(prefix + 1)
                && shorter.charAt(prefix + 1) == longer.charAt(prefix)
                && shorter.regionMatches(prefix + 2, longer, prefix + 2, shorter.length() - prefix - 2);
    }

    private static boolean hasDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
