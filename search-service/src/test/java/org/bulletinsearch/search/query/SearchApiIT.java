package org.bulletinsearch.search.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bulletinsearch.search.support.SearchApi.ids;
import static org.bulletinsearch.search.support.SearchApi.search;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.indexing.IndexManager;
import org.bulletinsearch.search.support.Bulletin;
import org.bulletinsearch.search.support.RelevanceFixtures;
import org.bulletinsearch.search.support.SearchApi;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search API over the team's test bulletins, produced to Kafka like ingest does and indexed by
 * the service into the real engine. Text searches are restricted to the corpus' uploads, since other
 * test classes share the index.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
class SearchApiIT {

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for",
            "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there",
            "these", "they", "this", "to", "was", "will", "with");

    @Inject
    SearchEngine engine;

    @Inject
    IndexManager indexes;

    private RelevanceFixtures corpus;

    @BeforeEach
    void publishCorpus() {
        corpus = RelevanceFixtures.published();
    }

    private JsonPath searchCorpus(String q, Object... more) {
        List<Object> parameters = new ArrayList<>(List.of("q", q, "uploadId", corpus.uploads(), "size", 50));
        parameters.addAll(Arrays.asList(more));
        return search(parameters.toArray());
    }

    private List<String> found(String q) {
        return ids(searchCorpus(q));
    }

    private String id(String titlePrefix) {
        return corpus.id(titlePrefix);
    }

    /** A few words of the body a reader might search for: the longest, and two more, none of them stop words. */
    static List<String> bodyWords(String body) {
        List<String> words = Arrays.stream(body.split("\\s+"))
                .map(w -> w.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", ""))
                .filter(w -> w.length() >= 4 && w.chars().allMatch(Character::isLetter))
                .filter(w -> !STOP_WORDS.contains(w.toLowerCase()))
                .distinct().toList();
        List<String> chosen = new ArrayList<>();
        words.stream().max(Comparator.comparingInt(String::length)).ifPresent(chosen::add);
        if (!words.isEmpty()) {
            chosen.add(words.get(0));
            chosen.add(words.get(words.size() - 1));
        }
        return chosen.stream().distinct().toList();
    }

    @Test
    void everyArticleIsFoundByItsTitleAndByWordsOfItsBody() {
        for (ArticleEvent article : corpus.all()) {
            assertThat(found(article.title())).as("title search: %s", article.title()).first().isEqualTo(article.articleId());
            for (String word : bodyWords(article.body())) {
                assertThat(found(word)).as("body word '%s' of %s", word, article.title()).contains(article.articleId());
            }
        }
    }

    @Test
    void quotedPhrasesMatchOnlyTheWordsInThatOrder() {
        assertThat(found("\"risk management\"")).containsExactly(id("Madagascar"));
        assertThat(found("\"management risk\"")).isEmpty();
        assertThat(found("management risk")).first().isEqualTo(id("Madagascar"));
    }

    @Test
    void aQuotedTitleWithHyphenatedWordsFindsItsArticle() {
        assertThat(found("\"Harbour Authority Expands Post-Clearance Audit Unit\""))
                .containsExactly(id("Harbour Authority"));
        assertThat(found("\"Parcel Volumes From E-Commerce Strain Airport Mail Centres\""))
                .containsExactly(id("Parcel Volumes"));
        assertThat(found("\"e-commerce platforms\"")).containsExactly(id("Parcel Volumes"));
    }

    @Test
    void minusExcludesAWord() {
        assertThat(found("tariffs")).containsExactlyInAnyOrder(id("Tariff Schedule"), id("A Study of Coffee"));
        assertThat(found("tariff -coffee")).containsExactly(id("Tariff Schedule"));
        assertThat(found("tariff -\"coffee tariffs\"")).containsExactly(id("Tariff Schedule"));
    }

    @Test
    void orFindsEitherAndBindsTighterThanTheImplicitAnd() {
        assertThat(found("fiji OR iceland")).containsExactlyInAnyOrder(id("Parcel Volumes"), id("Ministers Debate"));
        assertThat(found("fiji | iceland")).containsExactlyInAnyOrder(id("Parcel Volumes"), id("Ministers Debate"));
        // both words are preferred; without an article having both, either one is enough, and the answer says so
        JsonPath neither = searchCorpus("fiji iceland");
        assertThat(ids(neither)).containsExactlyInAnyOrder(id("Parcel Volumes"), id("Ministers Debate"));
        assertThat(neither.getBoolean("relaxed")).isTrue();
        assertThat(found("airport fiji OR iceland")).first().isEqualTo(id("Parcel Volumes"));
    }

    @Test
    void englishStemmingMatchesOtherFormsOfAWord() {
        List<String> studies = List.of(id("Researchers Publish Studies"), id("A Study of Coffee"));
        assertThat(found("study")).containsExactlyInAnyOrderElementsOf(studies);
        assertThat(found("studies")).containsExactlyInAnyOrderElementsOf(studies);
        assertThat(found("intercepting")).containsExactly(id("Timber Smuggling"));
    }

    @Test
    void caseAccentsAndPossessivesAreFolded() {
        assertThat(found("valparaiso")).containsExactly(id("Harbour Authority"));
        assertThat(found("VALPARAÍSO")).containsExactly(id("Harbour Authority"));
        assertThat(found("cafe cote d'ivoire")).first().isEqualTo(id("Café Exporters"));
        assertThat(found("agency")).containsExactly(id("The Agency's Annual Report"));
        assertThat(found("agency's report")).first().isEqualTo(id("The Agency's Annual Report"));
    }

    @Test
    void hyphenatedWordsMatchWithOrWithoutTheHyphen() {
        String hyphenated = id("Harbour Authority"); // "post-clearance"
        String joined = id("Postclearance Reviews"); // "postclearance"
        String spaced = id("Port Community System"); // "post clearance"
        assertThat(found("post-clearance")).contains(hyphenated, joined, spaced);
        assertThat(found("post clearance")).contains(hyphenated, spaced);
        assertThat(found("postclearance")).contains(hyphenated, joined);
        assertThat(found("\"post clearance\"")).contains(hyphenated, spaced);

        String eCommerce = id("Parcel Volumes"); // "E-Commerce", "e-commerce"
        String ecommerce = id("Ministers Debate"); // "Ecommerce", "ecommerce"
        assertThat(found("e-commerce")).containsExactlyInAnyOrder(eCommerce, ecommerce);
        assertThat(found("ecommerce")).containsExactlyInAnyOrder(eCommerce, ecommerce);
        assertThat(found("E-COMMERCE")).containsExactlyInAnyOrder(eCommerce, ecommerce);
        assertThat(found("e commerce")).contains(eCommerce);
    }

    @Test
    void typosAreToleratedWhenTheExactQueryFindsNothing() {
        JsonPath exact = searchCorpus("madagascar");
        assertThat(exact.getBoolean("fuzzy")).isFalse();
        assertThat(ids(exact)).containsExactly(id("Madagascar"));

        JsonPath typo = searchCorpus("Madagaskar");
        assertThat(typo.getBoolean("fuzzy")).isTrue();
        assertThat(ids(typo)).first().isEqualTo(id("Madagascar"));
        assertThat(typo.getString("hits[0].titleHighlight")).contains("<em>Madagascar</em>");

        assertThat(found("Botswanna")).contains(id("Botswana Pilots"));
        // an inflected word with a typo: loosened through its stem ("oficers" -> "ofic", one edit from "offic")
        assertThat(found("oficers tiber")).contains(id("Timber Smuggling"), id("Forestry Inspectors"));
        // exclusions stay exact and nothing unrelated comes back
        assertThat(found("qwxzvbn")).isEmpty();
    }

    @Test
    void titleIsWeightedAboveBody() {
        assertThat(found("quarantine")).containsExactly(id("Quarantine Checks"), id("Veterinary Staff"));
    }

    @Test
    void hitsCarryAHighlightedSnippetAndScore() {
        JsonPath page = searchCorpus("scanners");
        assertThat(page.getLong("total")).isEqualTo(1);
        Map<String, Object> hit = page.getMap("hits[0]");
        assertThat(hit.get("id")).isEqualTo(id("Madagascar"));
        assertThat(hit.get("title")).isEqualTo("Madagascar Customs Modernises Cargo Scanning");
        assertThat((String) hit.get("snippet")).contains("<em>scanners</em>");
        assertThat(((Number) hit.get("score")).floatValue()).isPositive();
        assertThat(hit).containsEntry("sourceName", corpus.weeklySource).containsEntry("uploadId", corpus.weeklyUpload)
                .containsEntry("position", 1).containsEntry("ingestedAt", "2024-10-07T08:30:00Z");
    }

    @Test
    void titlesAndSnippetsAreEscapedHtml() {
        JsonPath page = searchCorpus("corridors");
        assertThat(page.getString("hits[0].title")).isEqualTo("Trade & Transit Corridors <Phase 2> Launched");
        assertThat(page.getString("hits[0].titleHighlight"))
                .contains("&amp;").contains("&lt;Phase 2&gt;").contains("<em>Corridors</em>").doesNotContain("<Phase");
        assertThat(page.getString("hits[0].snippet")).contains("&lt;annex&gt;").doesNotContain("<annex>");
    }

    @Test
    void filtersNarrowTheHitsAndEachFacetIgnoresItsOwnFilter() {
        JsonPath all = search("uploadId", corpus.uploads(), "size", 0);
        assertThat(all.getLong("total")).isEqualTo(17);
        assertThat(facet(all, "sourceName")).containsExactlyInAnyOrderEntriesOf(
                Map.of(corpus.weeklySource, 8L, corpus.monthlySource, 9L));

        JsonPath weekly = search("uploadId", corpus.uploads(), "sourceName", corpus.weeklySource, "size", 50);
        assertThat(weekly.getLong("total")).isEqualTo(8);
        assertThat(weekly.getList("hits.sourceName", String.class)).containsOnly(corpus.weeklySource);
        // the source facet still offers the other source, with its own count
        assertThat(facet(weekly, "sourceName")).containsExactlyInAnyOrderEntriesOf(
                Map.of(corpus.weeklySource, 8L, corpus.monthlySource, 9L));
        // the upload facet applies the source filter (and ignores the upload filter)
        assertThat(facet(weekly, "uploadId")).containsExactlyEntriesOf(Map.of(corpus.weeklyUpload, 8L));

        JsonPath november = search("uploadId", corpus.uploads(), "from", "2024-11-01", "size", 0);
        assertThat(november.getLong("total")).isEqualTo(9);
        List<Integer> buckets = november.getList("facets.ingestedAt.buckets.count", Integer.class);
        assertThat(buckets.stream().mapToInt(Integer::intValue).sum()).as("time facet ignores the time filter").isEqualTo(17);

        assertThat(search("uploadId", corpus.uploads(), "to", "2024-10-07", "size", 0).getLong("total")).isEqualTo(8);
        assertThat(search("uploadId", corpus.uploads(), "from", "2024-10-07T08:30:01Z", "to", "2024-11-04T09:00:00Z",
                "size", 0).getLong("total")).isEqualTo(9);

        JsonPath customs = search("q", "customs", "sourceName", corpus.monthlySource, "size", 50);
        assertThat(ids(customs)).containsExactly(id("Forestry Inspectors"));
        assertThat(facet(customs, "sourceName")).containsEntry(corpus.weeklySource, 2L);
    }

    private static Map<String, Long> facet(JsonPath page, String name) {
        List<Map<String, Object>> values = page.getList("facets." + name);
        return values.stream().collect(Collectors.toMap(v -> (String) v.get("value"), v -> ((Number) v.get("count")).longValue()));
    }

    @Test
    void dateSortPutsTheNewestUploadFirst() {
        JsonPath page = search("uploadId", corpus.uploads(), "sort", "date", "size", 17);
        List<String> sources = page.getList("hits.sourceName", String.class);
        assertThat(sources.subList(0, 9)).containsOnly(corpus.monthlySource);
        assertThat(sources.subList(9, 17)).containsOnly(corpus.weeklySource);
        assertThat(page.getString("nextCursor")).isNull();
        // browsing without q sorts by date by default
        assertThat(search("uploadId", corpus.uploads(), "size", 1).getString("hits[0].sourceName")).isEqualTo(corpus.monthlySource);
    }

    @Test
    void suggestsTitlesAsTheUserTypes() {
        String botswana = "Botswana Pilots a Single Window at Tlokweng";
        assertThat(suggestions("Botsw")).contains(botswana);
        assertThat(suggestions("botswana pil")).first().isEqualTo(botswana);
        assertThat(suggestions("Harbour Authority Exp")).first().isEqualTo("Harbour Authority Expands Post-Clearance Audit Unit");
        assertThat(suggestions("")).isEmpty();
        assertThat(suggestions("zzqqxx")).isEmpty();
        Map<String, Object> first = given().queryParam("q", "botswana pil").get("/search/suggest")
                .then().statusCode(200).extract().jsonPath().getMap("suggestions[0]");
        assertThat(first).containsEntry("id", id("Botswana Pilots"));
    }

    private static List<String> suggestions(String prefix) {
        return given().queryParam("q", prefix).get("/search/suggest").then().statusCode(200).extract().jsonPath()
                .getList("suggestions.title", String.class);
    }

    @Test
    void relatedArticlesAreTheMostSimilarOnesWithoutTheArticleItself() {
        String smuggling = id("Timber Smuggling");
        JsonPath related = given().get("/search/related/" + smuggling).then().statusCode(200).extract().jsonPath();
        assertThat(related.getString("id")).isEqualTo(smuggling);
        assertThat(related.getList("hits.id", String.class)).first().isEqualTo(id("Forestry Inspectors"));
        assertThat(related.getList("hits.id", String.class)).doesNotContain(smuggling);
    }

    /**
     * The words that make articles related are the words a reader would search for, not the index's whole
     * whitespace tokens: one that shares three words with the article, each at a sentence's end as in the article
     * ("Qorvath."), is less related than one that shares five of its words. The related-articles query is asked
     * of the engine alone, as the service builds it: the page also fuses in the nearest vectors, whose order for
     * made-up words no test can foretell.
     */
    @Test
    void relatedArticlesAreChosenByTheirWordsNotByThePunctuationAfterThem() {
        String upload = "related-" + UUID.randomUUID();
        List<ArticleEvent> events = new Bulletin("related-words.txt", List.of(
                new Bulletin.Article("Zarnee Ulpath", "Talks ended in Qorvath. Envoys met Brimble. Crews sailed to"
                        + " Vantoor. Tolvane and Esquith signed"),
                new Bulletin.Article("Morvane Istel", "Fog closed Qorvath. Nobody heard from Brimble. Boats stayed at"
                        + " Vantoor."),
                new Bulletin.Article("Pelgrath Oundle", "Qorvath backs Brimble on Vantoor while Tolvane joins Esquith")))
                .events("related-words.txt", upload, Instant.parse("2024-08-01T00:00:00Z"));
        ArticlesTopic.publish(events);
        SearchApi.awaitIndexed(upload, events.size());

        String article = events.get(0).articleId();
        JsonNode hits = engine.send("POST", "/" + indexes.alias() + "/_search",
                new SearchQueryBuilder(20).related(indexes.alias(), article, 5, "20%", 0)).path("hits").path("hits");
        assertThat(hits.path(0).path("_source").path("id").asText()).as("first related article")
                .isEqualTo(events.get(2).articleId());
        assertThat(hits.path(1).path("_source").path("id").asText()).as("second related article")
                .isEqualTo(events.get(1).articleId());
    }
}
