package org.bulletinsearch.catalog.story;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The default {@link KeyTerms}: names and numbers in their context, and "a name replaced by another
 * name in the same place" as the sign of a different event.
 *
 * <p><b>Extraction.</b> A word is a <em>name</em> when it contains a digit (years, dates, amounts), is
 * a cardinal number word ("twelve"), is an acronym ("TRS", "AEO"), belongs to a place name from a small
 * built-in list ({@code Places}), or is capitalized inside a sentence. Capitalization at the start of a
 * sentence or in a title (title case) says nothing, so there a capitalized word counts only if the body
 * also capitalizes it inside a sentence. After stop words are removed, each maximal run of names in a
 * sentence is one <em>block</em>, stored with its context: the nearest non-name word before and after it
 * in the sentence, {@code ^} or {@code $} at the sentence edges. Format: {@code "prev|name name ...|next"},
 * all words folded as in {@link StoryText}; e.g. "held a TRS workshop in Apia, Samoa, from 3 to 6 March
 * 2025." gives {@code "held|trs|workshop"} and {@code "workshop|apia samoa 3 6 march 2025|$"}.
 *
 * <p><b>Contradiction.</b> Two articles contradict when a block of one and a block of the other share a
 * neighbour (the word before, the word after, or both sentence edges) and each contains a word the
 * <em>other article</em> never names anywhere: the template is the same there, the name is not ("Samoa"
 * where the other says "Tonga", "2024" where it says "2025", "Kazungula" where it says "Mamuno"). A
 * re-telling that adds or drops a detail leaves one side without a new name and does not contradict; nor
 * do words the other article names elsewhere (reordered lists). A word also counts as named by the other
 * article when it is a spelling variant of one of its names ({@code NameVariants}: "organisation" /
 * "organization", "programme" / "program"), when adjacent words join into one of its names ("Viet Nam" /
 * "Vietnam"), or when they abbreviate one ("WCO" / "World Customs Organization"). Numbers must match
 * exactly, and short names must match exactly ("Niger" / "Nigeria", "Gambia" / "Zambia" differ).
 *
 * <p>Known limits: one place written two ways ("Turkey" / "Türkiye", "Ivorian" / "Côte d'Ivoire") or a
 * typo in a short name, in the same place of both texts, vetoes a true re-telling (a gazetteer that maps
 * names to place ids fixes the first); two events from one template whose names differ only where the
 * surrounding words differ too are not caught (the Jaccard threshold must do it).
 */
public final class ContextKeyTerms implements KeyTerms {

    /** The only instance; stateless and thread-safe. */
    public static final ContextKeyTerms INSTANCE = new ContextKeyTerms();

    /** Context marker for a block at the start of its sentence. */
    static final String START = "^";
    /** Context marker for a block at the end of its sentence. */
    static final String END = "$";

    /** Cardinal numbers written as words: "twelve chemists" and "ten chemists" are different events. */
    static final Set<String> NUMBER_WORDS = Set.of(
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
            "thousand", "million", "billion");

    private ContextKeyTerms() {
    }

    /**
     * {@inheritDoc}
     *
     * @return blocks {@code "prev|names|next"} as described in the class comment, sorted
     */
    @Override
    public Set<String> extract(String title, String body) {
        List<List<StoryText.Token>> bodySentences = StoryText.sentences(body);
        Set<String> capitalizedInside = capitalizedInsideSentences(bodySentences);
        SortedSet<String> blocks = new TreeSet<>();
        for (List<StoryText.Token> sentence : StoryText.sentences(title)) {
            addBlocks(sentence, true, capitalizedInside, blocks);
        }
        for (List<StoryText.Token> sentence : bodySentences) {
            addBlocks(sentence, false, capitalizedInside, blocks);
        }
        return Collections.unmodifiableSortedSet(blocks);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Strings not in this class's format (another extractor's) are ignored.
     */
    @Override
    public boolean contradict(Set<String> left, Set<String> right) {
        Terms a = Terms.parse(left);
        Terms b = Terms.parse(right);
        for (Block x : a.blocks) {
            for (Block y : b.sameContext(x)) {
                if (hasUnnamedWord(x.words, b) && hasUnnamedWord(y.words, a)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> capitalizedInsideSentences(List<List<StoryText.Token>> sentences) {
        Set<String> names = new HashSet<>();
        for (List<StoryText.Token> sentence : sentences) {
            for (int i = 1; i < sentence.size(); i++) {
                StoryText.Token token = sentence.get(i);
                if (token.capitalized() && !token.isStopWord()) {
                    names.add(token.folded());
                }
            }
        }
        return names;
    }

    private static void addBlocks(List<StoryText.Token> sentence, boolean title, Set<String> capitalizedInside,
                                  Set<String> into) {
        List<String> words = new ArrayList<>();
        List<Boolean> names = new ArrayList<>();
        for (int i = 0; i < sentence.size(); i++) {
            StoryText.Token token = sentence.get(i);
            if (!token.isStopWord() || token.allCaps()) {
                words.add(token.folded());
                names.add(isName(token, title || i == 0, capitalizedInside));
            }
        }
        markPlaces(sentence, words, names);
        int i = 0;
        while (i < words.size()) {
            if (!names.get(i)) {
                i++;
                continue;
            }
            int end = i;
            while (end < words.size() && names.get(end)) {
                end++;
            }
            String before = i > 0 ? words.get(i - 1) : START;
            String after = end < words.size() ? words.get(end) : END;
            into.add(before + '|' + String.join(" ", words.subList(i, end)) + '|' + after);
            i = end;
        }
    }

    private static boolean isName(StoryText.Token token, boolean capitalsMeanNothing, Set<String> capitalizedInside) {
        if (token.hasDigit() || token.allCaps() || NUMBER_WORDS.contains(token.folded())) {
            return true;
        }
        if (!token.capitalized()) {
            return false;
        }
        return !capitalsMeanNothing || capitalizedInside.contains(token.folded());
    }

    /** Marks the words of built-in place names whose first word is capitalized in the text. */
    private static void markPlaces(List<StoryText.Token> sentence, List<String> words, List<Boolean> names) {
        Map<String, Boolean> capitalized = new HashMap<>();
        for (StoryText.Token token : sentence) {
            capitalized.merge(token.folded(), token.capitalized(), Boolean::logicalOr);
        }
        for (int i = 0; i < words.size(); i++) {
            int length = Places.matchLength(words, i);
            if (length > 0 && capitalized.getOrDefault(words.get(i), false)) {
                for (int j = i; j < i + length; j++) {
                    names.set(j, true);
                }
                i += length - 1;
            }
        }
    }

    /** Whether the block has a word that the other article names nowhere, not even as a variant. */
    private static boolean hasUnnamedWord(String[] block, Terms other) {
        boolean[] named = other.namedWindows(block);
        for (int i = 0; i < block.length; i++) {
            if (!named[i] && !other.names(block[i])) {
                return true;
            }
        }
        return false;
    }

    /** A parsed block: the words before and after it, and its words. */
    private record Block(String before, String[] words, String after) {
    }

    /** One article's parsed blocks, with the indexes {@link #contradict} needs. */
    private static final class Terms {
        final List<Block> blocks = new ArrayList<>();
        /** Blocks by context key: "B" + before|after, "P" + before, "A" + after (edge markers excluded). */
        final Map<String, List<Block>> blocksByContext = new HashMap<>();
        /** Every name word of the article. */
        final Set<String> words = new HashSet<>();
        /** Joined adjacent words ("vietnam" from "viet nam") and initials ("wco") of its blocks. */
        final Set<String> aliases = new HashSet<>();

        static Terms parse(Set<String> blocks) {
            Terms terms = new Terms();
            for (String text : blocks) {
                String[] parts = text.split("\\|", -1);
                if (parts.length != 3 || parts[1].isEmpty()) {
                    continue;
                }
                Block block = new Block(parts[0], parts[1].split(" "), parts[2]);
                terms.blocks.add(block);
                for (String key : contextKeys(block)) {
                    terms.blocksByContext.computeIfAbsent(key, k -> new ArrayList<>()).add(block);
                }
                Collections.addAll(terms.words, block.words());
                addAliases(block.words(), terms.aliases);
            }
            return terms;
        }

        /**
         * A block's context keys: both neighbours, and each neighbour alone unless it is a sentence
         * edge. One shared neighbour is enough because templates are also edited ("the port of Cotonou
         * and Niamey are now followed" / "the port of Lagos and the northern border"); a shared edge
         * alone says nothing.
         */
        private static List<String> contextKeys(Block block) {
            List<String> keys = new ArrayList<>(3);
            keys.add("B" + block.before() + '|' + block.after());
            if (!block.before().equals(START)) {
                keys.add("P" + block.before());
            }
            if (!block.after().equals(END)) {
                keys.add("A" + block.after());
            }
            return keys;
        }

        /** The blocks of this article that share a context key with the given block. */
        List<Block> sameContext(Block block) {
            List<Block> same = new ArrayList<>();
            for (String key : contextKeys(block)) {
                same.addAll(blocksByContext.getOrDefault(key, List.of()));
            }
            return same;
        }

        private static void addAliases(String[] block, Set<String> into) {
            for (int from = 0; from < block.length; from++) {
                StringBuilder joined = new StringBuilder(block[from]);
                StringBuilder initials = new StringBuilder().append(block[from].charAt(0));
                for (int to = from + 1; to < block.length && to - from < NameVariants.MAX_WORDS; to++) {
                    joined.append(block[to]);
                    initials.append(block[to].charAt(0));
                    if (to - from < NameVariants.MAX_JOINED) {
                        into.add(joined.toString());
                    }
                    if (initials.length() >= NameVariants.MIN_INITIALS) {
                        into.add(initials.toString());
                    }
                }
            }
        }

        /** Whether this article names the word, exactly, as an alias, or as a spelling variant. */
        boolean names(String word) {
            if (words.contains(word) || aliases.contains(word)) {
                return true;
            }
            for (String name : words) {
                if (NameVariants.spellingVariants(word, name)) {
                    return true;
                }
            }
            return false;
        }

        /** Per word of the block: whether a run of it joins or abbreviates into a name of this article. */
        boolean[] namedWindows(String[] block) {
            boolean[] named = new boolean[block.length];
            for (int from = 0; from < block.length; from++) {
                StringBuilder joined = new StringBuilder(block[from]);
                StringBuilder initials = new StringBuilder().append(block[from].charAt(0));
                for (int to = from + 1; to < block.length && to - from < NameVariants.MAX_WORDS; to++) {
                    joined.append(block[to]);
                    initials.append(block[to].charAt(0));
                    boolean hit = words.contains(joined.toString())
                            || (initials.length() >= NameVariants.MIN_INITIALS && words.contains(initials.toString()));
                    for (int i = from; hit && i <= to; i++) {
                        named[i] = true;
                    }
                }
            }
            return named;
        }
    }
}
