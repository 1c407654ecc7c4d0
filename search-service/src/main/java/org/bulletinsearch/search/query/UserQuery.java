package org.bulletinsearch.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The query syntax users type, parsed leniently and rendered as an Elasticsearch/OpenSearch
 * {@code simple_query_string} that can only mean what the user wrote.
 *
 * <pre>
 *   customs audit         both words (AND is the default)
 *   "risk management"     the phrase
 *   -coffee  NOT coffee   excludes a word, a phrase or a group
 *   fiji OR iceland       either one; also "fiji | iceland". OR binds tighter than the implicit AND:
 *                         "port fiji OR iceland" means port AND (fiji OR iceland)
 *   (a OR b) c            grouping
 *   botsw*                prefix (at least two characters before the star)
 * </pre>
 *
 * Everything else is text: characters that mean something to {@code simple_query_string}
 * ({@code + - | " * ( ) ~ \}) are escaped inside words, an unmatched quote or parenthesis is
 * ignored, a dangling OR or minus is dropped, nesting deeper than {@value #MAX_DEPTH} is flattened.
 * Nothing the user types reaches the engine as syntax it did not mean.
 */
public final class UserQuery {

    static final int MAX_DEPTH = 8;
    static final int MAX_FUZZY_LENGTH = 40;
    private static final String SPECIAL = "+-|\"*()~\\";
    private static final Pattern WHITESPACE_RUN = Pattern.compile("[\\s\\p{Zs}]+");

    /** A piece of the parsed query. */
    public sealed interface Node permits Word, Phrase, Not, AnyOf, AllOf {
    }

    /** A word; {@code prefix} when it ended with a star. */
    public record Word(String text, boolean prefix) implements Node {
    }

    public record Phrase(String text) implements Node {
    }

    public record Not(Node node) implements Node {
    }

    /** Alternatives joined with OR. */
    public record AnyOf(List<Node> nodes) implements Node {
    }

    /** A parenthesized group whose parts must all match. */
    public record AllOf(List<Node> nodes) implements Node {
    }

    private final String text;
    private final List<Node> clauses;

    private UserQuery(String text, List<Node> clauses) {
        this.text = text;
        this.clauses = List.copyOf(clauses);
    }

    public static UserQuery parse(String text) {
        return new UserQuery(text, new Parser(tokenize(text)).sequence(false, 0));
    }

    public String text() {
        return text;
    }

    /** Queries typed alike are equal: the same text always parses to the same clauses. */
    @Override
    public boolean equals(Object other) {
        return other instanceof UserQuery query && text.equals(query.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    public List<Node> clauses() {
        return clauses;
    }

    /** Nothing searchable was left (only punctuation, empty quotes, dangling operators). */
    public boolean isEmpty() {
        return clauses.isEmpty();
    }

    /** Words and phrase words, the size the engine's query will have. */
    public int termCount() {
        return clauses.stream().mapToInt(UserQuery::termCount).sum();
    }

    /** Words that must match (not excluded, not prefixes): the ones typo tolerance loosens. */
    public int positiveWordCount() {
        return positiveWords().size();
    }

    /** The {@code simple_query_string} text; with {@code fuzzy}, positive words tolerate typos ({@code word~N}). */
    public String toSimpleQueryString(boolean fuzzy) {
        return toSimpleQueryString(fuzzy ? UnaryOperator.identity() : null);
    }

    /**
     * The {@code simple_query_string} text, loosened when {@code fuzzyForm} is given: each positive
     * word is replaced by {@code fuzzyForm(word)~N}. Fuzzy terms are not analyzed by the engine, so
     * the caller passes the word's stem (what the index holds) rather than the inflected word, or
     * null to leave a word exact (a stop word the index does not hold at all).
     */
    public String toSimpleQueryString(UnaryOperator<String> fuzzyForm) {
        return clauses.stream().map(node -> render(node, fuzzyForm)).collect(Collectors.joining(" "));
    }

    /** The words {@link #toSimpleQueryString(UnaryOperator)} would loosen, in order. */
    public List<String> positiveWords() {
        List<String> words = new ArrayList<>();
        clauses.forEach(node -> collectPositiveWords(node, words));
        return words;
    }

    private static void collectPositiveWords(Node node, List<String> words) {
        if (node instanceof Word word) {
            if (!word.prefix()) {
                words.add(word.text());
            }
        } else if (!(node instanceof Phrase) && !(node instanceof Not)) {
            children(node).forEach(child -> collectPositiveWords(child, words));
        }
    }

    /**
     * Edit distance Elasticsearch's AUTO fuzziness allows for a word of this length; none for words longer
     * than {@value #MAX_FUZZY_LENGTH} characters: no word is that long, and the engine refuses (with a
     * 500, "Term too complex") the automaton of a long random term.
     */
    static int autoFuzziness(String word) {
        int length = word.codePointCount(0, word.length());
        if (length <= 2 || length > MAX_FUZZY_LENGTH) {
            return 0;
        }
        return length <= 5 ? 1 : 2;
    }

    private static int termCount(Node node) {
        if (node instanceof Word) {
            return 1;
        }
        if (node instanceof Phrase phrase) {
            return phrase.text().split(" ").length;
        }
        if (node instanceof Not not) {
            return termCount(not.node());
        }
        return children(node).stream().mapToInt(UserQuery::termCount).sum();
    }

    private static List<Node> children(Node node) {
        if (node instanceof AnyOf any) {
            return any.nodes();
        }
        if (node instanceof AllOf all) {
            return all.nodes();
        }
        return List.of();
    }

    /**
     * One parsed clause in {@code simple_query_string} syntax, loosened as {@link #toSimpleQueryString(UnaryOperator)}
     * describes when {@code fuzzyForm} is given.
     */
    static String render(Node node, UnaryOperator<String> fuzzyForm) {
        if (node instanceof Word word) {
            if (word.prefix()) {
                return escape(word.text()) + "*";
            }
            if (fuzzyForm == null) {
                return escape(word.text());
            }
            String form = fuzzyForm.apply(word.text());
            int distance = form == null ? 0 : autoFuzziness(form);
            return distance == 0 ? escape(word.text()) : escape(form) + "~" + distance;
        }
        if (node instanceof Phrase phrase) {
            return "\"" + phrase.text().replace("\\", "\\\\") + "\"";
        }
        if (node instanceof Not not) {
            // Excluding near-misses of a word would surprise: exclusions stay exact.
            return "-" + render(not.node(), null);
        }
        if (node instanceof AnyOf any) {
            return any.nodes().stream().map(n -> render(n, fuzzyForm)).collect(Collectors.joining(" | ", "(", ")"));
        }
        AllOf all = (AllOf) node;
        return all.nodes().stream().map(n -> render(n, fuzzyForm)).collect(Collectors.joining(" ", "(", ")"));
    }

    /**
     * Vocabulary text as a literal {@code simple_query_string} clause: a word escaped, several words a quoted phrase.
     *
     * @param text a word or phrase from the vocabulary, never user syntax
     */
    static String literal(String text) {
        String words = text.strip().transform(UserQuery::oneSpaceBetweenWords);
        return words.contains(" ") ? "\"" + words.replace("\\", "\\\\").replace("\"", "") + "\"" : escape(words);
    }

    private static String escape(String word) {
        StringBuilder out = new StringBuilder(word.length() + 4);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    // ---- tokenizer ----------------------------------------------------------------------------

    private enum Type { WORD, PHRASE, OPEN, CLOSE, OR, NOT }

    private record Token(Type type, String text) {
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    i++; // an unmatched quote is ignored; the rest reads as words
                } else {
                    String phrase = text.substring(i + 1, end).strip().transform(UserQuery::oneSpaceBetweenWords);
                    if (hasLetterOrDigit(phrase)) {
                        tokens.add(new Token(Type.PHRASE, phrase));
                    }
                    i = end + 1;
                }
            } else if (c == '(') {
                tokens.add(new Token(Type.OPEN, "("));
                i++;
            } else if (c == ')') {
                tokens.add(new Token(Type.CLOSE, ")"));
                i++;
            } else if (c == '|') {
                tokens.add(new Token(Type.OR, "|"));
                i++;
            } else if ((c == '-' || c == '+' || c == '!') && i + 1 < n && startsOperand(text.charAt(i + 1))) {
                if (c != '+') {
                    tokens.add(new Token(Type.NOT, "-"));
                }
                i++;
            } else {
                int start = i;
                while (i < n && !endsWord(text.charAt(i))) {
                    i++;
                }
                String word = text.substring(start, i);
                switch (word) {
                    case "OR" -> tokens.add(new Token(Type.OR, word));
                    case "NOT" -> tokens.add(new Token(Type.NOT, word));
                    case "AND" -> {
                        // the default operator already
                    }
                    default -> {
                        if (hasLetterOrDigit(word)) {
                            tokens.add(new Token(Type.WORD, word));
                        }
                    }
                }
            }
        }
        return tokens;
    }

    private static boolean startsOperand(char next) {
        return !Character.isWhitespace(next) && !Character.isSpaceChar(next) && next != ')' && next != '|';
    }

    private static boolean endsWord(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '"' || c == '(' || c == ')' || c == '|';
    }

    private static boolean hasLetterOrDigit(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    // ---- parser -------------------------------------------------------------------------------

    /** Each run of white space (Unicode spaces included) as one space. */
    private static String oneSpaceBetweenWords(String text) {
        return WHITESPACE_RUN.matcher(text).replaceAll(" ");
    }

    private static final class Parser {
        private final List<Token> tokens;
        private int position;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        /** Clauses up to the end (or the closing parenthesis of a group). */
        List<Node> sequence(boolean inGroup, int depth) {
            List<Node> nodes = new ArrayList<>();
            while (position < tokens.size()) {
                Type type = tokens.get(position).type();
                if (type == Type.CLOSE) {
                    position++;
                    if (inGroup) {
                        return nodes;
                    }
                    continue; // a stray closing parenthesis
                }
                if (type == Type.OR) {
                    position++; // OR with nothing on its left
                    continue;
                }
                Node node = anyOf(depth);
                if (node != null) {
                    nodes.add(node);
                }
            }
            return nodes;
        }

        private Node anyOf(int depth) {
            List<Node> alternatives = new ArrayList<>();
            Node first = unary(depth);
            if (first != null) {
                alternatives.add(first);
            }
            while (position < tokens.size() && tokens.get(position).type() == Type.OR) {
                position++;
                Node next = unary(depth);
                if (next != null) {
                    alternatives.add(next);
                }
            }
            if (alternatives.isEmpty()) {
                return null;
            }
            return alternatives.size() == 1 ? alternatives.get(0) : new AnyOf(alternatives);
        }

        private Node unary(int depth) {
            if (position >= tokens.size()) {
                return null;
            }
            Token token = tokens.get(position);
            switch (token.type()) {
                case NOT -> {
                    position++;
                    Node inner = unary(depth);
                    if (inner == null) {
                        return null;
                    }
                    return inner instanceof Not not ? not.node() : new Not(inner);
                }
                case OPEN -> {
                    position++;
                    if (depth >= MAX_DEPTH) {
                        // Too deep: read on as if these parentheses were not there.
                        while (position < tokens.size() && tokens.get(position).type() == Type.OPEN) {
                            position++;
                        }
                        return unary(depth);
                    }
                    List<Node> group = sequence(true, depth + 1);
                    if (group.isEmpty()) {
                        return null;
                    }
                    return group.size() == 1 ? group.get(0) : new AllOf(group);
                }
                case WORD -> {
                    position++;
                    String text = token.text();
                    int stars = 0;
                    while (stars < text.length() && text.charAt(text.length() - 1 - stars) == '*') {
                        stars++;
                    }
                    String stem = text.substring(0, text.length() - stars);
                    if (stars > 0 && stem.codePoints().filter(Character::isLetterOrDigit).count() >= 2) {
                        return new Word(stem, true);
                    }
                    return new Word(text, false);
                }
                case PHRASE -> {
                    position++;
                    return new Phrase(token.text());
                }
                default -> {
                    return null; // CLOSE or OR: left for the caller
                }
            }
        }
    }
}
