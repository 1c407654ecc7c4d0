package org.bulletinsearch.catalog.story;

import java.util.Arrays;
import java.util.List;

/**
 * The shingle set of an article (Broder 1997, "On the resemblance and containment of documents"):
 * every run of {@code k} consecutive words inside one sentence, as 64-bit hashes.
 *
 * <p>Shingles never cross a sentence boundary, so moving a sentence keeps all its shingles (a
 * re-telling that reorders sentences keeps the same set). A sentence shorter than {@code k} words
 * gives one shingle of all its words. {@link #BOILERPLATE} phrases are cut out and split their sentence
 * into fragments; a fragment shorter than {@code k} gives no shingle (else "the" before "World Customs
 * Organization" would become a shingle shared by most articles). The hash of a shingle w1..wk is
 * {@code h = GOLDEN_GAMMA; for each wi: h = mix(h + wordHash(wi))} (see {@link StoryHashing}).
 */
final class Shingles {

    /**
     * How words become shingles.
     *
     * @param k             words per shingle, at least 1
     * @param dropStopWords whether {@link StoryText#STOP_WORDS} are removed before shingling
     * @param includeTitle       whether the title's shingles join the body's (as one more sentence)
     * @param removeBoilerplate  whether {@link #BOILERPLATE} phrases are removed
     */
    record Options(int k, boolean dropStopWords, boolean includeTitle, boolean removeBoilerplate) {

        /**
         * The production choice, measured by {@code StoryParameterSweepTest}: 3 words, stop words kept,
         * body only, boilerplate removed.
         */
        static final Options DEFAULT = new Options(3, false, false, true);

        Options {
            if (k < 1) {
                throw new IllegalArgumentException("k must be at least 1, was " + k);
            }
        }
    }

    /**
     * Phrases removed before shingling, splitting their sentence: the organisation's own name, which
     * nearly every article of this genre carries (3-word shingles "the world customs", "world customs
     * organization", "customs organization wco" are in 76% of the seed bulletins' articles and give
     * every unrelated pair a Jaccard floor of about 0.02, i.e. LSH candidates). Longest first.
     */
    static final List<List<String>> BOILERPLATE = List.of(
            List.of("world", "customs", "organization", "wco"),
            List.of("world", "customs", "organisation", "wco"),
            List.of("world", "customs", "organization"),
            List.of("world", "customs", "organisation"),
            List.of("wco"));

    private Shingles() {
    }

    /**
     * The distinct shingle hashes of an article, sorted ascending (signed order).
     *
     * @param title   the title line, may be empty
     * @param body    the body paragraph, may be empty
     * @param options how to shingle
     * @return a new array, empty when the text has no words
     */
    static long[] of(String title, String body, Options options) {
        long[] hashes = new long[64];
        int count = 0;
        if (options.includeTitle()) {
            for (List<StoryText.Token> sentence : StoryText.sentences(title)) {
                hashes = ensure(hashes, count + sentence.size() + 1);
                count = addSentence(sentence, options, hashes, count);
            }
        }
        for (List<StoryText.Token> sentence : StoryText.sentences(body)) {
            hashes = ensure(hashes, count + sentence.size() + 1);
            count = addSentence(sentence, options, hashes, count);
        }
        return distinctSorted(hashes, count);
    }

    private static int addSentence(List<StoryText.Token> sentence, Options options, long[] into, int count) {
        long[] words = new long[sentence.size()];
        int n = 0;
        int fragmentStart = 0;
        boolean split = false;
        for (int i = 0; i < sentence.size(); i++) {
            int boilerplate = options.removeBoilerplate() ? boilerplateLength(sentence, i) : 0;
            if (boilerplate > 0) {
                count = addFragment(words, fragmentStart, n, options.k(), false, into, count);
                fragmentStart = n;
                split = true;
                i += boilerplate - 1;
            } else if (!options.dropStopWords() || !sentence.get(i).isStopWord()) {
                words[n++] = StoryHashing.wordHash(sentence.get(i).folded());
            }
        }
        return addFragment(words, fragmentStart, n, options.k(), !split, into, count);
    }

    /** The shingles of words[from, to); a whole sentence shorter than k still gives one shingle. */
    private static int addFragment(long[] words, int from, int to, int k, boolean wholeSentence,
                                   long[] into, int count) {
        int length = to - from;
        if (length <= 0 || (length < k && !wholeSentence)) {
            return count;
        }
        int width = Math.min(k, length);
        for (int start = from; start + width <= to; start++) {
            long h = StoryHashing.GOLDEN_GAMMA;
            for (int i = start; i < start + width; i++) {
                h = StoryHashing.mix(h + words[i]);
            }
            into[count++] = h;
        }
        return count;
    }

    /** The number of tokens of the boilerplate phrase starting at {@code at}, 0 when none does. */
    private static int boilerplateLength(List<StoryText.Token> sentence, int at) {
        for (List<String> phrase : BOILERPLATE) {
            if (at + phrase.size() <= sentence.size() && startsWith(sentence, at, phrase)) {
                return phrase.size();
            }
        }
        return 0;
    }

    private static boolean startsWith(List<StoryText.Token> sentence, int at, List<String> phrase) {
        for (int i = 0; i < phrase.size(); i++) {
            if (!sentence.get(at + i).folded().equals(phrase.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static long[] ensure(long[] array, int size) {
        return size <= array.length ? array : Arrays.copyOf(array, Math.max(size, array.length * 2));
    }

    private static long[] distinctSorted(long[] hashes, int count) {
        Arrays.sort(hashes, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || hashes[distinct - 1] != hashes[i]) {
                hashes[distinct++] = hashes[i];
            }
        }
        return Arrays.copyOf(hashes, distinct);
    }
}
