package org.bulletinsearch.search.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.bulletinsearch.search.query.UserQuery.Node;
import org.bulletinsearch.search.query.UserQuery.Not;
import org.bulletinsearch.search.query.UserQuery.Phrase;
import org.bulletinsearch.search.query.UserQuery.Word;
import org.bulletinsearch.vocabulary.SearchVocabulary;
import org.bulletinsearch.vocabulary.TermExpansion;

/**
 * The ranked text query of {@code GET /search}: pure logic, no I/O. The parsed query is cut into <em>units</em>:
 * each top-level clause (a phrase, an OR group, a parenthesized group, a prefix) and each word of the plain text,
 * except that the words of one vocabulary term ("Authorized Economic Operator", "remote learning") or of one
 * entity name ("East African") form one unit, and stop words none. Each unit matches its own words (title^3,
 * body), or, lower, its vocabulary alternatives, or the entities it names in the entity fields. Then:
 *
 * <ul>
 *   <li><b>matching</b>: at least {@link #required(int)} of the units (1–2 units: 1; 3–4: all but one; 5 or more:
 *       70 %, rounded down; the rule of issue 16), a unit of several words by the same rule over its words, and
 *       none of the excluded clauses;</li>
 *   <li><b>ranking</b>, added to the matching units' scores: every unit with all its words ({@code strict}: the
 *       units' scores again, so documents with all words come first), the plain words as an exact phrase
 *       (title^3, body, boosted {@value #PHRASE_BOOST}) and within {@value #PROXIMITY_SLOP} positions of each
 *       other (boosted {@value #PROXIMITY_BOOST}).</li>
 * </ul>
 *
 * <p>An exact match ranks above a synonym match: alternatives weigh {@value #ALTERNATIVE_BOOST} of the words
 * typed, the entity fields a constant {@value #ENTITY_BOOST}, and within a unit the best of them counts
 * ({@code dis_max}; the others add {@value #TIE_BREAKER} of theirs). An acronym the vocabulary matches only in
 * capitals (a common word such as "SAFE" or "HS", see {@link SearchVocabulary}) is searched through its
 * alternatives and entities only, so "SAFE" does not bring every "safe" of the index. The units with all their
 * words required are the {@link #strict()} query; hits of the ranked query that it does not match are the
 * <em>relaxed</em> ones. The boosts were tuned on the judged queries of {@code RelevanceIT}.
 */
final class RankedQuery {

    static final float PHRASE_BOOST = 2f;
    static final float PROXIMITY_BOOST = 1f;
    static final int PROXIMITY_SLOP = 4;
    static final float ALTERNATIVE_BOOST = 0.4f;
    static final float ENTITY_BOOST = 1f;
    /** Share of the other ways a unit matched that adds to the best one: the words typed plus their entity win. */
    static final float TIE_BREAKER = 0.3f;
    /** Lucene's English stop words, the {@code _english_} list of the index's analyzers: they match nothing. */
    static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for",
            "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then",
            "there", "these", "they", "this", "to", "was", "will", "with");

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    /** What {@link #bare} strips: anything but letters and digits at either end of a word. */
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");
    private static final List<String> PHRASE_FIELDS = List.of(SearchQueryBuilder.TITLE + ".exact^3",
            SearchQueryBuilder.BODY + ".exact");

    /** No group: the word is a unit of its own. */
    private static final int NONE = -1;
    /** Groups of entity names count down from here. */
    private static final int ENTITY = -2;
    /** Longest entity name looked for among the words ("Papua New Guinea"). */
    private static final int MAX_NAME_WORDS = 3;

    /** The units as the matching query uses them: a unit of several words needs only some of them. */
    private final List<ObjectNode> units = new ArrayList<>();
    /** The same units with every word required. */
    private final List<ObjectNode> strictUnits = new ArrayList<>();
    /** What failing each unit's strict form leaves of a document's score ({@link ScoreBound}). */
    private final List<ScoreBound.Lacking> lacking = new ArrayList<>();
    private final List<ObjectNode> exclusions = new ArrayList<>();
    private final List<String> plainWords = new ArrayList<>();
    /** Entities each single word names, looked up once per query however many spans contain the word. */
    private final Map<String, Map<EntityFacet, List<String>>> namedAlone = new HashMap<>();
    /** Whether the query has a clause that is not an exclusion. */
    private boolean positive;
    private final SearchVocabulary vocabulary;
    private final EntityValues entities;
    private final UnaryOperator<String> fuzzyForm;

    private RankedQuery(SearchVocabulary vocabulary, EntityValues entities, UnaryOperator<String> fuzzyForm) {
        this.vocabulary = vocabulary;
        this.entities = entities;
        this.fuzzyForm = fuzzyForm;
    }

    /**
     * @param query      the parsed query, not empty
     * @param vocabulary the vocabulary in force
     * @param entities   the gazetteer's values
     * @param fuzzyForm  null for the exact query; else each positive word typed is loosened into
     *                   {@code fuzzyForm(word)~N} (see {@link UserQuery#toSimpleQueryString(UnaryOperator)})
     * @return the units of the query
     */
    static RankedQuery of(UserQuery query, SearchVocabulary vocabulary, EntityValues entities,
                          UnaryOperator<String> fuzzyForm) {
        RankedQuery ranked = new RankedQuery(vocabulary, entities, fuzzyForm);
        List<Node> clauses = query.clauses();
        int i = 0;
        while (i < clauses.size()) {
            Node node = clauses.get(i);
            if (node instanceof Not not) {
                ranked.exclusions.add(simple(UserQuery.render(not.node(), null), 1, false));
                i++;
                continue;
            }
            ranked.positive = true;
            if (node instanceof Word word && !word.prefix()) {
                List<String> run = new ArrayList<>();
                while (i < clauses.size() && clauses.get(i) instanceof Word w && !w.prefix()) {
                    run.add(w.text());
                    i++;
                }
                ranked.plainWords.addAll(run);
                ranked.addWords(run);
                continue;
            }
            if (node instanceof Phrase phrase) {
                ranked.add(ranked.unit(simple(UserQuery.render(phrase, null), 1, false), phrase.text(),
                        vocabulary.alternatives(phrase.text())));
            } else {
                ranked.add(simple(UserQuery.render(node, fuzzyForm), 1, fuzzyForm != null));
            }
            i++;
        }
        return ranked;
    }

    private void add(ObjectNode unit) {
        units.add(unit);
        strictUnits.add(unit);
        lacking.add(ScoreBound.Lacking.CLAUSE);
    }

    /**
     * How many units a document must match: the rule of issue 16.
     *
     * @param units units in the query
     * @return 1 for 1–2 units, all but one for 3–4, 70 % (rounded down) from 5
     */
    static int required(int units) {
        if (units <= 2) {
            return Math.min(units, 1);
        }
        return units <= 4 ? units - 1 : units * 7 / 10;
    }

    /** @return whether some documents may match without matching every unit */
    boolean relaxes() {
        return required(units.size()) < units.size() || !unitsAreStrict();
    }

    /** @return the query that matches and ranks */
    ObjectNode query() {
        ObjectNode node = MAPPER.createObjectNode();
        if (units.isEmpty()) {
            return exclusionsOnly(node);
        }
        ObjectNode bool = node.putObject("bool");
        ObjectNode matching = bool.putArray("must").addObject().putObject("bool");
        units.forEach(matching.putArray("should")::add);
        matching.put("minimum_should_match", required(units.size()));
        if (!exclusions.isEmpty()) {
            exclusions.forEach(bool.putArray("must_not")::add);
        }
        ArrayNode should = bool.putArray("should");
        if (relaxes()) {
            ObjectNode strict = should.addObject().putObject("bool");
            strictUnits.forEach(strict.putArray("must")::add);
            strict.put("_name", SearchQueryBuilder.STRICT);
        }
        should.addAll(boosts());
        return node;
    }

    /** The phrase and proximity boosts of the plain words; none for fewer than two. */
    private List<ObjectNode> boosts() {
        if (plainWords.size() < 2) {
            return List.of();
        }
        String words = String.join(" ", plainWords);
        return List.of(phrase(words, 0, PHRASE_BOOST), phrase(words, PROXIMITY_SLOP, PROXIMITY_BOOST));
    }

    /** @return what bounds the score of the matches that fail {@link #strict()} (meaningful when it relaxes) */
    ScoreBound scoreBound() {
        return new ScoreBound(units, lacking, boosts());
    }

    /**
     * @return whether every unit is its own strict form: a document matching all the units then matches
     *         {@link #strict()} (the exclusions are in {@link #query()}'s {@code must_not} either way); a unit of
     *         several words that lets one of them be missing ({@code someOf}) is not
     */
    boolean unitsAreStrict() {
        return units.equals(strictUnits);
    }

    /** @return a filter matching the documents that match every unit (and no exclusion) */
    ObjectNode strict() {
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode bool = node.putObject("bool");
        strictUnits.forEach(bool.putArray("filter")::add);
        exclusions.forEach(bool.putArray("must_not")::add);
        return node;
    }

    private ObjectNode exclusionsOnly(ObjectNode node) {
        if (positive) {
            node.putObject("match_none"); // only stop words: nothing to find, as the plain query did
            return node;
        }
        ObjectNode bool = node.putObject("bool");
        bool.putArray("must").addObject().putObject("match_all");
        exclusions.forEach(bool.putArray("must_not")::add);
        return node;
    }

    /**
     * Units of a run of plain words: the words of a vocabulary term, or of an entity's name ("East African"), are
     * one unit, stop words none. In the matching query a unit of several words needs only some of them (the same
     * rule as for the whole query); in the strict one, all.
     */
    private void addWords(List<String> words) {
        int[] group = groups(words);
        List<TermExpansion> terms = vocabulary.expand(String.join(" ", words));
        int w = 0;
        while (w < words.size()) {
            int first = w;
            while (w < words.size() && group[first] != NONE && group[w] == group[first]) {
                w++;
            }
            w = Math.max(w, first + 1);
            List<String> content = words.subList(first, w).stream().filter(word -> !STOP_WORDS.contains(bare(word))).toList();
            if (content.isEmpty()) {
                continue;
            }
            List<String> alternatives = group[first] >= 0 ? terms.get(group[first]).alternatives() : List.of();
            String text = String.join(" ", words.subList(first, w));
            boolean acronym = commonWordAcronym(text) && !alternatives.isEmpty();
            ObjectNode strict = unit(acronym ? null : simple(render(content), 1, fuzzyForm != null), text, alternatives);
            strictUnits.add(strict);
            units.add(acronym || content.size() < 2 ? strict : unit(someOf(content), text, alternatives));
            lacking.add(acronym ? ScoreBound.Lacking.CLAUSE
                    : content.size() < 2 ? ScoreBound.Lacking.WORD : ScoreBound.Lacking.SOME_WORDS);
        }
    }

    /**
     * Which unit each word belongs to: {@code i >= 0} the vocabulary term {@code i} of the run, {@link #ENTITY} - k
     * the k-th multi-word entity name, {@link #NONE} a unit of its own.
     */
    private int[] groups(List<String> words) {
        String text = String.join(" ", words);
        int[] starts = new int[words.size()];
        for (int w = 1; w < words.size(); w++) {
            starts[w] = starts[w - 1] + words.get(w - 1).length() + 1;
        }
        int[] group = new int[words.size()];
        Arrays.fill(group, NONE);
        List<TermExpansion> terms = vocabulary.expand(text);
        for (int t = 0; t < terms.size(); t++) {
            for (int w = 0; w < words.size(); w++) {
                boolean overlaps = starts[w] < terms.get(t).end()
                        && starts[w] + words.get(w).length() > terms.get(t).start();
                if (overlaps && group[w] == NONE) {
                    group[w] = t;
                }
            }
        }
        int names = 0;
        for (int w = 0; w < words.size(); w++) {
            // Shortest first: "East African customs" names a region because of its first two words only.
            for (int length = 2; length <= Math.min(MAX_NAME_WORDS, words.size() - w); length++) {
                if (isEntityName(words.subList(w, w + length), group, w)) {
                    Arrays.fill(group, w, w + length, ENTITY - names++);
                    w += length - 1;
                    break;
                }
            }
        }
        return group;
    }

    /** Whether ungrouped words together name entities that none of them names alone ("East African"). */
    private boolean isEntityName(List<String> span, int[] group, int from) {
        for (int i = 0; i < span.size(); i++) {
            if (group[from + i] != NONE) {
                return false;
            }
        }
        Map<EntityFacet, List<String>> together = entities.named(String.join(" ", span), List.of());
        if (together.isEmpty()) {
            return false;
        }
        for (String word : span) {
            Map<EntityFacet, List<String>> alone = namedAlone.computeIfAbsent(word, w -> entities.named(w, List.of()));
            for (Map.Entry<EntityFacet, List<String>> named : together.entrySet()) {
                if (alone.getOrDefault(named.getKey(), List.of()).containsAll(named.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Some of the words, by the same rule as for the units of the whole query. */
    private ObjectNode someOf(List<String> words) {
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode bool = node.putObject("bool");
        ArrayNode should = bool.putArray("should");
        words.forEach(word -> should.add(simple(render(List.of(word)), 1, fuzzyForm != null)));
        bool.put("minimum_should_match", required(words.size()));
        return node;
    }

    /**
     * Whether the words are an acronym the vocabulary only knows in capitals ("SAFE", not "safe"): then the
     * words typed would also find the common word, and only the alternatives and entities are searched.
     */
    private boolean commonWordAcronym(String matched) {
        return matched.equals(matched.toUpperCase(Locale.ROOT)) && !matched.equals(matched.toLowerCase(Locale.ROOT))
                && vocabulary.expand(matched.toLowerCase(Locale.ROOT)).isEmpty();
    }

    private String render(List<String> words) {
        List<String> rendered = new ArrayList<>();
        words.forEach(word -> rendered.add(UserQuery.render(new Word(word, false), fuzzyForm)));
        return String.join(" ", rendered);
    }

    /**
     * One unit: the words typed ({@code typed}, null to leave them out), their alternatives (lower) and the
     * entities they name; the best one counts.
     */
    private ObjectNode unit(ObjectNode typed, String text, List<String> alternatives) {
        List<ObjectNode> ways = new ArrayList<>();
        if (typed != null) {
            ways.add(typed);
        }
        if (!alternatives.isEmpty()) {
            List<String> literals = alternatives.stream().map(UserQuery::literal).toList();
            ways.add(simple(String.join(" | ", literals), ALTERNATIVE_BOOST, false));
        }
        Map<EntityFacet, List<String>> named = entities.named(text, alternatives);
        named.forEach((facet, values) -> ways.add(entity(facet, values)));
        if (ways.size() == 1) {
            return ways.get(0);
        }
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode disMax = node.putObject("dis_max");
        ways.forEach(disMax.putArray("queries")::add);
        disMax.put("tie_breaker", TIE_BREAKER);
        return node;
    }

    /** A {@code simple_query_string} over title^3 and body, AND between words, exact phrases on {@code .exact}. */
    static ObjectNode simple(String text, float boost, boolean fuzzy) {
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode simple = node.putObject("simple_query_string");
        simple.put("query", text);
        ArrayNode fields = simple.putArray("fields");
        SearchQueryBuilder.FIELDS.forEach(fields::add);
        simple.put("default_operator", "and");
        // Quoted phrases run on plain-tokenized subfields: the word-part graph that lets
        // "post-clearance" match "postclearance" cannot be used for positional phrase matching.
        simple.put("quote_field_suffix", SearchQueryBuilder.PHRASE_SUFFIX);
        simple.put("flags", fuzzy ? SearchQueryBuilder.FUZZY_FLAGS : SearchQueryBuilder.FLAGS);
        simple.put("analyze_wildcard", false);
        if (fuzzy) {
            simple.put("fuzzy_max_expansions", SearchQueryBuilder.FUZZY_MAX_EXPANSIONS);
            simple.put("fuzzy_prefix_length", 1);
            simple.put("fuzzy_transpositions", true);
        }
        if (boost != 1) {
            simple.put("boost", boost);
        }
        return node;
    }

    private static ObjectNode entity(EntityFacet facet, List<String> values) {
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode constant = node.putObject("constant_score");
        ArrayNode terms = constant.putObject("filter").putObject("terms").putArray(facet.field());
        values.forEach(terms::add);
        constant.put("boost", ENTITY_BOOST);
        return node;
    }

    private static ObjectNode phrase(String words, int slop, float boost) {
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode match = node.putObject("multi_match");
        match.put("query", words);
        match.put("type", "phrase");
        ArrayNode fields = match.putArray("fields");
        PHRASE_FIELDS.forEach(fields::add);
        if (slop > 0) {
            match.put("slop", slop);
        }
        match.put("boost", boost);
        return node;
    }

    private static String bare(String word) {
        return EDGE_PUNCTUATION.matcher(word).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
