package org.bulletinsearch.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link SearchQueryBuilder#strictFirst} page asked of the articles with a query word in their title, and what
 * bounds the score of every other article: pure logic on query bodies, no I/O.
 *
 * <p>The title weighs three times the body and is short, so on broad queries the first page is all articles with
 * a query word in the title: at 1,000,000 generated articles, "revenue rose percent" matches 73 % of them, and its
 * 21st hit scores 61.6 where no article without one of its words in the title scores above 5.0. The engine cannot
 * skip blocks of such a query (nearly every block holds a title match that could still make the page), so it
 * scores every match; restricted by {@link #filter} it scores the few with a title match (by hand there, the mix's
 * own bodies, 4 clients: 133–146 → 167 req/s, p99 91–105 → 67–69 ms).
 *
 * <p>The page keeps the strict-first guarantee by the MaxScore argument {@link ScoreBound} uses: an article with no
 * query word in its title gets nothing from the title fields, so its score is at most that of the query with the
 * title fields taken out ({@link #titleFree}), whose best hit over the index bounds it. A page whose last hit scores
 * above that bound has no article left out that could outrank it; otherwise the rescored body is asked. The rescore
 * window then holds the best matches with a query word in the title, not the best of all: for a query whose page
 * holds only such articles, that is at least as close to the exact ranking.
 */
final class TitleFirst {

    /** Query types that name their fields in a {@code fields} array. */
    private static final Set<String> MULTI_FIELD = Set.of("simple_query_string", "multi_match");
    /** Query types that match nothing, and so add nothing. */
    private static final Set<String> NOTHING = Set.of("match_none");
    /** Compound query types whose clauses are queries, with the keys that hold them. */
    private static final Map<String, List<String>> COMPOUND = Map.of(
            "bool", List.of("must", "should", "filter"),
            "dis_max", List.of("queries"));

    private TitleFirst() {
    }

    /**
     * The filter of a title-first page: the articles in which some clause of {@code clauses} can match a title
     * field. Every title part of every clause, each on its own ({@code or} between the words of a clause, since a
     * word in the title scores there even when the others are in the body); a clause of a kind this class does not
     * know is kept whole, which only lets more articles through.
     *
     * @param clauses the scoring clauses of the page: its units and its rescore query
     * @return a {@code bool} of {@code should} clauses, at least one required
     */
    static ObjectNode filter(List<? extends JsonNode> clauses) {
        List<JsonNode> titleParts = new ArrayList<>();
        clauses.forEach(clause -> collectTitleParts(clause, titleParts));
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ObjectNode bool = node.putObject("bool");
        ArrayNode should = bool.putArray("should");
        titleParts.forEach(should::add);
        bool.put("minimum_should_match", 1);
        return node;
    }

    /**
     * The query whose best score over the index bounds the score of every article the {@link #filter} leaves out:
     * the sum of {@code clauses} with their title fields taken out (a clause on title fields alone matches nothing).
     *
     * @param clauses the scoring clauses of the page, whose scores the engine adds: its units and its rescore query
     * @return a {@code bool} of {@code should} clauses
     */
    static ObjectNode titleFree(List<? extends JsonNode> clauses) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode should = node.putObject("bool").putArray("should");
        clauses.forEach(clause -> should.add(withoutTitle(clause)));
        return node;
    }

    /**
     * The filter of a page asked of the articles with at least {@code atLeast} units of the query in their title:
     * each unit's title parts ({@link #filter} of the unit alone), {@code atLeast} of them required.
     *
     * @param units the units of the query, in order
     * @return the filter; empty when some unit has no title part (it could never count)
     */
    static Optional<ObjectNode> unitsInTitle(List<? extends JsonNode> units, int atLeast) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ObjectNode bool = node.putObject("bool");
        ArrayNode should = bool.putArray("should");
        for (JsonNode unit : units) {
            ObjectNode titleOfUnit = filter(List.of(unit));
            if (titleOfUnit.path("bool").path("should").isEmpty()) {
                return Optional.empty();
            }
            should.add(titleOfUnit);
        }
        bool.put("minimum_should_match", atLeast);
        return Optional.of(node);
    }

    /**
     * The query whose best score over the index bounds the score of every article whose title holds no unit of the
     * query but those of {@code inTitle}: the sum of the units and of the rescore query, with the title fields
     * taken out of every unit not in {@code inTitle} (in the units and in the rescore query's {@code strict}
     * clause, whose units come in the same order), and out of the phrase and proximity boosts unless
     * {@code boostsInTitle}. An article whose title lacks a unit scores nothing from that unit's title fields; the
     * boosts need every plain word, so when a unit holding one is not in the title they score nothing there
     * either (the caller decides {@code boostsInTitle}: {@link ScoreBound}). A clause of the rescore query this
     * class does not recognise keeps its title fields, which only raises the bound.
     *
     * @param units         the units of the query, in order
     * @param inTitle       the indexes of the units whose title fields are kept
     * @param rescoreQuery  the rescore query: {@code bool.should} of {@code strict} and the boosts
     * @param boosts        the phrase and proximity boosts, as the rescore query holds them
     * @param boostsInTitle whether the boosts keep their title fields
     * @return a {@code bool} of {@code should} clauses
     */
    static ObjectNode titleOnlyOf(List<? extends JsonNode> units, Set<Integer> inTitle, JsonNode rescoreQuery,
            List<? extends JsonNode> boosts, boolean boostsInTitle) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode should = node.putObject("bool").putArray("should");
        should.addAll(keptInTitle(units, inTitle));
        JsonNode rescoreClauses = rescoreQuery.path("bool").path("should");
        if (rescoreQuery.size() != 1 || !rescoreClauses.isArray()) {
            should.add(rescoreQuery.deepCopy());
            return node;
        }
        ObjectNode rescore = should.addObject();
        ArrayNode rescoreShould = rescore.putObject("bool").putArray("should");
        for (JsonNode clause : rescoreClauses) {
            JsonNode strictUnits = clause.path("bool").path("must");
            if (clause.path("bool").path("_name").asText().equals(SearchQueryBuilder.STRICT)
                    && strictUnits.size() == units.size()) {
                ObjectNode strict = clause.deepCopy();
                ((ObjectNode) strict.get("bool")).putArray("must").addAll(keptInTitle(clauses(strictUnits), inTitle));
                rescoreShould.add(strict);
            } else if (boosts.contains(clause)) {
                rescoreShould.add(boostsInTitle ? clause.deepCopy() : withoutTitle(clause));
            } else {
                rescoreShould.add(clause.deepCopy());
            }
        }
        return node;
    }

    private static List<JsonNode> keptInTitle(List<? extends JsonNode> units, Set<Integer> inTitle) {
        List<JsonNode> kept = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            kept.add(inTitle.contains(i) ? units.get(i).deepCopy() : withoutTitle(units.get(i)));
        }
        return kept;
    }

    /** Whether {@code field} (with an optional {@code ^boost}) is the title or one of its sub-fields. */
    static boolean isTitle(String field) {
        String name = field.contains("^") ? field.substring(0, field.indexOf('^')) : field;
        return name.equals(SearchQueryBuilder.TITLE) || name.startsWith(SearchQueryBuilder.TITLE + ".");
    }

    private static void collectTitleParts(JsonNode query, List<JsonNode> parts) {
        String type = typeOf(query);
        if (type == null) {
            parts.add(query.deepCopy());
            return;
        }
        if (NOTHING.contains(type)) {
            return;
        }
        JsonNode inner = query.get(type);
        if (COMPOUND.containsKey(type)) {
            for (String key : COMPOUND.get(type)) {
                clauses(inner.path(key)).forEach(clause -> collectTitleParts(clause, parts));
            }
        } else if (MULTI_FIELD.contains(type)) {
            // a negated part turns into "anything without it" once its words are or-ed: correct, only less selective
            ObjectNode titleOnly = fieldsKept(query, type, true);
            if (titleOnly != null) {
                parts.add(anyWord(titleOnly, type));
            }
        } else if (type.equals("constant_score") && !mentionsTitle(inner.path("filter"))) {
            return;
        } else {
            parts.add(query.deepCopy());
        }
    }

    /** {@code query} matching a document with any one of its words: what any word there scores in the title. */
    private static ObjectNode anyWord(ObjectNode query, String type) {
        ObjectNode inner = (ObjectNode) query.get(type);
        inner.remove("minimum_should_match");
        inner.put(type.equals("simple_query_string") ? "default_operator" : "operator", "or");
        return query;
    }

    private static JsonNode withoutTitle(JsonNode query) {
        String type = typeOf(query);
        if (type == null) {
            return query.deepCopy();
        }
        if (COMPOUND.containsKey(type)) {
            ObjectNode copy = query.deepCopy();
            ObjectNode inner = (ObjectNode) copy.get(type);
            for (String key : COMPOUND.get(type)) {
                JsonNode clauses = query.get(type).path(key);
                if (!clauses.isMissingNode()) {
                    ArrayNode replaced = inner.putArray(key);
                    clauses(clauses).forEach(clause -> replaced.add(withoutTitle(clause)));
                }
            }
            return copy;
        }
        if (MULTI_FIELD.contains(type) && !negates(query.get(type))) {
            ObjectNode kept = fieldsKept(query, type, false);
            return kept != null ? kept : matchNone();
        }
        return query.deepCopy();
    }

    /**
     * Whether a {@code simple_query_string} may negate a part of its text ({@code -}, the NOT operator). Under two
     * negations ("tariff -(port -harbour)") a part with its title fields taken out matches more, so the clause
     * matches less and could score an article below what it scores: such a clause keeps its title fields in
     * {@link #titleFree}, which only raises the bound. A hyphen inside a word counts too, to the same effect.
     */
    private static boolean negates(JsonNode inner) {
        return inner.path("query").asText().indexOf('-') >= 0;
    }

    /** The queries under a compound query's key: an array of them, or a single one. */
    private static List<JsonNode> clauses(JsonNode node) {
        List<JsonNode> clauses = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(clauses::add);
        } else if (node.isObject()) {
            clauses.add(node);
        }
        return clauses;
    }

    /** A copy of a multi-field query with only its title fields ({@code title}) or only the others; null if none. */
    private static ObjectNode fieldsKept(JsonNode query, String type, boolean title) {
        ObjectNode copy = query.deepCopy();
        ObjectNode inner = (ObjectNode) copy.get(type);
        ArrayNode fields = inner.putArray("fields");
        for (JsonNode field : query.get(type).path("fields")) {
            if (isTitle(field.asText()) == title) {
                fields.add(field);
            }
        }
        return fields.isEmpty() ? null : copy;
    }

    private static boolean mentionsTitle(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (isTitle(entry.getKey()) || mentionsTitle(entry.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (mentionsTitle(element)) {
                    return true;
                }
            }
        } else if (node.isTextual()) {
            return isTitle(node.asText());
        }
        return false;
    }

    /** The type of a query object: its single key, or null when it has none or several. */
    private static String typeOf(JsonNode query) {
        if (!query.isObject() || query.size() != 1) {
            return null;
        }
        return query.fieldNames().next();
    }

    private static ObjectNode matchNone() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putObject("match_none");
        return node;
    }
}
