package org.bulletinsearch.search.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bulletinsearch.search.support.SearchApi.ids;
import static org.bulletinsearch.search.support.SearchApi.search;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.search.support.JudgedCorpus;
import org.bulletinsearch.search.support.SearchApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 through the real pipeline (Kafka, the keyword indexer, the vector filler with the real model, OpenSearch
 * with the k-NN plugin's lucene engine): meaning finds what words miss, filters, phrases and exclusions hold in
 * every mode, fused pages, related articles by vector, and the backfill's progress.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
class HybridSearchIT {

    private static final String HURRICANE = "Cyclone Response: Customs Speeds Relief Consignments in Mozambique";
    private static JudgedCorpus corpus;

    @BeforeEach
    void publishCorpus() {
        if (corpus == null) {
            corpus = JudgedCorpus.published();
            SearchApi.awaitVectors();
        }
    }

    private JsonPath searchCorpus(String mode, String q, Object... more) {
        List<Object> parameters = new ArrayList<>(List.of("q", q, "uploadId", corpus.uploads(), "size", 10, "mode", mode));
        parameters.addAll(Arrays.asList(more));
        return search(parameters.toArray());
    }

    private List<String> titles(JsonPath page) {
        return page.getList("hits.title", String.class);
    }

    @Test
    void aParaphraseFoundByMeaningRanksHighInHybridAndTheAnswerSaysWhichSearchesFoundIt() {
        String q = "hurricane aid let in tax-free";
        JsonPath keyword = searchCorpus("keyword", q);
        JsonPath hybrid = searchCorpus("hybrid", q);
        assertThat(titles(keyword).subList(0, Math.min(3, titles(keyword).size()))).doesNotContain(HURRICANE);
        assertThat(titles(hybrid).subList(0, 3)).contains(HURRICANE);
        assertThat(hybrid.getList("modes", String.class)).contains("semantic");
        assertThat(keyword.getList("modes", String.class)).doesNotContain("semantic");
    }

    @Test
    void hybridIsTheDefaultMode() {
        JsonPath byDefault = given().queryParam("q", "storm-proofing harbours")
                .queryParam("uploadId", new ArrayList<>(corpus.uploads())).get("/search").then().statusCode(200)
                .extract().jsonPath();
        assertThat(byDefault.getList("modes", String.class)).contains("semantic");
        assertThat(ids(byDefault)).isEqualTo(ids(searchCorpus("hybrid", "storm-proofing harbours")));
    }

    @Test
    void exclusionsAndQuotedPhrasesKeepTheirKeywordMeaningInEveryMode() {
        for (String mode : List.of("hybrid", "semantic")) {
            assertThat(titles(searchCorpus(mode, "hurricane aid let in tax-free -Mozambique"))).as(mode)
                    .doesNotContain(HURRICANE).isNotEmpty();
            JsonPath phrase = searchCorpus(mode, "\"Pacific\" protecting harbours against storms");
            assertThat(phrase.getList("hits.id", String.class)).as(mode).isNotEmpty();
            for (String id : ids(phrase)) {
                JsonPath keywordPage = searchCorpus("keyword", "\"Pacific\"", "size", 100);
                assertThat(ids(keywordPage)).as("%s: every hit says Pacific", mode).contains(id);
            }
        }
    }

    @Test
    void filtersRestrictTheVectorSearchToo() {
        List<String> inKenya = ids(search("uploadId", corpus.uploads(), "country", "Kenya", "size", 100));
        JsonPath semantic = searchCorpus("semantic", "trusted traders get faster clearance", "country", "Kenya");
        assertThat(ids(semantic)).isNotEmpty();
        assertThat(inKenya).containsAll(ids(semantic));
        assertThat(semantic.getList("facets.country.value", String.class)).contains("Kenya");
    }

    @Test
    void hybridHitsShowTheFieldsAndHighlightsKeywordHitsShow() {
        for (String q : List.of("customs cooperation", "\"Pacific\" harbours", "custms cooperaton")) {
            Map<String, Map<String, Object>> byKeyword = new HashMap<>();
            for (Map<String, Object> hit : searchCorpus("keyword", q, "size", 50).<Map<String, Object>>getList("hits")) {
                byKeyword.put((String) hit.get("id"), withoutScore(hit));
            }
            List<Map<String, Object>> hybrid = searchCorpus("hybrid", q).getList("hits");
            assertThat(hybrid).as(q).isNotEmpty().allSatisfy(hit -> {
                assertThat((String) hit.get("title")).isNotBlank();
                assertThat((String) hit.get("snippet")).isNotBlank();
                assertThat(hit.get("ingestedAt")).isNotNull();
            });
            List<Map<String, Object>> alsoKeyword = hybrid.stream().filter(hit -> byKeyword.containsKey(hit.get("id")))
                    .map(HybridSearchIT::withoutScore).toList();
            assertThat(alsoKeyword).as(q).isNotEmpty()
                    .allSatisfy(hit -> assertThat(hit).isEqualTo(byKeyword.get(hit.get("id"))));
            assertThat(alsoKeyword).as("%s: words marked", q)
                    .anySatisfy(hit -> assertThat((String) hit.get("snippet")).contains("<em>"));
        }
    }

    private static Map<String, Object> withoutScore(Map<String, Object> hit) {
        Map<String, Object> fields = new HashMap<>(hit);
        fields.remove("score");
        return fields;
    }

    @Test
    void fusedPagesWalkEachArticleOnceUpToTheWindow() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = cursor == null ? searchCorpus("hybrid", "customs cooperation", "size", 7)
                    : searchCorpus("hybrid", "customs cooperation", "size", 7, "cursor", cursor);
            seen.addAll(ids(page));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 20);
        assertThat(cursor).as("the fused list ends").isNull();
        assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
        assertThat(seen.size()).isGreaterThan(7).isLessThanOrEqualTo(100);
    }

    @Test
    void aFusedCursorIsRefusedInKeywordMode() {
        String cursor = searchCorpus("hybrid", "customs cooperation", "size", 2).getString("nextCursor");
        SearchApi.request("q", "customs cooperation", "mode", "keyword", "cursor", cursor).get("/search").then()
                .statusCode(400).contentType("application/problem+json").body("parameter", equalTo("cursor"));
    }

    @Test
    void anUnknownModeIsA400NamingTheParameter() {
        SearchApi.request("q", "customs", "mode", "vibes").get("/search").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("mode"));
    }

    @Test
    void relatedArticlesAreNeighboursByMeaning() {
        JsonPath related = given().get("/search/related/" + corpus.id(HURRICANE) + "?size=10").then().statusCode(200)
                .extract().jsonPath();
        List<String> titles = related.getList("hits.title", String.class);
        assertThat(titles).doesNotContain(HURRICANE);
        // the cyclone relief article's neighbours are about disasters, whatever words they use
        assertThat(titles.stream().filter(t -> t.matches(".*(Disaster|Earthquake|Aid|Relief|Humanitarian|Flood).*")))
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theVectorsProgressNeedsTheKeyAndSaysNoneIsMissing() {
        given().get("/admin/vectors").then().statusCode(401);
        JsonPath status = given().header("X-API-Key", SearchApi.ADMIN_KEY).get("/admin/vectors").then().statusCode(200)
                .extract().jsonPath();
        assertThat(status.getString("state")).isEqualTo("complete");
        assertThat(status.getLong("articles")).isGreaterThanOrEqualTo(corpus.idsByTitle().size());
        assertThat(status.getLong("embeddedSinceStart")).isPositive();
    }
}
