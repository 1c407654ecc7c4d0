package org.bulletinsearch.search.query;

import static org.bulletinsearch.search.query.SearchQueryBuilder.strictTotal;
import static org.bulletinsearch.search.query.SearchQueryBuilder.total;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.bulletinsearch.edge.InvalidParameterException;
import org.bulletinsearch.edge.ResourceNotFoundException;
import org.bulletinsearch.events.TextForms;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.engine.SearchEngineRequestException;
import org.bulletinsearch.search.engine.SearchEngineUnavailableException;
import org.bulletinsearch.search.indexing.IndexManager;
import org.bulletinsearch.search.query.SearchQueryBuilder.StrictFirst;
import org.bulletinsearch.search.stories.CatalogStories;
import org.bulletinsearch.search.stories.Story;
import org.bulletinsearch.search.vectors.ArticleEmbedder;
import org.bulletinsearch.search.vectors.VectorField;
import org.bulletinsearch.vocabulary.SearchVocabulary;

/**
 * Runs searches, suggestions and related-article lookups against the alias and shapes the answers.
 * The engine's failures become the API's problems here, in {@link #onEngine}: down or without an index
 * is a 503 ({@code dependency-unavailable}), a query it refuses (built from the client's input) a 400.
 */
@ApplicationScoped
public class ArticleSearch {

    /**
     * How many hits a collapsed keyword page examines per hit it shows once its own request folded versions away:
     * the further hits fill the room (a page is short only when more than two in three examined hits were folded).
     */
    static final int COLLAPSE_EXAMINED_PER_HIT = 3;

    /** The {@code _search} parameter asking each hit's score under every named query ({@link SearchEngine#scoresNamedQueries}). */
    private static final Map<String, String> NAMED_SCORES = Map.of("include_named_queries_score", "true");

    private final SearchEngine engine;
    private final IndexManager indexManager;
    private final ArticleEmbedder embedder;
    private final CatalogStories stories;
    private final ArticleCount articleCount;
    private final QueryConfig config;
    private final QueryVocabulary vocabulary;
    private final SearchQueryBuilder builder;
    private final PreparedPages preparedPages;
    private final PageBodies pageBodies;
    private final Map<FollowUp, Counter> followUps = new EnumMap<>(FollowUp.class);
    private final Timer searchLatency;
    private final Timer suggestLatency;
    private final Timer relatedLatency;
    private final Timer facetLatency;

    public ArticleSearch(SearchEngine engine, IndexManager indexManager, ArticleEmbedder embedder, CatalogStories stories,
            ArticleCount articleCount, QueryConfig config, MeterRegistry registry) {
        this.engine = engine;
        this.indexManager = indexManager;
        this.embedder = embedder;
        this.stories = stories;
        this.articleCount = articleCount;
        this.config = config;
        this.vocabulary = new QueryVocabulary(config.vocabularyFile());
        this.builder = new SearchQueryBuilder(config.facetSize(), config.rescoreWindow(), vocabulary::current,
                EntityValues.shared());
        this.preparedPages = new PreparedPages(config.preparedPages());
        this.pageBodies = new PageBodies(config.rememberedPages());
        for (FollowUp reason : FollowUp.values()) {
            followUps.put(reason, Counter.builder("search.query.follow-ups")
                    .description("Searches sent after a page's first answer could not tell the page alone, by reason")
                    .tag("reason", reason.tag())
                    .register(registry));
        }
        this.searchLatency = latency(registry, "search");
        this.suggestLatency = latency(registry, "suggest");
        this.relatedLatency = latency(registry, "related");
        this.facetLatency = latency(registry, "facet");
    }

    private static Timer latency(MeterRegistry registry, String endpoint) {
        return Timer.builder("search.query.latency")
                .description("Time to answer a search API request, engine round trips included")
                .tag("endpoint", endpoint)
                .publishPercentileHistogram()
                .register(registry);
    }

    /**
     * One page of search results. When no hit has every word of the query (or fewer than the configured
     * threshold), the query is run again tolerating typos, and that answer is used if more of its hits have
     * every (loosened) word, or if the exact query found nothing at all.
     *
     * @param criteria the validated request
     * @return the page, its facets and whether it was relaxed or loosened
     */
    public SearchResponse search(SearchCriteria criteria) {
        return timed(searchLatency, () -> {
            KeywordAnswer keyword = keyword(criteria);
            return response(criteria, keyword, null, Set.of());
        });
    }

    /**
     * A keyword page with one hit per story. The page's own request comes first; only when versions were folded
     * away and more hits follow is it asked again, examining {@value #COLLAPSE_EXAMINED_PER_HIT} times as many
     * hits as it shows (hits only: the first answer's total and facets stand). A hit stands for its story
     * when no version of the story ranks before it, which on a later page is asked of the engine (the versions
     * matching the request, and those of them after the cursor). Without the catalog's answer, the plain keyword
     * page.
     */
    private SearchResponse collapsedKeyword(SearchCriteria criteria) {
        KeywordAnswer keyword = keyword(criteria);
        List<String> examined = ids(keyword.answer().path("hits").path("hits"));
        Optional<Map<String, Story>> found = stories.ofArticles(examined);
        if (found.isEmpty()) {
            return response(criteria, keyword, null, Set.of());
        }
        Set<String> shownBefore = shownBefore(criteria, keyword.body(), examined, found.get());
        if (examined.size() > criteria.size()
                && StoryCollapse.firstOfEachStory(examined, found.get(), shownBefore).size() < criteria.size()) {
            keyword = widened(keyword, criteria.size() * COLLAPSE_EXAMINED_PER_HIT + 1);
            examined = ids(keyword.answer().path("hits").path("hits"));
            found = stories.ofArticles(examined);
            if (found.isEmpty()) {
                return response(criteria, keyword, null, Set.of());
            }
            shownBefore = shownBefore(criteria, keyword.body(), examined, found.get());
        }
        return response(criteria, keyword, found.get(), shownBefore);
    }

    private Set<String> shownBefore(SearchCriteria criteria, ObjectNode body, List<String> examined, Map<String, Story> byArticle) {
        return criteria.cursor() == null ? Set.of() : storiesBefore(body, examined, byArticle);
    }

    /** The stories of the examined hits one version of which ranks before the request's cursor. */
    private Set<String> storiesBefore(ObjectNode body, List<String> examined, Map<String, Story> byArticle) {
        Set<String> onPage = new HashSet<>(examined);
        Map<String, String> rivals = new HashMap<>();
        for (String id : examined) {
            Story story = StoryCollapse.storyOf(id, byArticle);
            story.articleIds().stream().filter(other -> !onPage.contains(other)).forEach(other -> rivals.put(other, story.id()));
        }
        if (rivals.isEmpty()) {
            return Set.of();
        }
        Set<String> before = new HashSet<>(ids(followUp(FollowUp.STORY_CURSOR,
                SearchQueryBuilder.onlyIds(body, rivals.keySet(), false)).path("hits").path("hits")));
        before.removeAll(ids(followUp(FollowUp.STORY_CURSOR,
                SearchQueryBuilder.onlyIds(body, rivals.keySet(), true)).path("hits").path("hits")));
        return before.stream().map(rivals::get).collect(Collectors.toSet());
    }

    /**
     * One page of search results in a mode. Hybrid and semantic need words to embed and relevance order;
     * without them (browsing, {@code sort=date}), and on the pages of a keyword cursor, the search is a keyword
     * search. While the model or the vectors are missing, a hybrid or semantic search answers with the keyword
     * results, and {@code modes} says so.
     *
     * @param collapse one hit per story (the other versions folded into it), as far as the catalog can tell
     * @throws InvalidParameterException when a fused cursor comes with {@code mode=keyword}
     */
    public SearchResponse search(SearchCriteria criteria, SearchMode mode, boolean collapse) {
        SearchCursor cursor = criteria.cursor();
        if (mode == SearchMode.KEYWORD && cursor != null && cursor.fused()) {
            throw new InvalidParameterException("cursor", "the cursor belongs to mode=hybrid or mode=semantic,"
                    + " not mode=keyword");
        }
        boolean fusable = criteria.query() != null && !criteria.query().positiveWords().isEmpty()
                && criteria.sort() == SortOrder.RELEVANCE;
        if (mode == SearchMode.KEYWORD || !fusable || (cursor != null && !cursor.fused())) {
            return collapse ? timed(searchLatency, () -> collapsedKeyword(criteria)) : search(criteria);
        }
        return timed(searchLatency, () -> fused(criteria, mode, collapse));
    }

    /** The keyword answer of a page shown, loosened by typo tolerance when that finds more; and whether it was. */
    private KeywordAnswer keyword(SearchCriteria criteria) {
        return keyword(criteria, true);
    }

    /**
     * The keyword answer, loosened by typo tolerance when that finds more; and whether it was.
     *
     * @param fields whether the hits come with their fields and highlights, or ids and scores only (a fused window)
     */
    private KeywordAnswer keyword(SearchCriteria criteria, boolean fields) {
        // A fuzzy cursor only means something with words to loosen.
        boolean fuzzy = criteria.fuzzy() && criteria.query() != null && !criteria.query().isEmpty();
        // one vocabulary for the whole request, so that the exact and the loosened answers compare alike
        SearchVocabulary current = vocabulary.current();
        KeywordAnswer answer = answer(fuzzy ? loosened(criteria, current, fields)
                : prepared(criteria, current, fields), fuzzy);
        if (shouldLoosen(criteria, answer.counts())) {
            KeywordAnswer loose = answer(loosened(criteria, current, fields), true);
            if (strictTotal(loose.counts()) > strictTotal(answer.counts())
                    || (total(answer.counts()) == 0 && total(loose.counts()) > 0)) {
                return loose;
            }
        }
        return answer;
    }

    /** The page's requests; a first page's kept from the last time it was asked ({@link PreparedPages}). */
    private PreparedPage prepared(SearchCriteria criteria, SearchVocabulary current, boolean fields) {
        return preparedPages.of(criteria, current, fields,
                given -> PreparedPage.of(builder, given, criteria, null, fields, engine));
    }

    /** The page's requests with every positive word loosened by typo tolerance ({@link #fuzzyForms}). */
    private PreparedPage loosened(SearchCriteria criteria, SearchVocabulary current, boolean fields) {
        return PreparedPage.of(builder, current, criteria, fuzzyForms(criteria.query()), fields, engine);
    }

    /**
     * A page's hits and its counts, asked side by side in one round trip: the hits without counting (the engine
     * may skip matches that cannot enter the page), the total and facets in a body without hits that
     * the engine's request cache keeps until the index changes, so the other pages of the same query and filters,
     * and the same search again, do not count again ({@link SearchQueryBuilder#hitsOnly},
     * {@link SearchQueryBuilder#countsOnly}). A first page by relevance of a query that relaxes is asked
     * {@link SearchQueryBuilder#strictFirst} in the same round trip, and asked again only when that answer cannot
     * tell the page ({@link #strictFirstPage}), and title first once its counts showed many matches
     * ({@link PreparedPage#sawMatches}). A page whose first answer could not tell it before goes straight to
     * the body that did ({@link PageBodies}), as the second search would ask it (from the engine's request cache).
     */
    private KeywordAnswer answer(PreparedPage prepared, boolean fuzzy) {
        ObjectNode hits = prepared.hits();
        if (namedScores(hits)) {
            return scoredAlong(prepared, fuzzy);
        }
        PreparedPage.FirstRequest first = prepared.request(pageBodies.of(hits));
        List<JsonNode> answers = onEngine("q", () -> engine.multiSearch(indexManager.alias(), first.searches()));
        prepared.sawMatches(SearchQueryBuilder.total(answers.get(1)));
        JsonNode page = first.strictFirst().isEmpty() ? page(hits, first.sent(), answers.get(0))
                : strictFirstPage(prepared, first.strictFirst().get(), answers.get(0), answers.get(1),
                        answers.subList(2, answers.size()));
        return new KeywordAnswer(page, fuzzy, hits, answers.get(1), prepared.highlight());
    }

    /**
     * A date-ordered page with a query: its hits with their relevance scores ({@link SearchQueryBuilder#withNamedScore})
     * and its counts, asked at the same time in two requests, since the engine's {@code _msearch} does not take
     * {@code include_named_queries_score}. One round trip, where asking the scores apart takes two.
     */
    private KeywordAnswer scoredAlong(PreparedPage prepared, boolean fuzzy) {
        CompletableFuture<JsonNode> page = engine.sendAsync("POST", "/" + indexManager.alias() + "/_search",
                NAMED_SCORES, prepared.namedScoreBody());
        JsonNode counts = onEngine("q", () -> engine.multiSearch(indexManager.alias(), prepared.countsRequest()))
                .get(0);
        return new KeywordAnswer(withScores(prepared.hits(), onEngine("q", () -> join(page))), fuzzy, prepared.hits(),
                counts, prepared.highlight());
    }

    /** Whether the hits of {@code hits} come without their scores and the engine can give them along. */
    private boolean namedScores(ObjectNode hits) {
        return SearchQueryBuilder.scoresApart(hits) && onEngine("q", engine::scoresNamedQueries);
    }

    /**
     * The page of a {@link SearchQueryBuilder#strictFirst} answer in the exact order when it tells the page
     * ({@link StrictFirst#pageBody}); otherwise the page of the body that does, remembered for the next time
     * ({@link PageBodies}); a title-first answer that cannot tell it sends the page to one unit fewer in the
     * title, then to plain strict first, instead ({@link PreparedPage#titleFirstFailed}). Only pages by relevance
     * are asked strict first, so the hits carry their scores.
     */
    private JsonNode strictFirstPage(PreparedPage prepared, StrictFirst strictFirst, JsonNode answer, JsonNode counts,
            List<JsonNode> bestOfClauses) {
        ObjectNode hits = prepared.hits();
        StrictFirst.Told told = strictFirst.told(answer, counts, bestOfClauses, hits.path("size").asInt());
        return switch (told.body()) {
            case FIRST -> told.page();
            case EXACT -> exactPage(hits);
            case RESCORED -> {
                if (strictFirst.unitsInTitle() > 0) {
                    prepared.titleFirstFailed(strictFirst.unitsInTitle());
                } else {
                    pageBodies.remember(hits, PageBody.RESCORED);
                }
                yield hits(hits, FollowUp.SCORE_BOUND);
            }
        };
    }

    /**
     * The hits of {@code hits}: with their scores named when a date-ordered page needs them and the engine can give
     * them along ({@link #scoredAlong}), else through its {@link SearchQueryBuilder#rescored} body when it has one;
     * asked after a first answer, for {@code reason}.
     */
    private JsonNode hits(ObjectNode hits, FollowUp reason) {
        if (namedScores(hits)) {
            return withScores(hits, followUp(reason, SearchQueryBuilder.withNamedScore(hits), NAMED_SCORES));
        }
        ObjectNode sent = pageBodies.of(hits) == PageBody.EXACT ? hits : builder.rescored(hits).orElse(hits);
        return page(hits, sent, followUp(reason, sent));
    }

    /** The page of the exact body {@code hits}, which ties at the end of a cheaper answer hid; remembered so. */
    private JsonNode exactPage(ObjectNode hits) {
        pageBodies.remember(hits, PageBody.EXACT);
        return followUp(FollowUp.TIES, hits);
    }

    /**
     * The page the exact body {@code hits} asks for, from the answer to the body {@code sent} for it: a rescored
     * answer put in the exact order ({@link RescoredPage}; the exact body asked too when ties hide that order),
     * and each hit with its relevance score ({@link #withScores}).
     */
    private JsonNode page(ObjectNode hits, ObjectNode sent, JsonNode answer) {
        JsonNode page = sent == hits ? answer
                : RescoredPage.inExactOrder(answer, sent.path("size").asInt(), hits.path("size").asInt())
                        .orElseGet(() -> exactPage(hits));
        return withScores(hits, page);
    }

    /**
     * The answer (changed in place) with each hit's relevance score when the engine did not score them
     * ({@link SearchQueryBuilder#scoresApart}: date order with a query): the named score each hit brought
     * ({@link SearchQueryBuilder#withNamedScore}), else asked apart for the hits only.
     */
    private JsonNode withScores(ObjectNode hits, JsonNode answer) {
        JsonNode found = answer.path("hits").path("hits");
        if (!SearchQueryBuilder.scoresApart(hits) || found.isEmpty()) {
            return answer;
        }
        if (found.path(0).path("matched_queries").has(SearchQueryBuilder.SCORE)) {
            found.forEach(hit -> ((ObjectNode) hit).set("_score", hit.path("matched_queries").path(SearchQueryBuilder.SCORE)));
            return answer;
        }
        Map<String, JsonNode> scores = new HashMap<>();
        followUp(FollowUp.DATE_SCORES, SearchQueryBuilder.scores(hits, ids(found))).path("hits").path("hits")
                .forEach(hit -> scores.put(SearchQueryBuilder.articleId(hit), hit.path("_score")));
        found.forEach(hit -> ((ObjectNode) hit).set("_score", scores.get(SearchQueryBuilder.articleId(hit))));
        return answer;
    }

    /**
     * The engine's hits, whether they are the typo-tolerant ones, the request that got them (hits only), the
     * answer holding the total and aggregations the response reports, and the hits' highlights asked apart
     * ({@link PreparedPage#highlight}; null when the hits came with theirs).
     */
    private record KeywordAnswer(JsonNode answer, boolean fuzzy, ObjectNode body, JsonNode counts,
            ObjectNode highlight) {
    }

    /** The same request asking for {@code size} hits ({@link SearchQueryBuilder#hitsOnly}); the counts stand. */
    private KeywordAnswer widened(KeywordAnswer keyword, int size) {
        ObjectNode wider = SearchQueryBuilder.hitsOnly(keyword.body(), size);
        return new KeywordAnswer(hits(wider, FollowUp.STORY_FOLD), keyword.fuzzy(), wider, keyword.counts(),
                keyword.highlight());
    }

    /**
     * A hybrid or semantic page: the vector search runs (embedding included) while the keyword search does, both
     * over the first {@code window} hits, ids and scores only; the page is cut from their fusion ({@link FusedPage})
     * and its hits' fields and highlights are asked for them alone ({@link #shownPage}).
     */
    private SearchResponse fused(SearchCriteria criteria, SearchMode mode, boolean collapse) {
        int window = config.hybrid().window();
        SearchCriteria firstWindow = new SearchCriteria(criteria.query(), criteria.sourceNames(), criteria.uploadIds(),
                criteria.ingestedFrom(), criteria.ingestedTo(), criteria.sort(), window, null, criteria.entities());
        CompletableFuture<JsonNode> nearest = CompletableFuture.supplyAsync(
                () -> nearest(criteria, window, mode == SearchMode.SEMANTIC), Infrastructure.getDefaultWorkerPool());
        KeywordAnswer keyword = mode == SearchMode.HYBRID ? keyword(firstWindow, false) : null;
        JsonNode semantic = join(nearest);
        if (semantic == null && keyword == null) {
            keyword = keyword(firstWindow, false);
        }
        int offset = criteria.cursor() == null ? 0 : criteria.cursor().rank();
        FusedLists lists = new FusedLists(keyword == null ? null : keyword.answer().path("hits").path("hits"),
                semantic == null ? null : semantic.path("hits").path("hits"), window, config.hybrid().rankConstant());
        ShownPage shown = shownPage(criteria, lists, offset, collapse,
                keyword != null ? keyword.highlight() : builder.semanticHighlight(criteria));
        FusedPage page = shown.page();
        boolean fuzzy = keyword != null && keyword.fuzzy();
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < page.hits().size(); i++) {
            JsonNode found = shown.hits().get(SearchQueryBuilder.articleId(page.hits().get(i)));
            // An article deleted or moved out of the filters since the window was searched is left out, as a search
            // a moment later would leave it; the page is then short by it (its story's other versions stay folded).
            if (found != null) {
                hits.add(inStory(hit(found, page.scores().get(i).floatValue()), shown.byArticle()));
            }
        }
        JsonNode counted = keyword != null ? keyword.counts() : semantic;
        long total = keyword != null ? total(keyword.counts()) + page.semanticOnly() : page.listed();
        return new SearchResponse(criteria.query().text(), total, fuzzy,
                keyword != null && strictTotal(keyword.counts()) < total(keyword.counts()), criteria.sort().parameter(),
                hits, facets(counted.path("aggregations")),
                page.nextRank() < 0 ? null : SearchCursor.atRank(fuzzy, page.nextRank()).encode(), page.modes(),
                shown.byArticle() != null);
    }

    /** The two lists of a fused page: each engine's {@code hits.hits} (null when it did not run) and the fusion's. */
    private record FusedLists(JsonNode keywordHits, JsonNode semanticHits, int window, int rankConstant) {

        List<String> ranking() {
            return FusedPage.ranking(keywordHits, semanticHits, window, rankConstant);
        }

        FusedPage page(int offset, int size, Predicate<String> listed) {
            return FusedPage.of(keywordHits, semanticHits, window, rankConstant, offset, size, listed);
        }
    }

    /**
     * A fused page and its hits by article id, with their fields and highlights.
     *
     * @param byArticle the story of each article of the fused list; null when versions are not folded
     */
    private record ShownPage(FusedPage page, Map<String, JsonNode> hits, Map<String, Story> byArticle) {
    }

    /**
     * The page of the fused list, with its hits' fields and {@code highlight}. When versions fold, the catalog's
     * stories decide which articles the page holds; while the catalog answers, the hits of the page as it stands
     * unfolded are asked already, since few pages fold anything away before their last hit: the two waits overlap
     * instead of following each other, and a page that did fold asks only the hits it then lacks. Without the
     * catalog's answer the page is the unfolded one.
     */
    private ShownPage shownPage(SearchCriteria criteria, FusedLists lists, int offset, boolean collapse,
            ObjectNode highlight) {
        List<String> ranking = lists.ranking();
        CompletableFuture<Optional<Map<String, Story>>> storiesOfRanking = collapse ? CompletableFuture.supplyAsync(
                () -> stories.ofArticles(ranking), Infrastructure.getDefaultWorkerPool()) : null;
        FusedPage unfolded = lists.page(offset, criteria.size(), id -> true);
        List<String> asked = ids(unfolded.hits());
        Map<String, JsonNode> hits = new HashMap<>(shown(criteria, asked, highlight));
        Map<String, Story> byArticle = storiesOfRanking == null ? null : join(storiesOfRanking).orElse(null);
        if (byArticle == null) {
            return new ShownPage(unfolded, hits, null);
        }
        Set<String> standing = Set.copyOf(StoryCollapse.firstOfEachStory(ranking, byArticle, Set.of()));
        FusedPage page = lists.page(offset, criteria.size(), standing::contains);
        hits.putAll(shown(criteria, ids(page.hits()).stream().filter(id -> !asked.contains(id)).toList(), highlight));
        return new ShownPage(page, hits, byArticle);
    }

    /** The hit standing for its story, or as it is when versions are not folded ({@code byArticle} null). */
    private static SearchHit inStory(SearchHit hit, Map<String, Story> byArticle) {
        return byArticle == null ? hit : hit.in(StoryCollapse.storyOf(hit.id(), byArticle));
    }

    /**
     * The hits of some articles with their fields and {@code highlight}, by article id, those that still pass the
     * request's filters; none asked for none.
     */
    private Map<String, JsonNode> shown(SearchCriteria criteria, List<String> articleIds, ObjectNode highlight) {
        Map<String, JsonNode> byId = new HashMap<>();
        if (!articleIds.isEmpty()) {
            run("q", builder.fetch(criteria, articleIds, highlight)).path("hits").path("hits")
                    .forEach(hit -> byId.put(SearchQueryBuilder.articleId(hit), hit));
        }
        return byId;
    }

    private static List<String> ids(Iterable<JsonNode> hits) {
        List<String> ids = new ArrayList<>();
        hits.forEach(hit -> ids.add(SearchQueryBuilder.articleId(hit)));
        return ids;
    }

    /** The nearest articles to the query's words, or null while the model or the index's vectors are missing. */
    private JsonNode nearest(SearchCriteria criteria, int k, boolean withFacets) {
        Optional<float[]> vector = embedder.query(String.join(" ", criteria.query().positiveWords()));
        if (vector.isEmpty() || !indexHasVectors()) {
            return null;
        }
        return run("q", builder.semantic(criteria, onEngine("q", engine::distribution), vector.get(), k, withFacets));
    }

    private boolean indexHasVectors() {
        String index = indexManager.currentIndex() != null ? indexManager.currentIndex()
                : onEngine("q", indexManager::aliasTarget);
        return index != null && onEngine("q", () -> indexManager.info(index)).fields().contains(VectorField.NAME);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * The values of one entity facet, most frequent first, under the request's query and other filters.
     *
     * @param criteria the query and filters (the facet's own selection is ignored)
     * @param facet    the facet listed
     * @param prefix   only values one of whose words starts with this, ignoring case and accents; blank for all
     * @param size     most values
     * @return the values with their counts
     */
    public FacetValuesResponse facetValues(SearchCriteria criteria, EntityFacet facet, String prefix, int size) {
        return timed(facetLatency, () -> {
            List<String> include = prefix.isBlank() ? null : EntityValues.shared().withPrefix(facet, prefix);
            List<FacetValue> values = include != null && include.isEmpty() ? List.of()
                    : values(run("q", builder.facetValues(criteria, facet, include, size)).path("aggregations")
                            .path(facet.field()));
            return new FacetValuesResponse(facet.field(), prefix, values);
        });
    }

    public SuggestResponse suggest(String prefix, int size) {
        return timed(suggestLatency, () -> {
            List<Suggestion> suggestions = new ArrayList<>();
            if (!prefix.isEmpty()) {
                Set<String> seen = new HashSet<>();
                for (JsonNode hit : run("q", builder.suggest(prefix, size)).path("hits").path("hits")) {
                    String title = hit.path("_source").path("title").asText();
                    if (suggestions.size() < size && seen.add(TextForms.folded(title))) {
                        suggestions.add(new Suggestion(hit.path("_source").path("id").asText(), title));
                    }
                }
            }
            return new SuggestResponse(prefix, suggestions);
        });
    }

    public RelatedResponse related(String id, int size) {
        return timed(relatedLatency, () -> {
            // one look-up says whether the article exists and gives its vector (absent: none yet, or an older index)
            JsonNode stored = onEngine("id", () -> engine.find("/" + indexManager.alias() + "/_doc/" + id,
                    Map.of("_source_includes", VectorField.NAME))).orElseThrow(() -> new ResourceNotFoundException("article", id));
            float[] vector = VectorField.fromJson(stored.path("_source").path(VectorField.NAME));
            // the nearest vectors are searched while the words are, as a hybrid page's are
            CompletableFuture<JsonNode> nearestSearch = vector == null ? null : CompletableFuture.supplyAsync(
                    () -> run("id", builder.similar(onEngine("id", engine::distribution), vector, size, id)),
                    Infrastructure.getDefaultWorkerPool());
            long maxDocFreq = config.relatedMaxDocShare() <= 0 ? 0
                    : SearchQueryBuilder.relatedMaxDocFreq(onEngine("id", articleCount::articles), config.relatedMaxDocShare());
            JsonNode alike = run("id", builder.related(indexManager.alias(), id, size, config.relatedMinimumShouldMatch(),
                    maxDocFreq)).path("hits").path("hits");
            List<SearchHit> hits = new ArrayList<>();
            if (nearestSearch == null) {
                alike.forEach(hit -> hits.add(hit(hit)));
                return new RelatedResponse(id, otherStories(id, hits));
            }
            JsonNode nearest = join(nearestSearch).path("hits").path("hits");
            FusedPage page = FusedPage.of(alike, nearest, size, config.hybrid().rankConstant(), 0, size);
            for (int i = 0; i < page.hits().size(); i++) {
                hits.add(hit(page.hits().get(i), page.scores().get(i).floatValue()));
            }
            return new RelatedResponse(id, otherStories(id, hits));
        });
    }

    /**
     * Related articles are other stories: the article's own versions (its page lists them) and a second version of
     * one story are left out, as far as the catalog can tell.
     */
    private List<SearchHit> otherStories(String id, List<SearchHit> hits) {
        List<String> ids = new ArrayList<>(List.of(id));
        hits.forEach(hit -> ids.add(hit.id()));
        Map<String, Story> byArticle = stories.ofArticles(ids).orElse(null);
        if (byArticle == null) {
            return hits;
        }
        Set<String> standing = Set.copyOf(StoryCollapse.firstOfEachStory(ids, byArticle, Set.of()));
        return hits.stream().filter(hit -> standing.contains(hit.id())).map(hit -> inStory(hit, byArticle)).toList();
    }

    private boolean shouldLoosen(SearchCriteria criteria, JsonNode answer) {
        if (criteria.cursor() != null || criteria.query() == null) {
            return false;
        }
        int words = criteria.query().positiveWordCount();
        return strictTotal(answer) < config.typoTolerance().belowHits() && words > 0
                && words <= config.typoTolerance().maxTerms();
    }

    /**
     * What to loosen each positive word into: its stem as the search analyzer produces it, since
     * fuzzy terms skip analysis and the index holds stems ("oficers" must become "ofic" to be one
     * edit from "offic"). Words the analyzer drops (stop words) stay exact; words it splits, or any
     * failure of the analysis call, fall back to the word as typed.
     */
    UnaryOperator<String> fuzzyForms(UserQuery query) {
        List<String> words = query.positiveWords();
        Map<String, String> forms = new HashMap<>();
        ObjectNode request = engine.mapper().createObjectNode();
        request.put("analyzer", SearchQueryBuilder.SEARCH_ANALYZER);
        request.put("text", String.join(" ", words));
        JsonNode tokens;
        try {
            tokens = engine.send("POST", "/" + indexManager.alias() + "/_analyze", request).path("tokens");
        } catch (SearchEngineRequestException | SearchEngineUnavailableException e) {
            return UnaryOperator.identity();
        }
        int start = 0;
        for (String word : words) {
            int end = start + word.length();
            Set<String> stems = new LinkedHashSet<>();
            for (JsonNode token : tokens) {
                int offset = token.path("start_offset").asInt(-1);
                if (offset >= start && offset < end) {
                    stems.add(token.path("token").asText());
                }
            }
            forms.put(word, stems.isEmpty() ? null : stems.size() == 1 ? stems.iterator().next() : word);
            start = end + 1;
        }
        return word -> forms.containsKey(word) ? forms.get(word) : word;
    }

    private JsonNode run(String parameter, JsonNode body) {
        return onEngine(parameter, () -> engine.send("POST", "/" + indexManager.alias() + "/_search", body));
    }

    /**
     * A search of a page asked after the page's first answer, because that answer could not tell the page alone: ties
     * hiding the order, a score bound that did not hold, the scores of a date-ordered page, story versions folded
     * away. The same request gets the same first answer and needs the same search again until the index changes,
     * so it is asked with the engine's shard request cache ({@code request_cache=true}; the engine keeps the
     * query phase of a search with hits only when asked, and drops it at the next refresh that changes the shard).
     * First searches are not: most of them are never asked twice, and the cache's memory is shared
     * ({@code indices.requests.cache.size}, 1 % of the engine's heap, least recently used first out).
     */
    private JsonNode followUp(FollowUp reason, JsonNode body) {
        return followUp(reason, body, Map.of());
    }

    /** {@link #followUp(FollowUp, JsonNode)} with more request parameters. */
    private JsonNode followUp(FollowUp reason, JsonNode body, Map<String, String> parameters) {
        Map<String, String> cached = new HashMap<>(parameters);
        cached.put("request_cache", "true");
        followUps.get(reason).increment();
        return onEngine("q", () -> engine.send("POST", "/" + indexManager.alias() + "/_search", cached, body));
    }

    /**
     * A call to the engine, its failures as the API's problems.
     *
     * @param parameter the request parameter the engine's request was built from, named when it refuses it
     */
    private <T> T onEngine(String parameter, Supplier<T> call) {
        try {
            return call.get();
        } catch (SearchEngineUnavailableException e) {
            indexManager.noticeFailure(e.errorType());
            throw e.asProblem();
        } catch (SearchEngineRequestException e) {
            throw new InvalidParameterException(parameter, "the search engine cannot run this query ("
                    + e.errorType() + "); simplify it");
        }
    }

    /**
     * A keyword page: the first {@code criteria.size()} hits of the answer that stand for their story (all of
     * them when {@code byArticle} is null: versions not folded), and the cursor after the last one when the
     * answer holds more hits than it examined or shown.
     */
    private SearchResponse response(SearchCriteria criteria, KeywordAnswer keyword, Map<String, Story> byArticle,
            Set<String> shownBefore) {
        JsonNode answer = keyword.answer();
        JsonNode rawHits = answer.path("hits").path("hits");
        List<String> examined = ids(rawHits);
        Set<String> standing = byArticle == null ? null
                : Set.copyOf(StoryCollapse.firstOfEachStory(examined, byArticle, shownBefore));
        List<SearchHit> hits = new ArrayList<>();
        JsonNode lastSort = null;
        int last = -1;
        for (int i = 0; i < rawHits.size() && hits.size() < criteria.size(); i++) {
            if (standing == null || standing.contains(examined.get(i))) {
                hits.add(inStory(hit(rawHits.get(i)), byArticle));
                lastSort = rawHits.get(i).path("sort");
                last = i;
            }
        }
        boolean more = standing == null ? rawHits.size() > criteria.size()
                : rawHits.size() > keyword.body().path("size").asInt() - 1 || examined.subList(last + 1, examined.size())
                        .stream().anyMatch(standing::contains);
        if (standing != null && hits.size() < criteria.size() && more && rawHits.size() > 0) {
            lastSort = rawHits.get(rawHits.size() - 1).path("sort"); // a short page: go on after all it examined
        }
        String next = more && lastSort != null ? SearchCursor.after(criteria.sort(), keyword.fuzzy(), lastSort).encode() : null;
        JsonNode counts = keyword.counts();
        boolean relaxed = strictTotal(counts) < total(counts);
        return new SearchResponse(criteria.query() == null ? null : criteria.query().text(), total(counts),
                keyword.fuzzy(), relaxed, criteria.sort().parameter(), hits, facets(counts.path("aggregations")), next,
                hits.isEmpty() ? List.of() : List.of(SearchMode.KEYWORD.parameter()), byArticle != null);
    }

    private static Facets facets(JsonNode aggs) {
        return new Facets(values(aggs.path(SearchQueryBuilder.SOURCE_NAME)),
                values(aggs.path(SearchQueryBuilder.UPLOAD_ID)), time(aggs.path(SearchQueryBuilder.INGESTED_AT)),
                values(aggs.path(EntityFacet.COUNTRY.field())), values(aggs.path(EntityFacet.REGION.field())),
                values(aggs.path(EntityFacet.ORGANIZATION.field())), values(aggs.path(EntityFacet.PROGRAMME.field())),
                values(aggs.path(EntityFacet.YEAR.field())));
    }

    private static SearchHit hit(JsonNode hit) {
        JsonNode score = hit.path("_score");
        return hit(hit, score.isNumber() ? score.floatValue() : null);
    }

    private static SearchHit hit(JsonNode hit, Float score) {
        JsonNode source = hit.path("_source");
        String title = source.path("title").asText();
        JsonNode highlight = hit.path("highlight");
        String titleHighlight = Highlights.title(highlight, title);
        String snippet = Highlights.snippet(highlight);
        String ingestedAt = source.path("ingestedAt").asText(null);
        return new SearchHit(SearchQueryBuilder.articleId(hit), title, titleHighlight, snippet,
                score, source.path("sourceName").asText(null),
                source.path("uploadId").asText(null), source.path("position").asInt(),
                ingestedAt == null ? null : Instant.parse(ingestedAt), null, 0, List.of());
    }

    private static List<FacetValue> values(JsonNode facet) {
        List<FacetValue> values = new ArrayList<>();
        facet.path("values").path("buckets")
                .forEach(bucket -> values.add(new FacetValue(bucket.path("key").asText(), bucket.path("doc_count").asLong())));
        return values;
    }

    private static TimeFacet time(JsonNode facet) {
        List<TimeBucket> buckets = new ArrayList<>();
        facet.path("values").path("buckets").forEach(bucket -> buckets.add(
                new TimeBucket(Instant.ofEpochMilli(bucket.path("key").asLong()), bucket.path("doc_count").asLong())));
        return new TimeFacet(facet.path("values").path("interval").asText(null), buckets);
    }

    private static <T> T timed(Timer timer, Supplier<T> work) {
        Timer.Sample sample = Timer.start();
        try {
            return work.get();
        } finally {
            sample.stop(timer);
        }
    }
}
