package org.bulletinsearch.search.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.bulletinsearch.search.engine.MultiSearchItem;
import org.bulletinsearch.search.engine.MultiSearchRequest;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.query.SearchQueryBuilder.StrictFirst;
import org.bulletinsearch.vocabulary.SearchVocabulary;

/**
 * The engine requests of a keyword page's first answer, built from one {@link SearchQueryBuilder#search} body: its
 * hits body, its counts body, the cheaper bodies a first page by relevance is asked by, and each request written out
 * as the engine gets it, the first time it is needed. Shared by every search of the same first page
 * ({@link PreparedPages}), so nothing in it changes after it is built but what it learns of the query's matches
 * ({@link #sawMatches}): callers copy a body before they change it
 * (the builder's methods do).
 */
final class PreparedPage {

    private final ObjectNode hits;
    private final ObjectNode counts;
    private final ObjectNode highlight;
    private final Optional<ObjectNode> rescored;
    private final Optional<StrictFirst> strictFirst;
    private final SearchEngine engine;
    private final Map<PageBody, FirstRequest> requests = new ConcurrentHashMap<>(4);
    /**
     * Units of the query a title-first page asks in the title: 0 until the query is seen to match many articles
     * ({@link #sawMatches}), then one, or every unit it can ask for very many ({@link StrictFirst#unitsInTitleFor}),
     * one fewer after each answer that could not tell the page ({@link #titleFirstFailed}), down to none (plain
     * strict first).
     * Only lowered after it is set once, for the page's life in the cache.
     */
    private volatile int unitsInTitle;
    /** Whether {@link #sawMatches} saw many matches: set once, so that a later count does not undo a step down. */
    private volatile boolean broad;
    private volatile FirstRequest titleFirstRequest;
    private volatile byte[] namedScoreBody;
    private volatile MultiSearchRequest countsRequest;

    /**
     * The first answer's request when the page is told by {@code body}.
     *
     * @param sent        the body of the page's hits: the exact {@link #hits}, its rescored body or the strict-first
     *                    one
     * @param strictFirst the strict-first request when {@code sent} is its body, else empty
     * @param searches    the {@code _msearch}: {@code sent}, the counts, then the strict-first request's top-1 searches
     */
    record FirstRequest(ObjectNode sent, Optional<StrictFirst> strictFirst, MultiSearchRequest searches) {
    }

    private PreparedPage(ObjectNode hits, ObjectNode counts, ObjectNode highlight, Optional<ObjectNode> rescored,
            Optional<StrictFirst> strictFirst, SearchEngine engine) {
        this.hits = hits;
        this.counts = counts;
        this.highlight = highlight;
        this.rescored = rescored;
        this.strictFirst = strictFirst;
        this.engine = engine;
    }

    /**
     * The page of {@code criteria} built with {@code vocabulary} alone, whatever the builder's own vocabulary says
     * meanwhile: its hits, counts, rescored and strict-first bodies expand the query alike.
     *
     * @param builder    builds the bodies ({@link SearchQueryBuilder#with} binds it to {@code vocabulary})
     * @param vocabulary the vocabulary the query expands with
     * @param criteria   the request
     * @param fuzzyForm  null for the exact query; else the typo-tolerant one, never asked strict first
     *                   ({@link SearchQueryBuilder#search(SearchCriteria, UnaryOperator)})
     * @param fields     whether the hits come with their fields and highlights (a page shown), or without
     *                   ({@link SearchQueryBuilder#withoutFields}: a fused page's window, its highlights kept in
     *                   {@link #highlight()} for the hits shown)
     * @param engine     writes the requests out as it sends them
     */
    static PreparedPage of(SearchQueryBuilder builder, SearchVocabulary vocabulary, SearchCriteria criteria,
            UnaryOperator<String> fuzzyForm, boolean fields, SearchEngine engine) {
        SearchQueryBuilder bound = builder.with(vocabulary);
        ObjectNode shown = bound.search(criteria, fuzzyForm);
        ObjectNode search = fields ? shown : SearchQueryBuilder.withoutFields(shown);
        ObjectNode hits = SearchQueryBuilder.hitsOnly(search, search.path("size").asInt());
        Optional<ObjectNode> rescored = bound.rescored(hits);
        // strict first needs a rescored body (a first page by relevance with boosts): checking that here spares
        // later and date-ordered pages a second expansion of the query
        Optional<StrictFirst> strictFirst = fuzzyForm != null || rescored.isEmpty() ? Optional.empty()
                : bound.strictFirst(criteria, hits);
        return new PreparedPage(hits, SearchQueryBuilder.countsOnly(search),
                fields ? null : SearchQueryBuilder.highlightOf(shown), rescored, strictFirst, engine);
    }

    /**
     * The highlights of the page's hits asked apart ({@link SearchQueryBuilder#highlightOf}); null when the hits come
     * with theirs. Not to be changed.
     */
    ObjectNode highlight() {
        return highlight;
    }

    /** The exact hits body ({@link SearchQueryBuilder#hitsOnly}); shared, not to be changed. */
    ObjectNode hits() {
        return hits;
    }

    /**
     * The {@code _msearch} of the page's first answer when {@code known} tells the page ({@link PageBodies}): with
     * {@link PageBody#FIRST}, the cheapest body the page has (strict first, rescored, or exact), not cached by the
     * engine; otherwise the body that told it before, which the engine's request cache may answer. The counts go
     * along, cacheable.
     */
    FirstRequest request(PageBody known) {
        int units = unitsInTitle;
        if (known == PageBody.FIRST && units > 0 && strictFirst.isPresent()) {
            FirstRequest request = titleFirstRequest;
            if (request == null || request.strictFirst().orElseThrow().unitsInTitle() != units) {
                request = build(known, strictFirst.map(first -> first.titleFirst(units)));
                titleFirstRequest = request;
            }
            return request;
        }
        return requests.computeIfAbsent(known, body -> build(body, strictFirst));
    }

    /**
     * Notes how many articles the page's query matches, from the counts of an answer: from a query that matches at
     * least {@value StrictFirst#TITLE_FIRST_MATCHES} on, a strict-first page asks only the articles with a unit of
     * the query in the title, and from {@value StrictFirst#TITLE_UNITS_MATCHES} on with every unit there, or as many
     * as it can ({@link StrictFirst#unitsInTitleFor}, {@link StrictFirst#titleFirst(int)}). The counts come with the
     * first answer, so the first search of a query is asked as before and the ones after it title first.
     *
     * @param total the exact number of matches ({@link SearchQueryBuilder#total})
     */
    void sawMatches(long total) {
        int units = broad || strictFirst.isEmpty() ? 0 : strictFirst.get().unitsInTitleFor(total);
        if (units == 0) {
            return;
        }
        synchronized (this) {
            if (!broad) {
                unitsInTitle = units;
                broad = true;
            }
        }
    }

    /**
     * Notes that a title-first answer could not tell the page (too few matches with the units asked in the title,
     * or an article without them that could outrank those): the page asks one unit fewer in the title from then on,
     * and after one, plain strict first, which may still tell it in one request where title first would always take
     * two.
     *
     * @param units the units in the title the answer asked ({@link StrictFirst#unitsInTitle})
     */
    synchronized void titleFirstFailed(int units) {
        unitsInTitle = Math.min(unitsInTitle, units - 1);
    }

    private FirstRequest build(PageBody known, Optional<StrictFirst> strictFirst) {
        Optional<StrictFirst> first = known == PageBody.FIRST ? strictFirst : Optional.empty();
        ObjectNode sent = known == PageBody.EXACT ? hits
                : first.map(StrictFirst::body).orElseGet(() -> rescored.orElse(hits));
        List<MultiSearchItem> searches = new ArrayList<>(List.of(new MultiSearchItem(sent, known != PageBody.FIRST),
                new MultiSearchItem(counts, true)));
        first.ifPresent(request -> searches.addAll(request.bestSearches()));
        return new FirstRequest(sent, first, MultiSearchRequest.of(engine.mapper(), searches));
    }

    /** The {@code _search} body of the hits with their named scores ({@link SearchQueryBuilder#withNamedScore}). */
    byte[] namedScoreBody() {
        byte[] body = namedScoreBody;
        if (body == null) {
            body = engine.json(SearchQueryBuilder.withNamedScore(hits));
            namedScoreBody = body;
        }
        return body;
    }

    /** The {@code _msearch} of the counts alone, cacheable. */
    MultiSearchRequest countsRequest() {
        MultiSearchRequest request = countsRequest;
        if (request == null) {
            request = MultiSearchRequest.of(engine.mapper(), List.of(new MultiSearchItem(counts, true)));
            countsRequest = request;
        }
        return request;
    }

}
