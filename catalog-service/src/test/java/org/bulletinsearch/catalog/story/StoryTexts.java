package org.bulletinsearch.catalog.story;

import java.util.List;
import java.util.Random;
import org.bulletinsearch.catalog.support.Bulletins;

/** The articles of {@link StoryIT}, written for it; {@link StoryTextsTest} checks that they are what they claim. */
final class StoryTexts {

    static final String SAMOA = "Samoa completes its first time release study";
    static final String SAMOA_BODY = "The Samoa Customs Service has completed its first time release study with"
            + " support from the regional office of the World Customs Organization. The study measured the time from the"
            + " arrival of goods to their release at the Apia wharf over two weeks in March. Officials said the results"
            + " will guide new risk management rules and a single window for traders.";
    // The same news in another bulletin: another title, the sentences moved, a detail added, the name accented.
    static final String SAMOA_RETOLD = "Time release study finished in S\u0101moa";
    static final String SAMOA_RETOLD_BODY = "Officials said the results will guide new risk management rules"
            + " and a single window for traders. The S\u0101moa Customs Service has completed its first time release study"
            + " with support from the regional office of the World Customs Organization. The study measured the time"
            + " from the arrival of goods to their release at the Apia wharf over two weeks in March, for sea and air cargo.";
    // Another event from the same template: another country, port and month.
    static final String TONGA = "Tonga completes its first time release study";
    static final String TONGA_BODY = "The Tonga Customs Service has completed its first time release study with"
            + " support from the regional office of the World Customs Organization. The study measured the time from the"
            + " arrival of goods to their release at the Nuku'alofa wharf over two weeks in October. Officials said the"
            + " results will guide new risk management rules and a single window for traders.";

    /**
     * Three articles about one event, in words made up from {@code seed} (so that chains of other seeds, other
     * tests and earlier runs share no text with it): the middle one tells both halves of the news, the first
     * only the first half, the last only the second half. The middle re-tells each end; the ends share nothing,
     * so only the middle joins them.
     */
    static List<Bulletins.Article> chain(long seed) {
        Random random = new Random(seed);
        String first = sentence(random, 16) + " " + sentence(random, 16);
        String second = sentence(random, 16) + " " + sentence(random, 16);
        return List.of(new Bulletins.Article(sentence(random, 4), first),
                new Bulletins.Article(sentence(random, 4), first + " " + second),
                new Bulletins.Article(sentence(random, 4), second));
    }

    /** Made-up lowercase words and a full stop. */
    private static String sentence(Random random, int words) {
        StringBuilder sentence = new StringBuilder();
        for (int word = 0; word < words; word++) {
            sentence.append(word == 0 ? "" : " ");
            for (int syllable = 0; syllable < 2 + random.nextInt(2); syllable++) {
                sentence.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length())))
                        .append(VOWELS.charAt(random.nextInt(VOWELS.length())));
            }
        }
        return sentence.append('.').toString();
    }

    private static final String CONSONANTS = "bdfgklmnprstvz";
    private static final String VOWELS = "aeiou";

    private StoryTexts() {
    }
}
