package org.bulletinsearch.vocabulary;

import java.io.BufferedReader;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses files in the synonym format documented on {@link SearchVocabulary} and merges them into one
 * lookup structure. Collects every bad line before failing. Not thread-safe; used only while building.
 */
final class SynonymRules {

    static final String CASE_DIRECTIVE = "#@case-sensitive:";

    /** One line: its phrases expand to {@code to}; for an equivalence group {@code from == to}. */
    private record Rule(List<String> from, List<String> to) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Set<String> caseSensitive = new HashSet<>();
    private final List<VocabularyFormatException.Problem> problems = new ArrayList<>();

    /**
     * Reads one file.
     *
     * @param source a name for messages (path or resource name)
     * @param reader the content; a leading byte order mark is ignored
     * @throws IOException if reading fails
     */
    void read(String source, BufferedReader reader) throws IOException {
        String raw;
        int number = 0;
        while ((raw = reader.readLine()) != null) {
            number++;
            String text = (number == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw).strip();
            if (text.startsWith(CASE_DIRECTIVE)) {
                directive(source, number, text.substring(CASE_DIRECTIVE.length()));
            } else if (!text.isEmpty() && !text.startsWith("#")) {
                rule(source, number, text);
            }
        }
    }

    private void directive(String source, int number, String words) {
        int before = caseSensitive.size();
        for (String w : words.split("[,\\s]+")) {
            TokenizedText t = TokenizedText.of(w);
            for (int i = 0; i < t.size; i++) {
                caseSensitive.add(t.key[i]);
            }
        }
        if (caseSensitive.size() == before && words.isBlank()) {
            problem(source, number, "case-sensitive directive without words");
        }
    }

    private void rule(String source, int number, String text) {
        List<List<String>> sides = sides(source, number, text);
        if (sides == null) {
            return;
        }
        if (sides.size() > 2) {
            problem(source, number, "more than one '=>'");
            return;
        }
        for (List<String> side : sides) {
            for (String phrase : side) {
                if (phrase.isEmpty()) {
                    problem(source, number, "empty phrase (two commas in a row, or a comma at an end)");
                    return;
                }
                if (TokenizedText.of(phrase).size == 0) {
                    problem(source, number, "phrase without letters or digits: '" + phrase + "'");
                    return;
                }
            }
        }
        if (sides.size() == 1 && sides.get(0).size() < 2) {
            problem(source, number, "a group needs two phrases or more (or 'a => b' for one way)");
            return;
        }
        rules.add(new Rule(sides.get(0), sides.get(sides.size() - 1)));
    }

    /** Splits a line at unescaped "=>" and commas; {@code null} (after reporting) if it cannot. */
    private List<List<String>> sides(String source, int number, String text) {
        List<List<String>> sides = new ArrayList<>();
        List<String> side = new ArrayList<>();
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (++i == text.length()) {
                    problem(source, number, "line ends with a lone backslash");
                    return null;
                }
                phrase.append(text.charAt(i));
            } else if (c == ',' || (c == '=' && i + 1 < text.length() && text.charAt(i + 1) == '>')) {
                side.add(clean(phrase));
                phrase.setLength(0);
                if (c == '=') {
                    sides.add(side);
                    side = new ArrayList<>();
                    i++;
                }
            } else {
                phrase.append(c);
            }
        }
        side.add(clean(phrase));
        sides.add(side);
        return sides;
    }

    /** A phrase as it is stored and returned: NFC, single spaces, trimmed. */
    private static String clean(CharSequence phrase) {
        return Normalizer.normalize(phrase, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }

    private void problem(String source, int number, String message) {
        problems.add(new VocabularyFormatException.Problem(source, number, message));
    }

    /**
     * Builds the lookup structures from everything read.
     *
     * @param trie         receives one term per distinct phrase; its payload keys {@code alternatives}
     * @param alternatives receives, per term identity, the other phrasings in file order
     * @throws VocabularyFormatException if any line read was bad
     */
    void build(TermTrie<String> trie, Map<String, List<String>> alternatives) {
        if (!problems.isEmpty()) {
            throw new VocabularyFormatException(problems);
        }
        Map<String, Set<String>> merged = new LinkedHashMap<>();
        for (Rule rule : rules) {
            for (String phrase : rule.from()) {
                String id = Term.anyCaseExcept(phrase, caseSensitive, "").identity();
                Set<String> alts = merged.computeIfAbsent(id, k -> {
                    trie.add(Term.anyCaseExcept(phrase, caseSensitive, k));
                    return new LinkedHashSet<>();
                });
                String own = foldedKey(phrase);
                rule.to().stream().filter(p -> !foldedKey(p).equals(own)).forEach(alts::add);
            }
        }
        merged.forEach((id, alts) -> alternatives.put(id, List.copyOf(alts)));
    }

    /** Lower-cased, folded tokens joined by spaces: phrasings equal under matching have equal keys. */
    static String foldedKey(String phrase) {
        TokenizedText t = TokenizedText.of(phrase);
        return String.join(" ", Arrays.asList(t.key).subList(0, t.size));
    }
}
