package org.bulletinsearch.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.bulletinsearch.search.engine.MultiSearchItem;
import org.bulletinsearch.search.engine.SearchEngine.Distribution;
import org.bulletinsearch.search.vectors.VectorField;
import org.bulletinsearch.vocabulary.SearchVocabulary;

/**
 * Builds the engine's request bodies for the search API: pure logic, no I/O, so that every rule
 * about what reaches the engine is unit-tested.
 *
 * <ul>
 *   <li>Text queries are {@link RankedQuery}: {@code simple_query_string} clauses on {@code title^3} and
 *       {@code body}, the user's syntax rendered by {@link UserQuery} with only the flags it needs (never
 *       {@code query_string}, never user-supplied DSL), relaxed by query length, expanded by the vocabulary.</li>
 *   <li>Filters (source, upload, time, the entity facets) go into {@code post_filter} and each facet is a
 *       filter aggregation over the other filters, so a facet's counts ignore its own selection; a body without
 *       facets ({@link #hitsOnly}) filters in its query instead.</li>
 *   <li>Sorting always ends with the {@code id} keyword field, the tie-break {@code search_after} needs;
 *       one extra hit is asked for to know whether a next page exists.</li>
 *   <li>A page's {@link #search} body is sent as two: {@link #hitsOnly} (no total, no facets) and
 *       {@link #countsOnly} (no hits), the same for every page of a query and filters so that the engine's
 *       request cache answers it.</li>
 *   <li>The first page by relevance asks its hits {@link #rescored}: the ranking boosts only for the best
 *       matches.</li>
 * </ul>
 */
public final class SearchQueryBuilder {

    public static final String TITLE = "title";
    public static final String BODY = "body";
    /** The search-time analyzer of title and body, defined in the index settings ({@code search/articles-index.json}). */
    static final String SEARCH_ANALYZER = "article_search";
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
    /** The aggregation counting the hits that match every unit of the query (see {@link RankedQuery}). */
    public static final String STRICT = "strict";
    /** The name of the whole query in a {@link #withNamedScore} body. */
    public static final String SCORE = "score";

    /**
     * Units from which a first page is asked {@link #strictFirst}. The matching query of two units is a plain
     * disjunction, which the engine's block-max WAND already skips well ("customs authority" at 1,000,000 articles:
     * 12 ms rescored, 25 ms strict first); from three it needs some of them but not all, and strict first halves
     * the cost (bench/README.md, item 9).
     */
    static final int STRICT_FIRST_UNITS = 3;

    /** Matches a rescored first page re-ranks with the boosts when no other window is configured. */
    public static final int DEFAULT_RESCORE_WINDOW = 500;

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final int facetSize;
    private final int rescoreWindow;
    private final Supplier<SearchVocabulary> vocabulary;
    private final EntityValues entities;

    /** A builder with the built-in vocabulary only and the {@link #DEFAULT_RESCORE_WINDOW}. */
    public SearchQueryBuilder(int facetSize) {
        this(facetSize, DEFAULT_RESCORE_WINDOW, SearchVocabulary::builtIn, EntityValues.shared());
    }

    /**
     * @param facetSize     values per facet
     * @param rescoreWindow matches a {@link #rescored} first page re-ranks with the boosts (at least the hits
     *                      it asks for)
     * @param vocabulary    the vocabulary in force, asked once per request
     * @param entities      the gazetteer's values
     */
    SearchQueryBuilder(int facetSize, int rescoreWindow, Supplier<SearchVocabulary> vocabulary, EntityValues entities) {
        this.facetSize = facetSize;
        this.rescoreWindow = rescoreWindow;
        this.vocabulary = vocabulary;
        this.entities = entities;
    }

    /**
     * This builder with {@code vocabulary} in force for every body it builds, so that the bodies of one page (its
     * hits, strict first, counts) expand the query alike even when the vocabulary file is read again meanwhile.
     */
    SearchQueryBuilder with(SearchVocabulary vocabulary) {
        return new SearchQueryBuilder(facetSize, rescoreWindow, () -> vocabulary, entities);
    }

    /** The {@code _search} body for a page of results; {@code fuzzy} loosens every positive word as typed. */
    public ObjectNode search(SearchCriteria criteria, boolean fuzzy) {
        return search(criteria, fuzzy ? UnaryOperator.identity() : null);
    }

    /**
     * The {@code _search} body for a page of results; a non-null {@code fuzzyForm} loosens the text
     * query, each positive word replaced by {@code fuzzyForm(word)} with an edit distance. When the query
     * may match documents lacking some of its words, aggregation {@value #STRICT} counts those that do not.
     */
    public ObjectNode search(SearchCriteria criteria, UnaryOperator<String> fuzzyForm) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("size", criteria.size() + 1);
        body.put("track_total_hits", true);
        body.set("_source", strings(SOURCE_FIELDS));
        RankedQuery ranked = ranked(criteria.query(), fuzzyForm);
        body.set("query", textQuery(criteria.query(), ranked));

        Map<String, JsonNode> filters = filters(criteria);
        if (!filters.isEmpty()) {
            body.set("post_filter", allOf(List.copyOf(filters.values())));
        }
        ObjectNode aggs = facets(body, filters);
        if (ranked != null && ranked.relaxes()) {
            List<JsonNode> strict = new ArrayList<>(List.of(ranked.strict()));
            strict.addAll(filters.values());
            aggs.putObject(STRICT).set("filter", allOf(strict));
        }

        body.set("highlight", highlight(body.path("query")));
        ArrayNode sort = body.putArray("sort");
        if (criteria.sort() == SortOrder.DATE) {
            // no track_scores: scoring every match would stop the engine skipping the older ones (see scores)
            sort.addObject().putObject(INGESTED_AT).put("order", "desc");
        } else {
            sort.addObject().put("_score", "desc");
        }
        sort.addObject().putObject(ID).put("order", "asc");
        if (criteria.cursor() != null) {
            body.set("search_after", criteria.cursor().after().deepCopy());
        }
        return body;
    }

    /**
     * A {@link #search} body asking for {@code size} hits only: the same query, filters, order, cursor and
     * highlights, without facets and without counting the total (a second request for more hits of a page whose
     * first answer already counted). Without facets the filters need not be a {@code post_filter}, which the
     * engine applies only to the matches it has scored: they join the query as a non-scoring {@code filter}
     * clause, so the engine skips the articles they leave out (the same hits with the same scores; one source of
     * 20 at 1,000,000 articles: 13 → 10 ms, bench/README.md item 9).
     *
     * @param search a body {@link #search} built (not changed)
     * @param size   hits asked for
     */
    public static ObjectNode hitsOnly(ObjectNode search, int size) {
        ObjectNode body = search.deepCopy();
        body.remove("aggs");
        body.put("size", size);
        body.put("track_total_hits", false);
        JsonNode filters = body.remove("post_filter");
        if (filters != null) {
            body.set("query", filtered(body.path("query"), filters));
        }
        return body;
    }

    /**
     * {@code query} with {@code filter} as one more non-scoring clause, the scores unchanged. A bool with a
     * {@code must} takes it as it is; any other query is wrapped, since a filter beside only {@code should}
     * clauses would make them optional.
     */
    private static ObjectNode filtered(JsonNode query, JsonNode filter) {
        if (query.path("bool").has("must")) {
            ObjectNode copy = (ObjectNode) query.deepCopy();
            ((ObjectNode) copy.path("bool")).withArrayProperty("filter").add(filter);
            return copy;
        }
        ObjectNode wrapped = MAPPER.createObjectNode();
        ObjectNode bool = wrapped.putObject("bool");
        bool.putArray("must").add(query);
        bool.putArray("filter").add(filter);
        return wrapped;
    }

    /**
     * The first page of a relevance-ranked {@link #hitsOnly} body asked more cheaply: the matching part of the
     * query ranks every match, and only the best {@code rescoreWindow} of them get the ranking boosts
     * ({@link RankedQuery}: every word again, the phrase, the words near each other) in a {@code rescore}.
     * The boosts cost the engine more than the matching on broad queries (all of "revenue rose percent" on
     * most articles), and only add to a match's score, so a match that ranks outside the window without them
     * would need boosts larger than the gap to reach the first page. Within the window the scores are the
     * exact query's (the engine adds the two scores as the query's clauses do), so {@link RescoredPage} puts
     * the hits in the exact order, ties by id as the {@code sort} does, and gives them the sort values a
     * cursor continues from.
     *
     * <p>The engine refuses a {@code rescore} beside a sort on a field or a {@code search_after}, so later pages,
     * date order and queries without boosts are asked exactly. The body asks {@link RescoredPage#TIE_ROOM}
     * more hits than {@code hits}, so that ties at the page's end can be told apart.
     *
     * @param hits a {@link #hitsOnly} body (not changed)
     * @return the rescored body, or empty when {@code hits} is not a first page by relevance with boosts; its
     *         highlights are those of the exact query
     */
    public Optional<ObjectNode> rescored(ObjectNode hits) {
        JsonNode query = hits.path("query");
        JsonNode boosts = query.path("bool").path("should");
        if (!firstByRelevance(hits) || !boosts.isArray() || boosts.isEmpty() || !query.path("bool").has("must")) {
            return Optional.empty();
        }
        int asked = hits.path("size").asInt() + RescoredPage.TIE_ROOM;
        ObjectNode body = hits.deepCopy();
        ((ObjectNode) body.path("query").path("bool")).remove("should");
        body.remove("sort");
        body.put("size", asked);
        ObjectNode rescore = body.putObject("rescore");
        rescore.put("window_size", Math.max(rescoreWindow, asked));
        rescore.putObject("query").putObject("rescore_query").putObject("bool").set("should", boosts.deepCopy());
        if (body.path("highlight") instanceof ObjectNode highlight) {
            highlight.set("highlight_query", query.deepCopy());
        }
        return Optional.of(body);
    }

    /** Whether {@code hits} asks a first page in relevance order: no cursor, sorted by score first. */
    static boolean firstByRelevance(ObjectNode hits) {
        return !hits.has("search_after") && hits.path("sort").path(0).has("_score");
    }

    /**
     * Whether the engine's answer to a {@link #rescored} body cannot tell the page of the exact body because ties at
     * the answer's end reach into it ({@link RescoredPage}): the search service then asks the exact body, and asks
     * it at once when the same page comes again ({@code PageBodies}). The service's own rule for a rescored answer.
     *
     * @param answer the engine's answer to {@code sent}
     * @param sent   the {@link #rescored} body of {@code exact}
     * @param exact  the {@link #hitsOnly} body of a first page by relevance
     */
    public static boolean tiesHidePage(JsonNode answer, ObjectNode sent, ObjectNode exact) {
        return RescoredPage.inExactOrder(answer, sent.path("size").asInt(), exact.path("size").asInt()).isEmpty();
    }

    /**
     * The {@link #rescored} first page asked more cheaply still when the query relaxes (documents lacking some of
     * its words match too): the engine ranks only the matches of every unit (the units as a conjunction, which
     * gives them the matching query's scores, and the {@code strict} filter beside it when a unit lets one of its
     * words be missing), and beside it the best score of each clause over the index, from which {@link ScoreBound}
     * tells the highest score a match lacking a unit can reach. A page whose hits all score above it is the page
     * of the rescored body; otherwise that body must be asked. The engine skips far more documents for a
     * conjunction of words than for some of them: at 1,000,000 articles the hits of "revenue rose percent" took
     * 159 ms instead of 226 ms, "(ghana OR senegal) transit guarantees" 61 instead of 126 ms. A query that
     * matches many articles goes further still: {@link StrictFirst#titleFirst}.
     *
     * @param criteria the request the body {@code hits} was built from, with no fuzzy loosening
     * @param hits     a {@link #hitsOnly} body of {@link #search}{@code (criteria, null)} (not changed)
     * @return the body and the top-1 bodies for the bound; empty when {@link #rescored} is, or the query does not
     *         relax, or has fewer than {@value #STRICT_FIRST_UNITS} units
     */
    public Optional<StrictFirst> strictFirst(SearchCriteria criteria, ObjectNode hits) {
        RankedQuery ranked = ranked(criteria.query(), null);
        Optional<ObjectNode> rescored = rescored(hits);
        ScoreBound bound = ranked == null ? null : ranked.scoreBound();
        if (bound == null || !ranked.relaxes() || rescored.isEmpty() || bound.units().size() < STRICT_FIRST_UNITS) {
            return Optional.empty();
        }
        ObjectNode body = rescored.get();
        ObjectNode query = (ObjectNode) body.path("query").path("bool");
        // Units that are their strict forms require, as must clauses, what the strict filter requires: the filter
        // would only walk the same postings a second time ("revenue rose percent" at 1,000,000 articles, engine
        // alone, one query at a time: 61 -> 52 ms).
        if (!ranked.unitsAreStrict()) {
            query.withArrayProperty("filter").add(ranked.strict());
        }
        // A match of every unit gets from the matching query the sum of the units' scores, which is also what the
        // units score as a conjunction; the engine skips a conjunction by blocks ("revenue rose percent" at
        // 1,000,000 articles: 93 → 79 ms). The engine adds clause scores in double precision, where a few floats
        // add up exactly in any order, so both give the same float.
        ArrayNode must = query.putArray("must");
        bound.units().forEach(unit -> must.add(unit.deepCopy()));
        List<ObjectNode> best = bound.clauses().stream().map(SearchQueryBuilder::bestOf).toList();
        return Optional.of(new StrictFirst(body, best, bound, List.of(), 0));
    }

    /** A body asking only the best score of {@code clause} over the index. */
    private static ObjectNode bestOf(ObjectNode clause) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("size", 1);
        body.put("track_total_hits", false);
        idsOnly(body);
        body.set("query", clause.deepCopy());
        return body;
    }

    /**
     * A {@link #strictFirst} request.
     *
     * @param body          the first page's body: the rescored body restricted to the matches of every unit, and
     *                      for a {@link #titleFirst} request to those with {@code unitsInTitle} units of the query in
     *                      the title (one: a query word)
     * @param bestOfClauses one body per {@link ScoreBound#clauses()} clause, asking its best hit (size 1, no source)
     * @param bound         what turns their best scores into the bound
     * @param bestLeftOut   for a {@link #titleFirst} request, the bodies asking the best hit of each query whose best
     *                      score bounds the articles the title filter leaves out ({@link TitleFirst#titleFree} for
     *                      one unit, {@link TitleFirst#titleOnlyOf} each set of one unit fewer than required for
     *                      more); else empty
     * @param unitsInTitle  units of the query a hit must have in its title: 0 when the request is not title first
     */
    public record StrictFirst(ObjectNode body, List<ObjectNode> bestOfClauses, ScoreBound bound,
            List<ObjectNode> bestLeftOut, int unitsInTitle) {

        public StrictFirst {
            bestLeftOut = List.copyOf(bestLeftOut);
        }

        /**
         * Matches from which a strict-first page is asked {@link #titleFirst}. Below it the matches are few enough
         * for the engine to score them all quickly, and too few of them may have a query word in the title to fill
         * the page, which then takes a second request. At 1,000,000 generated articles the four strict-first queries
         * of the benchmark's mix match 167,000 to 730,000 articles; in the tests' small indexes no query reaches it.
         */
        public static final long TITLE_FIRST_MATCHES = 10_000;

        /**
         * Units up to which a title-first page may ask for more than one of them in the title
         * ({@link #titleFirst(int)}): every set of one unit fewer than required takes a best-score search, three for
         * three units, up to six for four. At 1,000,000 generated articles, engine alone, one search at a time, the
         * first 21 hits of "revenue rose percent" took 10.5 ms with its three words in the title against 38.5 ms with
         * one, "(ghana OR senegal) transit guarantees" 22.5 against 37.5 ms (bench/README.md).
         */
        public static final int MAX_TITLE_UNITS = 4;

        /**
         * Matches from which a title-first page first asks every unit in the title ({@link #unitsInTitleFor}); below
         * it, one. The best scores of the articles each filter leaves out are one search per set of one unit fewer
         * (three for three units where one unit takes one), cached by the engine until the next refresh, yet each is
         * still an item of every page's {@code _msearch}. At 100,000 generated articles, where the benchmark's
         * strict-first queries match 17,000 to 73,000, the search phase's p50 was 1.32x the engine's with them and
         * 1.18x with one unit below this threshold (4.1 against 3.5 engine queries per search); at 1,000,000
         * (167,000 to 735,000 matches) they took "revenue rose percent" from 74.1 to 42.3 ms at p50
         * (bench/README.md, item 10, 2026-12-07).
         */
        public static final long TITLE_UNITS_MATCHES = 100_000;

        /**
         * {@link #bestOfClauses} as {@code _msearch} items that the engine's shard request cache may answer. A best
         * score depends only on the clause and the index, and the engine drops a kept answer at the next refresh
         * that changes the shard: a word that many queries share is searched once per refresh, not per search.
         */
        public List<MultiSearchItem> bestSearches() {
            List<MultiSearchItem> searches = new ArrayList<>();
            bestOfClauses.forEach(best -> searches.add(new MultiSearchItem(best, true)));
            bestLeftOut.forEach(best -> searches.add(new MultiSearchItem(best, true)));
            return searches;
        }

        /**
         * This request asking only the articles with a query word in the title ({@link TitleFirst}), for a query that
         * matches many: its body with {@link TitleFirst#filter}, and one more best score to ask, that of
         * {@link TitleFirst#titleFree}, which bounds every article the filter leaves out. The units and the rescore
         * query are the clauses whose scores the engine adds into a hit's score.
         *
         * @return the title-first request; this one when it is one already
         */
        public StrictFirst titleFirst() {
            return titleFirst(1);
        }

        /**
         * This request asking only the articles with at least {@code units} units of the query in the title: for
         * one, {@link #titleFirst()}; for more, the body with {@link TitleFirst#unitsInTitle}, and one best score to
         * ask per set of {@code units - 1} units, that of {@link TitleFirst#titleOnlyOf} those units: an article
         * the filter leaves out has at most that many units in its title, so one of these bounds it. The boosts keep
         * their title fields in a set holding every unit with a plain word (a {@link ScoreBound.Lacking#WORD} or
         * {@link ScoreBound.Lacking#SOME_WORDS} unit), as only then can they match a title there.
         *
         * @param units units required in the title, from 1 to {@link #maxUnitsInTitle()}
         * @return the request; this one when it asks that already
         * @throws IllegalArgumentException when {@code units} is out of that range
         */
        public StrictFirst titleFirst(int units) {
            if (units < 1 || units > Math.max(1, maxUnitsInTitle())) {
                throw new IllegalArgumentException(units + " units in the title, of " + bound.units().size());
            }
            if (unitsInTitle == units) {
                return this;
            }
            StrictFirst plain = unitsInTitle == 0 ? this : new StrictFirst(plainBody(), bestOfClauses, bound,
                    List.of(), 0);
            JsonNode rescoreQuery = plain.body.path("rescore").path("query").path("rescore_query");
            List<JsonNode> scoring = new ArrayList<>(bound.units());
            scoring.add(rescoreQuery);
            ObjectNode filter = units == 1 ? TitleFirst.filter(scoring)
                    : TitleFirst.unitsInTitle(bound.units(), units).orElseThrow();
            ObjectNode filtered = plain.body.deepCopy();
            ((ObjectNode) filtered.path("query").path("bool")).withArrayProperty("filter").add(filter);
            List<ObjectNode> leftOut = units == 1 ? List.of(bestOf(TitleFirst.titleFree(scoring)))
                    : unitSets(bound.units().size(), units - 1).stream()
                            .map(set -> bestOf(TitleFirst.titleOnlyOf(bound.units(), set, rescoreQuery,
                                    bound.boosts(), set.containsAll(plainWordUnits()))))
                            .toList();
            return new StrictFirst(filtered, bestOfClauses, bound, leftOut, units);
        }

        /**
         * The units a page of a query that matched {@code total} articles first asks in the title: none below
         * {@link #TITLE_FIRST_MATCHES} (plain strict first), one below {@link #TITLE_UNITS_MATCHES}, else
         * {@link #maxUnitsInTitle()}.
         */
        public int unitsInTitleFor(long total) {
            return total < TITLE_FIRST_MATCHES ? 0 : total < TITLE_UNITS_MATCHES ? 1 : maxUnitsInTitle();
        }

        /**
         * The most units {@link #titleFirst(int)} may require in the title: every unit, for up to
         * {@link #MAX_TITLE_UNITS} units that all have title fields; else one.
         */
        public int maxUnitsInTitle() {
            List<ObjectNode> units = bound.units();
            return units.size() <= MAX_TITLE_UNITS && TitleFirst.unitsInTitle(units, units.size()).isPresent()
                    ? units.size() : 1;
        }

        /** The strict-first body without the title filter this request added (its last filter). */
        private ObjectNode plainBody() {
            ObjectNode plain = body.deepCopy();
            ObjectNode bool = (ObjectNode) plain.path("query").path("bool");
            ArrayNode filters = bool.withArrayProperty("filter");
            filters.remove(filters.size() - 1);
            if (filters.isEmpty()) {
                bool.remove("filter");
            }
            return plain;
        }

        private Set<Integer> plainWordUnits() {
            Set<Integer> plain = new HashSet<>();
            for (int i = 0; i < bound.lacking().size(); i++) {
                if (bound.lacking().get(i) != ScoreBound.Lacking.CLAUSE) {
                    plain.add(i);
                }
            }
            return plain;
        }

        /** Every set of {@code size} indexes below {@code n}, in lexicographic order. */
        static List<Set<Integer>> unitSets(int n, int size) {
            List<Set<Integer>> sets = new ArrayList<>();
            for (int mask = 0; mask < 1 << n; mask++) {
                if (Integer.bitCount(mask) == size) {
                    Set<Integer> set = new TreeSet<>();
                    for (int i = 0; i < n; i++) {
                        if ((mask & 1 << i) != 0) {
                            set.add(i);
                        }
                    }
                    sets.add(set);
                }
            }
            return sets;
        }

        /**
         * @param bestAnswers the engine's answers to {@link #bestSearches}, in order (the answers to
         *                    {@link #bestLeftOut} last, and not read here)
         * @return the highest score a match lacking a unit can reach ({@link ScoreBound#of})
         */
        public double boundFrom(List<JsonNode> bestAnswers) {
            return bound.of(bestAnswers.subList(0, bestOfClauses.size()).stream()
                    .map(StrictFirst::bestScore).toList());
        }

        /**
         * The highest score an article the title filter of a {@link #titleFirst} body leaves out can reach: the
         * highest best score of {@link #bestLeftOut}, rounded up by {@link ScoreBound#ROUNDING}; negative infinity
         * when those queries match nothing (every match has the units asked in its title) or the request is not
         * title first.
         *
         * @param bestAnswers the engine's answers to {@link #bestSearches}, in order
         */
        public double leftOutBoundFrom(List<JsonNode> bestAnswers) {
            double bound = Double.NEGATIVE_INFINITY;
            for (JsonNode best : bestAnswers.subList(bestOfClauses.size(), bestOfClauses.size() + bestLeftOut.size())) {
                if (!best.path("hits").path("hits").isEmpty()) {
                    bound = Math.max(bound, bestScore(best) * (1 + ScoreBound.ROUNDING));
                }
            }
            return bound;
        }

        private static float bestScore(JsonNode answer) {
            return answer.path("hits").path("hits").path(0).path("_score").floatValue();
        }

        /**
         * Which body tells the page from the answers to this request: {@link PageBody#FIRST} when every hit the exact
         * body asks for is in {@code answer} and scores above the bounds of the matches it left out (those lacking a
         * unit, unless the counts say every match has every unit, and those without a query word in the title,
         * unless there are none), or when it left none out; {@link PageBody#EXACT} when only ties at the answer's end
         * hide the order (they are above the bounds too); else {@link PageBody#RESCORED} (too few matches of every
         * unit with a word in the title, or a match left out that could rank among them). The search service's own
         * rule, which the benchmark's anchor follows too.
         *
         * @param answer      the engine's answer to {@link #body}, hits with their scores
         * @param counts      the answer to the {@link #countsOnly} body beside it (total and {@value #STRICT} count)
         * @param bestAnswers the answers to {@link #bestSearches}, in order
         * @param asked       the hits the exact body asks for ({@code size})
         */
        public PageBody pageBody(JsonNode answer, JsonNode counts, List<JsonNode> bestAnswers, int asked) {
            return told(answer, counts, bestAnswers, asked).body();
        }

        /**
         * {@link #pageBody}, with the page in the exact order when {@code answer} tells it (sorted once).
         *
         * @return the body, and the page when it is {@link PageBody#FIRST} (else null)
         */
        public Told told(JsonNode answer, JsonNode counts, List<JsonNode> bestAnswers, int asked) {
            double lacking = strictTotal(counts) == total(counts) ? Double.NEGATIVE_INFINITY : boundFrom(bestAnswers);
            double bound = Math.max(lacking, leftOutBoundFrom(bestAnswers));
            boolean noneLeftOut = bound == Double.NEGATIVE_INFINITY;
            Optional<JsonNode> ordered = RescoredPage.inExactOrder(answer, body.path("size").asInt(), asked);
            if (ordered.isEmpty()) {
                return new Told(noneLeftOut || lowestScore(answer) > bound ? PageBody.EXACT : PageBody.RESCORED, null);
            }
            JsonNode page = ordered.get().path("hits").path("hits");
            boolean above = page.size() == asked && page.path(asked - 1).path("_score").floatValue() > bound;
            return noneLeftOut || above ? new Told(PageBody.FIRST, ordered.get()) : new Told(PageBody.RESCORED, null);
        }

        /**
         * What {@link #told} found.
         *
         * @param body which body tells the page
         * @param page the answer with the page's hits in the exact order when {@code body} is {@link PageBody#FIRST}
         */
        public record Told(PageBody body, JsonNode page) {
        }

        private static float lowestScore(JsonNode answer) {
            float lowest = Float.MAX_VALUE;
            for (JsonNode hit : answer.path("hits").path("hits")) {
                lowest = Math.min(lowest, hit.path("_score").floatValue());
            }
            return lowest;
        }
    }

    /** The total of a search's answer: its exact count of matches when the body tracked it. */
    public static long total(JsonNode answer) {
        JsonNode total = answer.path("hits").path("total");
        return total.isNumber() ? total.asLong() : total.path("value").asLong();
    }

    /** Hits with every unit of the query: the {@value #STRICT} count when the query could relax, else all of them. */
    public static long strictTotal(JsonNode answer) {
        JsonNode strict = answer.path("aggregations").path(STRICT).path("doc_count");
        return strict.isNumber() ? strict.asLong() : total(answer);
    }

    /**
     * A {@link #search} body counting only: the exact total (after the filters) and the facets, with no hits,
     * order, cursor or highlights. The pages of one query and filters send the same counting body, so the
     * engine's shard request cache answers all but the first until the index changes.
     *
     * @param search a body {@link #search} built (not changed)
     */
    public static ObjectNode countsOnly(ObjectNode search) {
        ObjectNode body = search.deepCopy();
        body.remove(List.of("_source", "stored_fields", "docvalue_fields", "highlight", "sort", "search_after",
                "track_scores"));
        body.put("size", 0);
        body.put("track_total_hits", true);
        return body;
    }

    /**
     * A {@link #search} body whose hits come without their fields and highlights: ids, scores and sort values only
     * ({@link #idsOnly}), for the window of a fused page, whose shown hits {@link #fetch} brings. Reading a hit's
     * source and highlighting it is most of what a hit costs the engine: with a vector in every article, 50 nearest
     * articles took 6 ms without their source and 10–15 ms with it, 50 keyword hits 10 ms with highlights against
     * 5 for 10 (20,000 articles, one search at a time; bench/README.md, "Hybrid search over every article").
     *
     * @param search a body {@link #search} built (not changed)
     */
    public static ObjectNode withoutFields(ObjectNode search) {
        ObjectNode body = idsOnly(search.deepCopy());
        body.remove("highlight");
        return body;
    }

    /**
     * {@code body} (changed in place) asking its hits' article ids from the {@value #ID} field's doc values instead
     * of the stored fields: no {@code _source} and no stored field at all ({@code stored_fields: _none_}), so each
     * hit comes with {@code fields.id} and without {@code _id} ({@link #articleId} reads either). A hit's
     * {@code _id} is a stored field, and the engine reads a document's stored fields as one compressed block,
     * its whole {@code _source} included: with a vector in every article (384 numbers as JSON text), 50 nearest
     * articles without their source took 5.3 ms, of which 3.0 went to reading the ids that way, against 2.3 ms
     * with the ids from doc values (100,000 articles, one segment, one search at a time, mean {@code took};
     * bench/README.md, "Hybrid search over every article").
     *
     * @return {@code body}
     */
    public static ObjectNode idsOnly(ObjectNode body) {
        body.remove("_source");
        body.put("stored_fields", "_none_");
        body.putArray("docvalue_fields").add(ID);
        return body;
    }

    /**
     * The article id of a hit: its {@code _source.id}, its {@code _id}, or, in the hits of an {@link #idsOnly}
     * body, its {@code fields.id}; empty when it has none of them.
     */
    public static String articleId(JsonNode hit) {
        JsonNode id = hit.path("_source").path(ID);
        if (id.isTextual()) {
            return id.asText();
        }
        return hit.has("_id") ? hit.path("_id").asText() : hit.path("fields").path(ID).path(0).asText();
    }

    /**
     * The highlights of a {@link #search} body asked apart from it ({@link #fetch}): the same fields, marking the
     * matches of its text query (without its filters, which match no highlighted field).
     *
     * @param search a body {@link #search} built (not changed)
     */
    public static ObjectNode highlightOf(ObjectNode search) {
        ObjectNode highlight = search.path("highlight").deepCopy();
        highlight.set("highlight_query", search.path("query").deepCopy());
        return highlight;
    }

    /**
     * The body bringing the hits a fused page shows ({@link #withoutFields}): the articles' fields and
     * {@code highlight}, one hit per article found that still passes the request's filters (a retraction may have
     * changed its source or date since its window was searched), in no particular order.
     *
     * @param criteria   the request whose filters apply
     * @param articleIds the articles shown
     * @param highlight  the highlights asked ({@link #highlightOf}, {@link #semanticHighlight})
     */
    public ObjectNode fetch(SearchCriteria criteria, Collection<String> articleIds, ObjectNode highlight) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("size", articleIds.size());
        body.put("track_total_hits", false);
        body.set("_source", strings(SOURCE_FIELDS));
        ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
        filter.addObject().putObject("ids").set("values", strings(List.copyOf(articleIds)));
        filters(criteria).values().forEach(filter::add);
        body.set("highlight", highlight.deepCopy());
        return body;
    }

    /**
     * A {@link #search} body narrowed to some articles: which of them match the request (its query and filters),
     * in its order, without facets, highlights or sources.
     *
     * @param search     a body {@link #search} built
     * @param articleIds the articles to look for
     * @param afterCursor keep the body's {@code search_after}: only those ranked after the request's cursor
     */
    public static ObjectNode onlyIds(ObjectNode search, Collection<String> articleIds, boolean afterCursor) {
        ObjectNode body = hitsOnly(search, articleIds.size());
        body.remove(List.of("highlight", "track_scores"));
        if (!afterCursor) {
            body.remove("search_after");
        }
        idsOnly(body);
        ObjectNode ids = MAPPER.createObjectNode();
        ids.putObject("ids").set("values", strings(List.copyOf(articleIds)));
        body.set("query", filtered(body.path("query"), ids));
        return body;
    }

    /**
     * Whether the hits of a {@link #hitsOnly} body come without the relevance scores the response shows: date
     * order with a query. Asking the engine to score every match beside a date sort ({@code track_scores}) costs
     * about five times the page at a million articles, since the engine can no longer skip the older matches;
     * {@link #scores} asks the page's scores apart.
     */
    public static boolean scoresApart(ObjectNode hits) {
        return hits.path("sort").path(0).has(INGESTED_AT) && !matchesAll(hits.path("query"));
    }

    /** Whether a hits body's query matches every article but for its filters: browsing, without a text query. */
    private static boolean matchesAll(JsonNode query) {
        JsonNode bool = query.path("bool");
        return query.has("match_all") || bool.path("must").path(0).has("match_all") && !bool.has("must_not");
    }

    /**
     * A {@link #scoresApart} body whose hits bring their relevance scores along: the query named {@value #SCORE},
     * asked with {@code include_named_queries_score=true} ({@code SearchEngine#scoresNamedQueries}), which scores
     * the returned hits only, in the fetch phase, so the engine still skips the older matches. The query is the
     * only {@code must} of a bool, which scores as the query itself: the same floats as {@link #scores} (checked on
     * all 11 hits of "container scanning" by date at 1,000,000 articles, for 2 ms more; bench/README.md item 10).
     *
     * @param hits a {@link #hitsOnly} body (not changed)
     * @return the body with each hit's score under {@code matched_queries.score}
     */
    public static ObjectNode withNamedScore(ObjectNode hits) {
        ObjectNode body = hits.deepCopy();
        ObjectNode named = MAPPER.createObjectNode();
        ObjectNode bool = named.putObject("bool");
        bool.putArray("must").add(body.path("query"));
        bool.put("_name", SCORE);
        body.set("query", named);
        return body;
    }

    /**
     * The body scoring some articles by the query of a request: their hits by relevance, with {@code _score} and
     * without sources or highlights.
     *
     * @param search     a body {@link #search} or {@link #hitsOnly} built
     * @param articleIds the articles to score
     */
    public static ObjectNode scores(ObjectNode search, Collection<String> articleIds) {
        ObjectNode body = onlyIds(search, articleIds, false);
        body.remove("sort");
        return body;
    }

    /**
     * The {@code _search} body for the {@code k} articles whose vectors are nearest to the query's
     * ({@link VectorField#nearest}), best first, without their fields ({@link #withoutFields}: {@link #fetch} brings
     * those of the hits shown). Every filter of the request, and the query's quoted phrases and exclusions (which
     * keep their keyword meaning), restrict the nearest articles while they are searched.
     *
     * @param withFacets whether to count facet values over the {@code k} articles (a semantic-only search)
     */
    public ObjectNode semantic(SearchCriteria criteria, Distribution engine, float[] vector, int k, boolean withFacets) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("size", k);
        idsOnly(body);
        List<JsonNode> restrictions = new ArrayList<>(filters(criteria).values());
        List<JsonNode> excluded = new ArrayList<>();
        for (UserQuery.Node clause : criteria.query().clauses()) {
            if (clause instanceof UserQuery.Phrase phrase) {
                restrictions.add(RankedQuery.simple(UserQuery.render(phrase, null), 1, false));
            } else if (clause instanceof UserQuery.Not not) {
                excluded.add(RankedQuery.simple(UserQuery.render(not.node(), null), 1, false));
            }
        }
        ObjectNode filter = null;
        if (!restrictions.isEmpty() || !excluded.isEmpty()) {
            filter = MAPPER.createObjectNode();
            ObjectNode bool = filter.putObject("bool");
            restrictions.forEach(bool.putArray("filter")::add);
            excluded.forEach(bool.putArray("must_not")::add);
        }
        body.set("query", VectorField.nearest(engine, vector, k, filter));
        if (withFacets) {
            facets(body, Map.of());
        }
        return body;
    }

    /**
     * The highlights of a page of nearest articles ({@link #fetch}): the words of the query that match, marked as in
     * keyword results.
     */
    public ObjectNode semanticHighlight(SearchCriteria criteria) {
        JsonNode words = textQuery(criteria.query(), ranked(criteria.query(), null));
        ObjectNode highlight = highlight(words);
        highlight.set("highlight_query", words);
        return highlight;
    }

    /** The facet aggregations of a request, each under the filters of the other facets. */
    private ObjectNode facets(ObjectNode body, Map<String, JsonNode> filters) {
        ObjectNode aggs = body.putObject("aggs");
        facet(aggs, SOURCE_NAME, others(filters, SOURCE_NAME)).putObject("terms").put("field", SOURCE_NAME)
                .put("size", facetSize);
        facet(aggs, UPLOAD_ID, others(filters, UPLOAD_ID)).putObject("terms").put("field", UPLOAD_ID)
                .put("size", facetSize);
        facet(aggs, INGESTED_AT, others(filters, INGESTED_AT)).putObject("auto_date_histogram")
                .put("field", INGESTED_AT).put("buckets", TIME_BUCKETS);
        for (EntityFacet entity : EntityFacet.values()) {
            facet(aggs, entity.field(), others(filters, entity.field())).putObject("terms")
                    .put("field", entity.field()).put("size", facetSize);
        }
        return aggs;
    }

    /**
     * The {@code _search} body counting the values of one entity facet under the request's query and its other
     * filters (not the facet's own selection).
     *
     * @param criteria the query and filters; size, sort and cursor are ignored
     * @param facet    the facet listed
     * @param include  only these values; null for the top values
     * @param size     most values
     */
    public ObjectNode facetValues(SearchCriteria criteria, EntityFacet facet, List<String> include, int size) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("size", 0);
        body.put("track_total_hits", false);
        body.set("query", textQuery(criteria.query(), ranked(criteria.query(), null)));
        ObjectNode terms = facet(body.putObject("aggs"), facet.field(), others(filters(criteria), facet.field()))
                .putObject("terms");
        terms.put("field", facet.field()).put("size", size);
        if (include != null) {
            terms.set("include", strings(include));
        }
        return body;
    }

    /**
     * The {@code post_filter} parts of a request by facet name, in a fixed order: a facet's aggregation applies
     * all but its own.
     */
    private static Map<String, JsonNode> filters(SearchCriteria criteria) {
        Map<String, JsonNode> filters = new LinkedHashMap<>();
        if (!criteria.sourceNames().isEmpty()) {
            filters.put(SOURCE_NAME, terms(SOURCE_NAME, criteria.sourceNames()));
        }
        if (!criteria.uploadIds().isEmpty()) {
            filters.put(UPLOAD_ID, terms(UPLOAD_ID, criteria.uploadIds()));
        }
        if (criteria.ingestedFrom() != null || criteria.ingestedTo() != null) {
            filters.put(INGESTED_AT, timeRange(criteria));
        }
        criteria.entities().forEach((facet, values) -> filters.put(facet.field(), terms(facet.field(), values)));
        return filters;
    }

    private static List<JsonNode> others(Map<String, JsonNode> filters, String facet) {
        List<JsonNode> others = new ArrayList<>();
        filters.forEach((name, filter) -> {
            if (!name.equals(facet)) {
                others.add(filter);
            }
        });
        return others;
    }

    private RankedQuery ranked(UserQuery query, UnaryOperator<String> fuzzyForm) {
        return query == null || query.isEmpty() ? null
                : RankedQuery.of(query, vocabulary.get(), entities, fuzzyForm);
    }

    /** The {@code _search} body for title suggestions as the user types. */
    public ObjectNode suggest(String prefix, int size) {
        ObjectNode body = MAPPER.createObjectNode();
        // Several articles can share a title; ask for more and keep distinct titles.
        body.put("size", size * 3);
        body.put("track_total_hits", false);
        body.set("_source", strings(List.of(ID, TITLE)));
        ObjectNode match = body.putObject("query").putObject("multi_match");
        match.put("query", prefix);
        match.put("type", "bool_prefix");
        match.put("operator", "and");
        // shingles of two words (mapping v5): a third typed word still matches through the two-word shingles
        match.set("fields", strings(List.of("suggest", "suggest._2gram")));
        return body;
    }

    /**
     * Below this many articles a word's document frequency is never capped for related articles
     * ({@link #relatedMaxDocFreq}): the cap is there for cost, and scoring every match of a small index is cheap.
     */
    static final long RELATED_UNCAPPED_BELOW = 1_000;

    /**
     * The {@code max_doc_freq} of the related-articles query: words found in more than {@code share} of the
     * {@code articles} are not asked for. Such a word says little about what an article is about (its idf is below
     * {@code ln(1 / share)}), yet a handful of them match almost every article, and the engine then scores every
     * article: at 100,000 generated articles 5 of 25 common words matched 99,963 of them (63 ms), capped at a fifth
     * 17,777 (14 ms). Lucene's {@code MoreLikeThis.setMaxDocFreqPct} is the same cap; the engines take only an
     * absolute count.
     *
     * @param articles articles in the index
     * @param share    0 to 1; 0 or less: no cap
     * @return the cap, at least {@value #RELATED_UNCAPPED_BELOW}; 0 for no cap
     */
    public static long relatedMaxDocFreq(long articles, double share) {
        return share <= 0 ? 0 : Math.max(RELATED_UNCAPPED_BELOW, (long) Math.ceil(articles * share));
    }

    /**
     * The {@code _search} body for the articles most like {@code id} (which is left out).
     *
     * @param maxDocFreq words in more articles than this are left out of the query ({@link #relatedMaxDocFreq}); 0: none
     */
    public ObjectNode related(String index, String id, int size, String minimumShouldMatch, long maxDocFreq) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("size", size);
        // no total: nobody shows one, and without it the engine may skip matches that cannot enter the page
        body.put("track_total_hits", false);
        body.set("_source", strings(SOURCE_FIELDS));
        ObjectNode bool = body.putObject("query").putObject("bool");
        ObjectNode moreLikeThis = bool.putArray("must").addObject().putObject("more_like_this");
        moreLikeThis.set("fields", strings(List.of(TITLE, BODY)));
        ObjectNode like = moreLikeThis.putArray("like").addObject().put("_index", index).put("_id", id);
        // The article's words as a query reads them, whatever the index behind the alias: the index analyzer of
        // mapping v5 and older also kept each whitespace-separated token whole ("traders." at a sentence's end).
        // No query asks for those, and being rarer than the word they hold they won the query's places: at
        // 1,000,000 generated articles 6 of 15, the hits matched partly on punctuation, and the query cost 3x as
        // much (engine took, median of 40 articles, 63 -> 20 ms).
        ObjectNode analyzers = like.putObject("per_field_analyzer");
        analyzers.put(TITLE, SEARCH_ANALYZER);
        analyzers.put(BODY, SEARCH_ANALYZER);
        moreLikeThis.put("min_term_freq", 1);
        // A word only this article has cannot make another one similar.
        moreLikeThis.put("min_doc_freq", 2);
        moreLikeThis.put("max_query_terms", 25);
        if (maxDocFreq > 0) {
            moreLikeThis.put("max_doc_freq", maxDocFreq);
        }
        moreLikeThis.put("minimum_should_match", minimumShouldMatch);
        moreLikeThis.put("include", false);
        bool.putArray("must_not").addObject().putObject("term").put(ID, id);
        body.set("highlight", highlight(body.path("query")));
        return body;
    }

    /** The {@code _search} body for the {@code k} articles whose vectors are nearest to {@code vector}, but {@code id}. */
    public ObjectNode similar(Distribution engine, float[] vector, int k, String id) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("size", k);
        body.set("_source", strings(SOURCE_FIELDS));
        ObjectNode notItself = MAPPER.createObjectNode();
        notItself.putObject("bool").putArray("must_not").addObject().putObject("term").put(ID, id);
        body.set("query", VectorField.nearest(engine, vector, k, notItself));
        body.set("highlight", highlight(body.path("query")));
        return body;
    }

    private static JsonNode textQuery(UserQuery query, RankedQuery ranked) {
        if (query == null) {
            return MAPPER.createObjectNode().set("match_all", MAPPER.createObjectNode());
        }
        return ranked == null ? MAPPER.createObjectNode().set("match_none", MAPPER.createObjectNode()) : ranked.query();
    }

    /**
     * Title and body highlighted as HTML, each also on its {@code .exact} subfield when it can show a mark:
     * quoted phrases match there only, and a highlighter marks only the terms of queries on its own field.
     *
     * <p>The title's marks are the union of both fields' ({@link Highlights#title}); the snippet takes
     * {@code body.exact}'s passage only when {@code body} has no mark ({@link Highlights#snippet}). Without a quoted
     * phrase the {@code .exact} fields add no mark a reader would miss: the ranking's phrase boosts there repeat
     * words the query also asks of {@code title} and {@code body}, and only a stop word typed inside a boosted
     * phrase would be marked besides. So both are asked only for a query that quotes a phrase, typed or from the
     * vocabulary ({@link #quotesPhrase}), and title and snippet mark alike. Their phrase spans cost: {@code
     * body.exact}'s were half of the engine's allocation at 1,000,000 articles; without {@code title.exact}'s, the
     * benchmark's hybrid phase there took about 25 % more searches per second in both modes and hybrid's p99 fell
     * from 103 to 80-82 ms (bench/README.md, hybrid section, 2026-12-07).
     *
     * @param query the query whose matches are highlighted (none quoted: {@code match_all}, {@code match_none},
     *              a vector query, {@code more_like_this})
     */
    private static ObjectNode highlight(JsonNode query) {
        ObjectNode highlight = MAPPER.createObjectNode();
        highlight.put("encoder", "html");
        highlight.set("pre_tags", strings(List.of(Highlights.PRE)));
        highlight.set("post_tags", strings(List.of(Highlights.POST)));
        ObjectNode fields = highlight.putObject("fields");
        fields.putObject(TITLE).put("number_of_fragments", 0);
        fields.putObject(BODY).put("fragment_size", SNIPPET_LENGTH).put("number_of_fragments", 1)
                .put("no_match_size", SNIPPET_LENGTH);
        if (quotesPhrase(query)) {
            fields.putObject(TITLE + PHRASE_SUFFIX).put("number_of_fragments", 0);
            fields.putObject(BODY + PHRASE_SUFFIX).put("fragment_size", SNIPPET_LENGTH).put("number_of_fragments", 1);
        }
        return highlight;
    }

    /**
     * Whether a {@code simple_query_string} of {@code query} quotes a phrase, which the engine matches on the
     * {@code .exact} subfields only ({@code quote_field_suffix}). An escaped quote counts too: asking a highlight
     * that finds nothing costs little, missing one would lose the snippet's marks.
     */
    static boolean quotesPhrase(JsonNode query) {
        for (JsonNode simple : query.findValues("simple_query_string")) {
            if (simple.path("query").asText().indexOf('"') >= 0) {
                return true;
            }
        }
        return false;
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
