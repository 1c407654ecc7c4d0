package org.bulletinsearch.bench.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulletinsearch.platform.client.JsonHttp;
import org.bulletinsearch.search.engine.MultiSearchItem;
import org.bulletinsearch.search.query.PageBody;
import org.bulletinsearch.search.query.SearchCriteria;
import org.bulletinsearch.search.query.SearchQueryBuilder;
import org.bulletinsearch.search.query.SearchQueryBuilder.StrictFirst;
import org.bulletinsearch.search.query.SortOrder;
import org.bulletinsearch.search.query.UserQuery;

/**
 * The queries of figure 3, each in two forms: the search API's URL, and the engine request the search
 * service sends for it, built by the service's own {@link SearchQueryBuilder} (the same code path,
 * not a copy), so "direct to the engine" means the same work minus our service. That request is an
 * {@code _msearch} of the page's hits (on a first page by relevance rescored, and strict first with the best
 * score of each clause from three units) and its counts, as {@code ArticleSearch} asks them, the counts and the
 * best scores answerable from the engine's request cache on both sides alike. A page in date order with a query
 * asks its hits with their scores named ({@link SearchQueryBuilder#withNamedScore}) on {@code _search}, beside the
 * {@code _msearch} of its counts, as the service does with an engine that can ({@code SearchEngine#scoresNamedQueries};
 * the benchmark's OpenSearch 2.19 can). A first page whose first answer cannot tell it goes to the body that
 * does from then on (the rescored body when a strict-first bound fails, the exact body when ties hide the order),
 * beside its counts, both from the request cache, as the service does once it found that body
 * ({@link Query#pageBody}, {@link Query#askedBy}).
 */
public record QueryMix(List<Query> queries) {

    /** search.query.facet-size: the service's default, which the platform does not override. */
    static final int FACET_SIZE = 20;
    static final int PAGE_SIZE = 10;

    /**
     * One query of the mix.
     *
     * @param engineHits        the hits request the service sends, a {@code _search} body (without the best scores of
     *                          a strict-first page)
     * @param engineCounts      the counts request the service sends beside it, a {@code _search} body
     * @param engineMultiSearch as the service sends them: the NDJSON body of {@code POST /articles/_msearch}, with the
     *                          hits first unless {@code namedScores}
     * @param namedScores       whether the hits go apart, on {@code _search} with {@value #NAMED_SCORES}, at the same
     *                          time as the {@code _msearch} (of the counts only)
     * @param firstPage         how the service goes on when the hits' answer cannot tell the page; null when it always
     *                          can (the page is asked by its exact body)
     */
    public record Query(String name, String q, String sourceName, SortOrder sort, String serviceUrl,
            byte[] engineHits, byte[] engineCounts, byte[] engineMultiSearch, boolean namedScores, FirstPage firstPage) {

        /** Where the engine's answer to {@link #engineMultiSearch} holds the total and facets. */
        public int countsAnswer() {
            return namedScores ? 0 : 1;
        }

        /**
         * Which body tells the page from the engine's answer to {@link #engineMultiSearch}, by the service's own rules
         * ({@link StrictFirst#pageBody}, {@link SearchQueryBuilder#tiesHidePage}): {@link PageBody#FIRST} when that
         * answer does.
         */
        public PageBody pageBody(JsonNode multiSearchAnswer) {
            if (firstPage == null) {
                return PageBody.FIRST;
            }
            JsonNode responses = multiSearchAnswer.path("responses");
            if (firstPage.strictFirst() != null) {
                List<JsonNode> best = new ArrayList<>();
                responses.forEach(best::add);
                return firstPage.strictFirst().pageBody(responses.path(0), responses.path(1), best.subList(2, best.size()),
                        firstPage.exact().path("size").asInt());
            }
            return SearchQueryBuilder.tiesHidePage(responses.path(0), firstPage.rescored(), firstPage.exact())
                    ? PageBody.EXACT : PageBody.FIRST;
        }

        /**
         * This query as the service sends it once it found that {@code body} tells the page: that body and the counts
         * in one {@code _msearch}, both answerable from the request cache; itself for {@link PageBody#FIRST}.
         */
        public Query askedBy(PageBody body) {
            if (body == PageBody.FIRST) {
                return this;
            }
            ObjectNode hits = body == PageBody.EXACT ? firstPage.exact() : firstPage.rescored();
            byte[] multiSearch = MultiSearchItem.ndjson(JsonHttp.JSON,
                    List.of(new MultiSearchItem(hits, true), new MultiSearchItem(read(engineCounts), true)));
            return new Query(name, q, sourceName, sort, serviceUrl, bytes(hits), engineCounts, multiSearch, false,
                    body == PageBody.EXACT ? null : new FirstPage(firstPage.exact(), firstPage.rescored(), null));
        }

        /**
         * This query as the service asks it once the counts showed {@code total} matches: a strict-first page title
         * first from {@link StrictFirst#TITLE_FIRST_MATCHES} matches on ({@link StrictFirst#titleFirst(int)}), with
         * {@code units} units of the query in the title and the best scores that needs; otherwise this query.
         *
         * @param units from {@link #unitsInTitleFor} down to 1, as the service steps down when an answer cannot
         *              tell the page
         */
        public Query titleFirst(long total, int units) {
            if (firstPage == null || firstPage.strictFirst() == null || total < StrictFirst.TITLE_FIRST_MATCHES) {
                return this;
            }
            StrictFirst first = firstPage.strictFirst().titleFirst(units);
            List<MultiSearchItem> items = new ArrayList<>(List.of(new MultiSearchItem(first.body(), false),
                    new MultiSearchItem(read(engineCounts), true)));
            items.addAll(first.bestSearches());
            return new Query(name, q, sourceName, sort, serviceUrl, bytes(first.body()), engineCounts,
                    MultiSearchItem.ndjson(JsonHttp.JSON, items), false,
                    new FirstPage(firstPage.exact(), firstPage.rescored(), first));
        }

        /**
         * The units a {@link #titleFirst} page of this query first asks in the title once the counts showed
         * {@code total} matches ({@link StrictFirst#unitsInTitleFor}); 0 when it is not asked so.
         */
        public int unitsInTitleFor(long total) {
            return firstPage == null || firstPage.strictFirst() == null ? 0
                    : firstPage.strictFirst().unitsInTitleFor(total);
        }

        private static ObjectNode read(byte[] body) {
            try {
                return (ObjectNode) JsonHttp.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A first page by relevance the service asks more cheaply than by its exact body.
     *
     * @param exact       its exact hits body ({@link SearchQueryBuilder#hitsOnly})
     * @param rescored    its {@link SearchQueryBuilder#rescored} body
     * @param strictFirst the strict-first request it is asked first; null when it is asked rescored first
     */
    public record FirstPage(ObjectNode exact, ObjectNode rescored, StrictFirst strictFirst) {
    }

    /** The {@code _search} parameter of a hits request with {@link Query#namedScores()}. */
    public static final String NAMED_SCORES = "include_named_queries_score=true";

    /** A mix of these queries, in this order. */
    public QueryMix {
        queries = List.copyOf(queries);
    }

    /**
     * Words, phrases, OR, exclusion, prefix, a filter, date order and plain browsing, over the
     * generator's vocabulary (so all of them find articles).
     */
    public static QueryMix standard(String searchUrl, String sourceName) {
        SearchQueryBuilder builder = new SearchQueryBuilder(FACET_SIZE);
        List<Query> queries = new ArrayList<>();
        add(queries, builder, searchUrl, "one word", "madagascar", null, null);
        add(queries, builder, searchUrl, "two words", "customs authority", null, null);
        add(queries, builder, searchUrl, "phrase", "\"risk profiles\"", null, null);
        add(queries, builder, searchUrl, "or", "fiji OR iceland", null, null);
        add(queries, builder, searchUrl, "prefix", "botsw*", null, null);
        add(queries, builder, searchUrl, "three words", "inspection schedules kenya", null, null);
        add(queries, builder, searchUrl, "exclusion", "trusted trader permits -estonia", null, null);
        add(queries, builder, searchUrl, "by date", "container scanning", null, SortOrder.DATE);
        add(queries, builder, searchUrl, "body words", "revenue rose percent", null, null);
        add(queries, builder, searchUrl, "with source filter", "harbour master", sourceName, null);
        add(queries, builder, searchUrl, "grouping", "(ghana OR senegal) transit guarantees", null, null);
        add(queries, builder, searchUrl, "browse newest", null, null, null);
        return new QueryMix(queries);
    }

    private static void add(List<Query> queries, SearchQueryBuilder builder, String searchUrl, String name, String q,
            String sourceName, SortOrder sort) {
        // The API's defaults: relevance with a query, newest first without one.
        SortOrder order = sort != null ? sort : q == null ? SortOrder.DATE : SortOrder.RELEVANCE;
        // mode=keyword: the anchor is the keyword request the service's builder makes (hybrid has its own figure)
        StringBuilder url = new StringBuilder(searchUrl).append("/search?mode=keyword&size=").append(PAGE_SIZE);
        if (q != null) {
            url.append("&q=").append(JsonHttp.encode(q));
        }
        if (sourceName != null) {
            url.append("&sourceName=").append(JsonHttp.encode(sourceName));
        }
        if (sort != null) {
            url.append("&sort=").append(sort.parameter());
        }
        SearchCriteria criteria = new SearchCriteria(q == null ? null : UserQuery.parse(q),
                sourceName == null ? List.of() : List.of(sourceName), List.of(), null, null, order, PAGE_SIZE, null);
        ObjectNode search = builder.search(criteria, false);
        // a first page by relevance goes as the service first sends it: strict first with the clauses' best scores,
        // or rescored (SearchBenchmark#checkEquivalence learns which pages the service then asks by another body)
        ObjectNode exact = SearchQueryBuilder.hitsOnly(search, search.path("size").asInt());
        Optional<StrictFirst> strictFirst = builder.strictFirst(criteria, exact);
        boolean named = SearchQueryBuilder.scoresApart(exact);
        ObjectNode hits = named ? SearchQueryBuilder.withNamedScore(exact)
                : strictFirst.map(StrictFirst::body).orElseGet(() -> builder.rescored(exact).orElse(exact));
        ObjectNode counts = SearchQueryBuilder.countsOnly(search);
        List<MultiSearchItem> items = new ArrayList<>(List.of(new MultiSearchItem(counts, true)));
        if (!named) {
            items.add(0, new MultiSearchItem(hits, false));
        }
        strictFirst.ifPresent(first -> items.addAll(first.bestSearches()));
        FirstPage firstPage = named || hits == exact ? null
                : new FirstPage(exact, builder.rescored(exact).orElseThrow(), strictFirst.orElse(null));
        queries.add(new Query(name, q, sourceName, order, url.toString(), bytes(hits), bytes(counts),
                MultiSearchItem.ndjson(JsonHttp.JSON, items), named, firstPage));
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return JsonHttp.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
