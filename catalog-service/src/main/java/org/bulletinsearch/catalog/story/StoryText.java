package org.bulletinsearch.catalog.story;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The text normalization and tokenization shared by {@link StorySignature} and {@link ContextKeyTerms}.
 *
 * <p>What it folds is what re-tellings of one story change without changing the story: invisible
 * format characters (soft hyphen, zero-width space and joiners, BOM, bidi marks: Unicode category Cf),
 * compatibility forms and accents (NFKD, then every combining mark dropped, so "São Tomé", "Sao Tome"
 * and a decomposed "Sa&#x303;o" all become "sao"; NFKD subsumes NFC: canonically equivalent inputs
 * give the same output), letters that have no decomposition (ß, æ, œ, ø, đ, ł, ı, þ, ð, ħ), case
 * (lower case in {@link Locale#ROOT}), and punctuation. Hyphens inside words are removed ("e-commerce"
 * = "ecommerce"), as are apostrophes inside words ("Cote d’Ivoire" = "Cote d'Ivoire" = "cote divoire"),
 * a possessive "'s" ("Samoa's" = "Samoa"), and thousands or decimal separators between digits.
 *
 * <p>Sentences end at '!' or '?', or at '.' when whitespace and then an upper-case letter, digit or
 * the end of the text follow and the word before it is longer than one letter (so "U.S. Customs"
 * does not end one). Changing any rule here changes signatures: bump {@link StorySignature#FORMAT}.
 */
final class StoryText {

    /**
     * Short English function words: ignored by shingles (measured: fewer shingles broken by "a"/"the"
     * edits) and by key-term contexts (a template keeps its content words).
     */
    static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by",
            "from", "as", "into", "onto", "over", "under", "about", "after", "before", "since", "until",
            "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
            "will", "would", "can", "could", "should", "may", "might", "must", "shall",
            "it", "its", "this", "that", "these", "those", "their", "they", "them", "he", "she", "his",
            "her", "we", "our", "us", "you", "your", "which", "who", "whom", "whose", "what", "also",
            "than", "then", "so", "not", "no", "s");

    /**
     * One word as matching sees it.
     *
     * @param folded      the normalized word: lower case, no accents, letters and digits only, never empty
     * @param capitalized whether the word began with an upper-case letter in the text
     * @param allCaps     whether it had at least two letters, all upper case (an acronym such as "WCO")
     * @param hasDigit    whether it contains a digit (a year, a date, a quantity)
     */
    record Token(String folded, boolean capitalized, boolean allCaps, boolean hasDigit) {

        /** Whether the folded word is in {@link #STOP_WORDS}. */
        boolean isStopWord() {
            return STOP_WORDS.contains(folded);
        }
    }

    private StoryText() {
    }

    /**
     * The sentences of a text, each a list of tokens in text order; empty sentences are left out.
     *
     * @param text any text, possibly empty; never null
     * @return a new mutable list, empty for a text without letters or digits
     */
    static List<List<Token>> sentences(String text) {
        return new Scanner(prepare(text)).scan();
    }

    /**
     * Removes format characters, decomposes (NFKD), drops combining marks and maps the letters that
     * do not decompose; case is kept because {@link ContextKeyTerms} needs it.
     */
    static String prepare(String text) {
        if (isAscii(text)) {
            // ASCII has no format characters, combining marks or decompositions: same result, 3x faster.
            return text.replace('`', '\'');
        }
        StringBuilder visible = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> Character.getType(cp) != Character.FORMAT)
                .forEach(visible::appendCodePoint);
        String decomposed = Normalizer.normalize(visible, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            out.append(letterFold(c));
        }
        return out.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String letterFold(char c) {
        return switch (c) {
            case 'ß' -> "ss";
            case 'æ' -> "ae";
            case 'Æ' -> "AE";
            case 'œ' -> "oe";
            case 'Œ' -> "OE";
            case 'ø' -> "o";
            case 'Ø' -> "O";
            case 'đ', 'ð' -> "d";
            case 'Đ', 'Ð' -> "D";
            case 'ł' -> "l";
            case 'Ł' -> "L";
            case 'ı' -> "i";
            case 'þ' -> "th";
            case 'Þ' -> "Th";
            case 'ħ' -> "h";
            case 'Ħ' -> "H";
            case '\u2019', '\u2018', '\u02BC', '\u2032', '`' -> "'";
            case '\u2010', '\u2011' -> "-";
            default -> String.valueOf(c);
        };
    }

    /** One pass over prepared text; not thread-safe, one instance per call. */
    private static final class Scanner {
        private final String text;
        private final List<List<Token>> sentences = new ArrayList<>();
        private List<Token> sentence = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private boolean capitalized;
        private int letters;
        private int upperLetters;
        private boolean digit;

        Scanner(String text) {
            this.text = text;
        }

        List<List<Token>> scan() {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    append(c);
                } else if (!joins(i, c)) {
                    endWord();
                    if (endsSentence(i, c)) {
                        endSentence();
                    }
                } else if (c == '\'' && isPossessive(i)) {
                    i++; // skip the 's' of "'s" as well
                } else if (c == '\'' && word.length() <= 2 && Character.isUpperCase(text.charAt(i + 1))) {
                    capitalized = true; // "d'Ivoire", "O'Brien": a name whatever the elided prefix
                }
            }
            endWord();
            endSentence();
            return sentences;
        }

        private void append(char c) {
            if (word.length() == 0) {
                capitalized = Character.isUpperCase(c);
            }
            if (Character.isLetter(c)) {
                letters++;
                upperLetters += Character.isUpperCase(c) ? 1 : 0;
            } else {
                digit = true;
            }
            word.append(Character.toLowerCase(c));
        }

        /** Hyphens and apostrophes inside words, separators inside numbers: removed, the word goes on. */
        private boolean joins(int i, char c) {
            if (word.length() == 0 || i + 1 >= text.length()) {
                return false;
            }
            char next = text.charAt(i + 1);
            char previous = text.charAt(i - 1);
            return switch (c) {
                case '-', '\'' -> Character.isLetterOrDigit(previous) && Character.isLetterOrDigit(next);
                case ',', '.' -> Character.isDigit(previous) && Character.isDigit(next);
                default -> false;
            };
        }

        private boolean isPossessive(int i) {
            int after = i + 2;
            return Character.toLowerCase(text.charAt(i + 1)) == 's'
                    && (after >= text.length() || !Character.isLetterOrDigit(text.charAt(after)));
        }

        private boolean endsSentence(int i, char c) {
            if (c == '!' || c == '?') {
                return true;
            }
            if (c != '.' || lastWordLength() <= 1) {
                return false;
            }
            int j = i + 1;
            while (j < text.length() && text.charAt(j) == '.') {
                j++;
            }
            if (j < text.length() && !Character.isWhitespace(text.charAt(j))) {
                return false;
            }
            while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
                j++;
            }
            return j >= text.length() || Character.isUpperCase(text.charAt(j)) || Character.isDigit(text.charAt(j));
        }

        private int lastWordLength() {
            return sentence.isEmpty() ? 0 : sentence.get(sentence.size() - 1).folded().length();
        }

        private void endWord() {
            if (word.length() > 0) {
                boolean acronym = letters >= 2 && upperLetters == letters;
                sentence.add(new Token(word.toString(), capitalized, acronym, digit));
                word.setLength(0);
            }
            capitalized = false;
            letters = 0;
            upperLetters = 0;
            digit = false;
        }

        private void endSentence() {
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
                sentence = new ArrayList<>();
            }
        }
    }
}
