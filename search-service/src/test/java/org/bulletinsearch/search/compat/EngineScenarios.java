package org.bulletinsearch.search.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.indexing.ArticleDocument;
import org.bulletinsearch.search.indexing.ArticleIndexer;
import org.bulletinsearch.search.indexing.BulkAction;
import org.bulletinsearch.search.indexing.IndexConfig;
import org.bulletinsearch.search.indexing.IndexManager;
import org.bulletinsearch.search.indexing.IndexOperation;
import org.bulletinsearch.search.indexing.IndexingMetrics;
import org.bulletinsearch.search.indexing.ReindexJournal;
import org.bulletinsearch.search.page.TestConfigs;
import org.bulletinsearch.search.query.ArticleCount;
import org.bulletinsearch.search.query.ArticleSearch;
import org.bulletinsearch.search.query.FacetValue;
import org.bulletinsearch.search.query.QueryConfig;
import org.bulletinsearch.search.query.SearchCriteria;
import org.bulletinsearch.search.query.SearchHit;
import org.bulletinsearch.search.query.SearchParameters;
import org.bulletinsearch.search.query.SearchResponse;
import org.bulletinsearch.search.stories.CatalogStories;
import org.bulletinsearch.search.stories.StoryConfig;
import org.bulletinsearch.search.support.RelevanceFixtures;
import org.bulletinsearch.search.support.Retries;
import org.bulletinsearch.search.vectors.ArticleEmbedder;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The indexing and search behaviour the API relies on, run through the service's own classes (no
 * HTTP, no Kafka) against whichever engine a subclass points at: the local OpenSearch always, a real
 * Elasticsearch where Docker can pull its image. It proves the REST calls, index definition and query
 * bodies work on both engines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineScenarios {

    private RestClient client;
    private SearchEngine engine;
    private IndexManager indexManager;
    private ArticleIndexer indexer;
    private ArticleSearch search;
    private SearchParameters parameters;
    private List<ArticleEvent> corpus;

    /** {@code http://host:port} of the engine under test. */
    protected abstract String engineUrl();

    @BeforeAll
    void indexTheCorpus() throws IOException {
        client = RestClient.builder(HttpHost.create(engineUrl())).build();
        ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        engine = new SearchEngine(client, mapper);
        String alias = "compat-" + UUID.randomUUID().toString().substring(0, 8);
        indexManager = new IndexManager(engine, new IndexConfig() {
            public String alias() {
                return alias;
            }

            public int shards() {
                return 1;
            }

            public int replicas() {
                return 0;
            }

            public Compaction compaction() {
                return new Compaction() {
                    public Duration idle() {
                        return Duration.ZERO;
                    }

                    public int aboveSegments() {
                        return 5;
                    }
                };
            }
        });
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        indexer = new ArticleIndexer(engine, indexManager, new ReindexJournal(engine, indexManager), Retries.policy(Duration.ofMillis(100), Duration.ofSeconds(1),
                retrying -> { }), new IndexingMetrics(registry));
        QueryConfig queryConfig = new SmallRyeConfigBuilder().withMapping(QueryConfig.class).build()
                .getConfigMapping(QueryConfig.class);
        // the model is not loaded here (no start-up event): the scenarios are keyword searches
        ArticleEmbedder embedder = new ArticleEmbedder(TestConfigs.vectors(Map.of()));
        // no catalog either: the scenarios' searches do not fold stories
        CatalogStories stories = new CatalogStories(TestConfigs.catalog(URI.create("http://127.0.0.1:1")),
                new StoryConfig() {
                    @Override
                    public Duration timeout() {
                        return Duration.ofSeconds(1);
                    }

                    @Override
                    public Duration cacheTtl() {
                        return Duration.ZERO;
                    }

                    @Override
                    public Duration pendingTtl() {
                        return Duration.ZERO;
                    }

                    @Override
                    public int cacheSize() {
                        return 1;
                    }
                }, new ObjectMapper());
        search = new ArticleSearch(engine, indexManager, embedder, stories, new ArticleCount(engine, indexManager),
                queryConfig, registry);
        parameters = new SearchParameters(queryConfig);

        indexManager.ensureIndex();
        assertThat(indexManager.aliasTarget()).isEqualTo(alias + "-v" + indexManager.mappingVersion());
        corpus = RelevanceFixtures.events();
        List<IndexOperation> documents = new ArrayList<>();
        corpus.forEach(event -> documents.add(new IndexOperation.Write(ArticleDocument.of(event))));
        ArticleIndexer.Result result = indexer.index(documents).await().atMost(Duration.ofMinutes(1));
        assertThat(result.indexed()).isEqualTo(corpus.size());
        // Tests only: make the documents searchable now instead of within the refresh interval.
        engine.send("POST", "/" + alias + "/_refresh", null);
    }

    @AfterAll
    void dropTheIndex() throws IOException {
        try {
            if (engine != null) {
                engine.send("DELETE", "/" + indexManager.aliasTarget(), null);
            }
            if (client != null) {
                client.close();
            }
        } finally {
            stopEngine();
        }
    }

    /** Stops an engine the subclass started for these scenarios (after the index is dropped). */
    protected void stopEngine() {
    }

    private String id(String titlePrefix) {
        return corpus.stream().filter(e -> e.title().startsWith(titlePrefix)).findFirst().orElseThrow().articleId();
    }

    private SearchResponse find(String q, String... filters) {
        List<String> sources = new ArrayList<>();
        for (int i = 0; i + 1 < filters.length; i += 2) {
            if (filters[i].equals("sourceName")) {
                sources.add(filters[i + 1]);
            }
        }
        return search.search(parameters.criteria(q, sources, List.of(), null, null, null, "50", null));
    }

    private List<String> ids(String q) {
        return find(q).hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void syntaxStemmingFoldingAndHyphens() {
        assertThat(ids("\"risk management\"")).containsExactly(id("Madagascar"));
        assertThat(ids("tariff -coffee")).containsExactly(id("Tariff Schedule"));
        assertThat(ids("fiji OR iceland")).containsExactlyInAnyOrder(id("Parcel Volumes"), id("Ministers Debate"));
        assertThat(ids("studies")).containsExactlyInAnyOrder(id("Researchers Publish Studies"), id("A Study of Coffee"));
        assertThat(ids("valparaiso")).containsExactly(id("Harbour Authority"));
        assertThat(ids("post-clearance")).contains(id("Harbour Authority"), id("Postclearance Reviews"), id("Port Community"));
        assertThat(ids("postclearance")).contains(id("Harbour Authority"), id("Postclearance Reviews"));
        assertThat(ids("ecommerce")).containsExactlyInAnyOrder(id("Parcel Volumes"), id("Ministers Debate"));
        assertThat(ids("quarantine")).containsExactly(id("Quarantine Checks"), id("Veterinary Staff"));
    }

    @Test
    void typoToleranceAndHighlighting() {
        SearchResponse typo = find("Madagaskar");
        assertThat(typo.fuzzy()).isTrue();
        assertThat(typo.hits()).first().satisfies(hit -> {
            assertThat(hit.id()).isEqualTo(id("Madagascar"));
            assertThat(hit.titleHighlight()).contains("<em>Madagascar</em>");
        });
        assertThat(ids("oficers tiber")).contains(id("Timber Smuggling"), id("Forestry Inspectors"));
    }

    @Test
    void facetsIgnoreTheirOwnFilter() {
        SearchResponse weekly = find(null, "sourceName", RelevanceFixtures.WEEKLY_SOURCE);
        assertThat(weekly.total()).isEqualTo(8);
        assertThat(weekly.facets().sourceName()).extracting(FacetValue::value, FacetValue::count).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(RelevanceFixtures.WEEKLY_SOURCE, 8L),
                org.assertj.core.groups.Tuple.tuple(RelevanceFixtures.MONTHLY_SOURCE, 9L));
        assertThat(weekly.facets().ingestedAt().buckets()).isNotEmpty();
    }

    @Test
    void cursorPagingCoversEveryHitOnce() {
        // relevance: a query matching many articles, with tied scores; date: browsing everything
        for (String[] request : List.of(new String[] {"customs OR trade OR port OR border OR duty", "relevance"},
                new String[] {null, "date"})) {
            SearchResponse first = find(request[0]);
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                SearchResponse page = search.search(
                        parameters.criteria(request[0], List.of(), List.of(), null, null, request[1], "4", cursor));
                page.hits().forEach(hit -> seen.add(hit.id()));
                cursor = page.nextCursor();
            } while (cursor != null);
            assertThat(seen).as(request[1]).doesNotHaveDuplicates().hasSize((int) first.total());
        }
    }

    @Test
    void suggestionsAndRelatedArticles() {
        assertThat(search.suggest("Botsw", 5).suggestions()).first()
                .satisfies(s -> assertThat(s.title()).isEqualTo("Botswana Pilots a Single Window at Tlokweng"));
        assertThat(search.related(id("Timber Smuggling"), 5).hits()).first()
                .satisfies(hit -> assertThat(hit.id()).isEqualTo(id("Forestry Inspectors")));
    }

    @Test
    void aDocumentTheMappingRefusesIsRejectedAlone() {
        String bad = "dddddddddddddddddddddddddddddddd";
        String alias = indexManager.alias();
        // the mapping is strict: a document with an unknown field is refused for good
        ArticleIndexer.Result result = indexer.write("test", List.of(new IndexOperation.Write(ArticleDocument.of(corpus.get(0))),
                new IndexOperation.Delete(bad)), pending -> operation -> List.of(operation.id().equals(bad)
                        ? new BulkAction("index", alias, true, bad, Map.of("id", bad, "unexpected", true), null)
                        : new BulkAction("index", alias, true, operation.id(),
                                ((IndexOperation.Write) operation).document(), null)))
                .await().atMost(Duration.ofMinutes(1));
        assertThat(result.indexed()).isEqualTo(1);
        assertThat(result.rejected()).singleElement()
                .satisfies(refused -> assertThat(refused.errorType()).isEqualTo("strict_dynamic_mapping_exception"));
    }
}
