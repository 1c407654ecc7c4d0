package org.bulletinsearch.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Builds the engine's request bodies for the search API: pure logic, no I/O, so that every rule
 * about what reaches the engine is unit-tested.
 *
 * <ul>
 *   <li>Text queries are {@code simple_query_string} on {@code title^3} and {@code body} with AND as
 *       the default operator, the user's syntax rendered by {@link UserQuery} and only the flags it
 *       needs (never {@code query_string}, never user-supplied DSL).</li>
 *   <li>Filters go into {@code post_filter} and each facet is a filter aggregation over the other
 *       filters, so a facet's counts ignore its own selection.</li>
 *   <li>Sorting always ends with the {@code id} keyword field, the tie-break {@code search_after} needs;
 *       one extra hit is asked for to know whether a next page exists.</li>
 * </ul>
 */
public final class SearchQueryBuilder {

    public static final String TITLE = "title";
    public static final String BODY = "body";
    public static final String ID = "id";
    public static final String SOURCE_NAME = "sourceName";
    public static final String UPLOAD_ID = "uploadId";
    public static final String INGESTED_AT = "ingestedAt";

    static final String FLAGS = "OR|NOT|PHRASE|PRECEDENCE|WHITESPACE|ESCAPE|PREFIX";
    static final String FUZZY_FLAGS = FLAGS + "|FUZZY";
    static final List<String> FIELDS = List.of(TITLE + "^3", BODY);
    /** Subfield suffix for quoted phrases (see the {@code exact} subfields in articles-index.json). */
    static final String PHRASE_SUFFIX = ".exact";
    static final List<String> SOURCE_FIELDS = List.of(ID, TITLE, SOURCE_NAME, UPLOAD_ID, "position", INGESTED_AT);
    static final int SNIPPET_LENGTH = 200;
    static final int TIME_BUCKETS = 10;
    /** Few expansions per fuzzy word keep the loosened query far below the engine's clause limit. */
    static final int FUZZY_MAX_EXPANSIONS = 10;

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final int facetSize;

    public SearchQueryBuilder(int facetSize) {
        this.facetSize = facetSize;
    }

    /** The {@code _search} body for a page of results; {@code fuzzy} loosens every positive word as typed. */
    public ObjectNode search(SearchCriteria criteria, boolean fuzzy) {
        return search(criteria, fuzzy ? UnaryOperator.identity() : null);
    }

    /**
     * The {@code _search} body for a page of results; a non-null {@code fuzzyForm} loosens the text
     * query, each positive word replaced by {@code fuzzyForm(word)} with an edit distance.
     */
    public ObjectNode search(SearchCriteria criteria, UnaryOperator<String> fuzzyForm) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("size", criteria.size() + 1);
        body.put("track_total_hits", true);
        body.set("_source", strings(SOURCE_FIELDS));
        body.set("query", textQuery(criteria.query(), fuzzyForm));

        List<JsonNode> sourceFilter = criteria.sourceNames().isEmpty() ? List.of() : List.of(terms(SOURCE_NAME, criteria.sourceNames()));
        List<JsonNode> uploadFilter = criteria.uploadIds().isEmpty() ? List.of() : List.of(terms(UPLOAD_ID, criteria.uploadIds()));
        List<JsonNode> timeFilter = criteria.ingestedFrom() == null && criteria.ingestedTo() == null
                ? List.of() : List.of(timeRange(criteria));
        List<JsonNode> all = concat(sourceFilter, uploadFilter, timeFilter);
        if (!all.isEmpty()) {
            body.set("post_filter", allOf(all));
        }

        ObjectNode aggs = body.putObject("aggs");
        ObjectNode sourceFacet = facet(aggs, SOURCE_NAME, concat(uploadFilter, timeFilter));
        sourceFacet.putObject("terms").put("field", SOURCE_NAME).put("size", facetSize);
        ObjectNode uploadFacet = facet(aggs, UPLOAD_ID, concat(sourceFilter, timeFilter));
        uploadFacet.putObject("terms").put("field", UPLOAD_ID).put("size", facetSize);
        ObjectNode timeFacet = facet(aggs, INGESTED_AT, concat(sourceFilter, uploadFilter));
        timeFacet.putObject("auto_date_histogram").put("field", INGESTED_AT).put("buckets", TIME_BUCKETS);

        body.set("highlight", highlight());
        ArrayNode sort = body.putArray("sort");
        if (criteria.sort() == SortOrder.DATE) {
            sort.addObject().putObject(INGESTED_AT).put("order", "desc");
            if (criteria.query() != null) {
                body.put("track_scores", true);
            }
        } else {
            sort.addObject().put("_score", "desc");
        }
        sort.addObject().putObject(ID).put("order", "asc");
        if (criteria.cursor() != null) {
            body.set("search_after", criteria.cursor().after().deepCopy());
        }
        return body;
    }

    /** The {@code _search} body for title suggestions as the user types. */
    public ObjectNode suggest(String prefix, int size) {
        ObjectNode body = MAPPER.createObjectNode();
        // Several articles can share a title; ask for more and keep distinct titles.
        body.put("size", size * 3);
        body.set("_source", strings(List.of(ID, TITLE)));
        ObjectNode match = body.putObject("query").putObject("multi_match");
        match.put("query", prefix);
        match.put("type", "bool_prefix");
        match.put("operator", "and");
        match.set("fields", strings(List.of("suggest", "suggest._2gram", "suggest._3gram")));
        return body;
    }

    /** The {@code _search} body for the articles most like {@code id} (which is left out). */
    public ObjectNode related(String index, String id, int size, String minimumShouldMatch) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("size", size);
        body.set("_source", strings(SOURCE_FIELDS));
        ObjectNode bool = body.putObject("query").putObject("bool");
        ObjectNode moreLikeThis = bool.putArray("must").addObject().putObject("more_like_this");
        moreLikeThis.set("fields", strings(List.of(TITLE, BODY)));
        moreLikeThis.putArray("like").addObject().put("_index", index).put("_id", id);
        moreLikeThis.put("min_term_freq", 1);
        // A word only this article has cannot make another one similar.
        moreLikeThis.put("min_doc_freq", 2);
        moreLikeThis.put("max_query_terms", 25);
        moreLikeThis.put("minimum_should_match", minimumShouldMatch);
        moreLikeThis.put("include", false);
        bool.putArray("must_not").addObject().putObject("term").put(ID, id);
        body.set("highlight", highlight());
        return body;
    }

    static JsonNode textQuery(UserQuery query, UnaryOperator<String> fuzzyForm) {
        boolean fuzzy = fuzzyForm != null;
        ObjectNode node = MAPPER.createObjectNode();
        if (query == null) {
            node.putObject("match_all");
            return node;
        }
        if (query.isEmpty()) {
            node.putObject("match_none");
            return node;
        }
        ObjectNode simple = node.putObject("simple_query_string");
        simple.put("query", query.toSimpleQueryString(fuzzyForm));
        simple.set("fields", strings(FIELDS));
        simple.put("default_operator", "and");
        // Quoted phrases run on plain-tokenized subfields: the word-part graph that lets
        // "post-clearance" match "postclearance" cannot be used for positional phrase matching.
        simple.put("quote_field_suffix", PHRASE_SUFFIX);
        simple.put("flags", fuzzy ? FUZZY_FLAGS : FLAGS);
        simple.put("analyze_wildcard", false);
        if (fuzzy) {
            simple.put("fuzzy_max_expansions", FUZZY_MAX_EXPANSIONS);
            simple.put("fuzzy_prefix_length", 1);
            simple.put("fuzzy_transpositions", true);
        }
        return node;
    }

    /**
     * Title and body highlighted as HTML, each also on its {@code .exact} subfield: quoted phrases match
     * there only, and a highlighter marks only the terms of queries on its own field.
     */
    private static ObjectNode highlight() {
        ObjectNode highlight = MAPPER.createObjectNode();
        highlight.put("encoder", "html");
        highlight.set("pre_tags", strings(List.of(Highlights.PRE)));
        highlight.set("post_tags", strings(List.of(Highlights.POST)));
        ObjectNode fields = highlight.putObject("fields");
        fields.putObject(TITLE).put("number_of_fragments", 0);
        fields.putObject(TITLE + PHRASE_SUFFIX).put("number_of_fragments", 0);
        fields.putObject(BODY).put("fragment_size", SNIPPET_LENGTH).put("number_of_fragments", 1)
                .put("no_match_size", SNIPPET_LENGTH);
        fields.putObject(BODY + PHRASE_SUFFIX).put("fragment_size", SNIPPET_LENGTH).put("number_of_fragments", 1);
        return highlight;
    }

    /** {@code aggs.<name>}: a filter aggregation (the other facets' filters) holding {@code values}. */
    private static ObjectNode facet(ObjectNode aggs, String name, List<JsonNode> otherFilters) {
        ObjectNode facet = aggs.putObject(name);
        if (otherFilters.isEmpty()) {
            facet.putObject("filter").putObject("match_all");
        } else {
            facet.set("filter", allOf(otherFilters));
        }
        return facet.putObject("aggs").putObject("values");
    }

    private static JsonNode terms(String field, List<String> values) {
        ObjectNode node = MAPPER.createObjectNode();
        node.putObject("terms").set(field, strings(values));
        return node;
    }

    private static JsonNode timeRange(SearchCriteria criteria) {
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode range = node.putObject("range").putObject(INGESTED_AT);
        if (criteria.ingestedFrom() != null) {
            range.put("gte", criteria.ingestedFrom().toString());
        }
        if (criteria.ingestedTo() != null) {
            range.put("lte", criteria.ingestedTo().toString());
        }
        range.put("format", "strict_date_optional_time");
        return node;
    }

    private static JsonNode allOf(List<JsonNode> filters) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode filter = node.putObject("bool").putArray("filter");
        filters.forEach(filter::add);
        return node;
    }

    @SafeVarargs
    private static List<JsonNode> concat(List<JsonNode>... lists) {
        List<JsonNode> all = new ArrayList<>();
        for (List<JsonNode> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
