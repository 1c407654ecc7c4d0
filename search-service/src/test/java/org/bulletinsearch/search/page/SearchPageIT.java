package org.bulletinsearch.search.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.search.support.RelevanceFixtures;
import org.bulletinsearch.search.support.SearchApi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search page as HTML: what the service answers to a browser, read with Jsoup, over the team's test
 * bulletins indexed into the real engine (the same corpus as the API tests, restricted to its own source files
 * since other test classes share the index). The browser itself is in system-tests ({@code SearchPageBrowserIT}).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
class SearchPageIT {

    private RelevanceFixtures corpus;

    @BeforeEach
    void publishCorpus() {
        corpus = RelevanceFixtures.published();
    }

    private static Response get(String path, Object... parameters) {
        return SearchApi.request(parameters).get(path);
    }

    private static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }

    /** A page of the corpus only: both its source files ticked. */
    private Document corpusPage(int status, Object... more) {
        List<Object> parameters = new ArrayList<>(List.of("source", List.of(corpus.weeklySource, corpus.monthlySource)));
        parameters.addAll(List.of(more));
        Response response = get("/", parameters.toArray());
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        return html(response);
    }

    private static List<String> hitTitles(Document page) {
        return page.select("#results ol.hits li.hit h3 a").eachText();
    }

    @Test
    void theSearchPageHasLandmarksALabelledGetFormAndNoInlineScriptOrStyle() {
        Response response = get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        Document page = html(response);

        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("header")).hasSize(1);
        assertThat(page.select("main#main")).hasSize(1);
        assertThat(page.select("nav[aria-label=Site] a").eachAttr("href")).containsExactly("/", "/upload");
        assertThat(page.select("nav#filters")).hasSize(1);
        assertThat(page.select("#results").attr("aria-live")).isEqualTo("polite");
        assertThat(page.select("#announce").attr("role")).isEqualTo("status");

        Element form = page.selectFirst("form#search");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.attr("action")).isEqualTo("/");
        assertThat(form.attr("role")).isEqualTo("search");
        assertThat(page.select("label[for=q]").text()).isEqualTo("Search the bulletins");
        assertThat(page.select("input#q").attr("name")).isEqualTo("q");
        assertThat(page.select("input#q").attr("hx-get")).isEqualTo("/suggestions");

        // Content-Security-Policy default-src 'self': nothing inline, nothing from elsewhere
        assertThat(page.select("script").eachAttr("src")).satisfiesExactly(
                htmx -> assertThat(htmx).startsWith("/webjars/htmx.org/2.").endsWith("/htmx.min.js"),
                own -> assertThat(own).isEqualTo("/assets/page.js"));
        assertThat(page.select("script")).allSatisfy(script -> assertThat(script.data()).isEmpty());
        assertThat(page.select("style")).isEmpty();
        assertThat(page.select("[style]")).isEmpty();
        assertThat(page.select("[onclick], [onload], [onchange], [hx-on]")).isEmpty();
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).containsExactly("/assets/page.css");
        assertThat(page.select("[src], [href]").eachAttr("src")).allMatch(url -> url.startsWith("/"));
        assertThat(page.select("meta[name=htmx-config]").attr("content")).contains("\"includeIndicatorStyles\":false");
    }

    @Test
    void everyPageAnswerCarriesTheContentSecurityPolicy() {
        for (Response response : List.of(get("/"), get("/", "q", "customs"), get("/", "cursor", "forged"),
                get("/suggestions", "q", "bots"), get("/upload"), get("/articles/not-an-id"))) {
            assertThat(response.header("Content-Security-Policy")).isEqualTo(
                    "default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Vary")).contains("HX-Request");
        }
    }

    @Test
    void htmxTheScriptAndTheStyleSheetComeFromThisServiceCompressed() throws Exception {
        String script = html(get("/")).select("script").attr("src");
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of(script, "/assets/page.css", "/assets/page.js", "/")) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
        }
        assertThat(get(script).contentType()).contains("javascript");
        assertThat(get(script).asString()).contains("htmx");
    }

    private static String baseUrl() {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
    }

    @Test
    void aQueryShowsHighlightedTitlesAndSnippetsWithSourceAndDate() {
        Document page = corpusPage(200, "q", "madagascar");
        Element hit = page.selectFirst("#results li.hit");
        assertThat(hit.select("h3 a").text()).isEqualTo("Madagascar Customs Modernises Cargo Scanning");
        assertThat(hit.select("h3 a").attr("href")).isEqualTo("/articles/" + corpus.id("Madagascar"));
        assertThat(hit.select("h3 em").eachText()).contains("Madagascar");
        assertThat(hit.select("p.snippet em").eachText()).contains("Madagascar");
        assertThat(hit.select("p.meta a").text()).isEqualTo(corpus.weeklySource);
        assertThat(hit.select("p.meta a").attr("href")).isEqualTo("/?source=" + corpus.weeklySource);
        assertThat(hit.select("time").attr("datetime")).isEqualTo("2024-10-07");
        assertThat(hit.select("time").text()).isEqualTo("7 Oct 2024");
        assertThat(page.select("#results-heading").text()).startsWith("Results 1–");
        assertThat(page.select("input#q").val()).isEqualTo("madagascar");
        assertThat(page.title()).isEqualTo("madagascar – Search · Bulletin Search");
    }

    @Test
    void whatTheUserTypedIsShownAsTextNeverAsMarkup() {
        String attack = "<script>alert(1)</script>";
        Response response = get("/", "q", attack);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asString()).doesNotContain(attack).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Document page = html(response);
        assertThat(page.select("input#q").val()).isEqualTo(attack);
        assertThat(page.title()).startsWith(attack);
        assertThat(page.select("script")).hasSize(2);
        assertThat(page.select("script").eachAttr("src")).allMatch(src -> src.startsWith("/webjars/") || src.startsWith("/assets/"));

        String quote = "\"><img src=x onerror=alert(1)>";
        Document quoted = html(get("/", "q", quote, "country", quote));
        assertThat(quoted.select("img")).isEmpty();
        assertThat(quoted.select("input#q").val()).isEqualTo(quote);
    }

    @Test
    void anArticlesOwnMarkupIsTextAndOnlyTheHighlightsAreElements() {
        Document page = corpusPage(200, "q", "corridors");
        Element title = page.select("#results li.hit h3 a").stream()
                .filter(a -> a.text().startsWith("Trade & Transit")).findFirst().orElseThrow();
        assertThat(title.text()).isEqualTo("Trade & Transit Corridors <Phase 2> Launched");
        assertThat(title.select("*").not("a")).allSatisfy(element -> assertThat(element.tagName()).isEqualTo("em"));
        assertThat(page.select("phase, annex")).isEmpty();
    }

    @Test
    void facetsAreCheckboxesWithCountsAndSeveralValuesOfOneFacetFindAnyOfThem() {
        Document weekly = html(get("/", "source", corpus.weeklySource));
        List<String> weeklyTitles = hitTitles(weekly);
        assertThat(weekly.select("#results-heading").text()).isEqualTo("Results 1–" + weeklyTitles.size() + " of "
                + corpus.weekly.size());
        Element monthlyBox = weekly.selectFirst("input[name=source][value=" + corpus.monthlySource + "]");
        assertThat(monthlyBox.attr("type")).isEqualTo("checkbox");
        assertThat(monthlyBox.attr("form")).isEqualTo("search");
        assertThat(monthlyBox.hasAttr("checked")).isFalse();
        assertThat(monthlyBox.parent().select(".count").text()).isEqualTo(Integer.toString(corpus.monthly.size()));
        assertThat(weekly.select("input[name=source][value=" + corpus.weeklySource + "]").hasAttr("checked")).isTrue();

        Document both = corpusPage(200);
        assertThat(both.select("#results-heading").text()).endsWith(" of " + corpus.all().size());
        assertThat(both.select("input[name=source][checked]")).hasSize(2);
        List<String> legends = both.select("#filters legend").eachText();
        assertThat(legends).contains("Country", "Region", "Source file");

        Document countries = corpusPage(200, "country", List.of("Botswana", "Fiji"));
        assertThat(countries.select("input[name=country][checked]").eachAttr("value")).containsExactly("Botswana", "Fiji");
        assertThat(hitTitles(countries)).contains("Botswana Pilots a Single Window at Tlokweng",
                "Parcel Volumes From E-Commerce Strain Airport Mail Centres").hasSizeLessThan(corpus.all().size());
    }

    @Test
    void eachPageOfResultsHasItsOwnUrlFollowingTheCursor() {
        Document first = corpusPage(200);
        assertThat(first.select("#results-heading").text()).isEqualTo("Results 1–10 of " + corpus.all().size());
        assertThat(first.select("a[rel=first]")).isEmpty();
        String next = first.select("a[rel=next]").attr("href");
        assertThat(next).startsWith("/?source=").contains("&cursor=").endsWith("&start=10");

        Response secondAnswer = given().urlEncodingEnabled(false).get(next);
        assertThat(secondAnswer.statusCode()).isEqualTo(200);
        Document second = html(secondAnswer);
        assertThat(second.select("#results-heading").text()).isEqualTo("Results 11–" + corpus.all().size() + " of "
                + corpus.all().size());
        assertThat(second.select("ol.hits").attr("start")).isEqualTo("11");
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(second.select("a[rel=first]").attr("href")).doesNotContain("cursor");

        Set<String> all = new HashSet<>(first.select("li.hit h3 a").eachAttr("href"));
        all.addAll(second.select("li.hit h3 a").eachAttr("href"));
        assertThat(all).hasSize(corpus.all().size());
    }

    @Test
    void htmxGetsOnlyTheMainPartButAWholePageWhenRestoringHistory() {
        String partial = given().header("HX-Request", "true").queryParam("q", "botswana").get("/").asString();
        assertThat(partial).startsWith("<title>botswana – Search · Bulletin Search</title>").doesNotContain("<html")
                .doesNotContain("<header");
        Document fragment = Jsoup.parseBodyFragment(partial);
        assertThat(fragment.select("form#search")).hasSize(1);
        assertThat(fragment.select("#announce").attr("hx-swap-oob")).isEqualTo("innerHTML");
        assertThat(fragment.select("#announce").text()).endsWith("found");

        String restored = given().header("HX-Request", "true").header("HX-History-Restore-Request", "true")
                .queryParam("q", "botswana").get("/").asString();
        assertThat(restored).startsWith("<!DOCTYPE html>").contains("<header");
    }

    @Test
    void suggestionsAreLinksToASearchForTheTitle() {
        Response response = get("/suggestions", "q", "Botsw");
        assertThat(response.statusCode()).isEqualTo(200);
        Document list = html(response);
        Element link = list.select("ul#suggestions li a").stream()
                .filter(a -> a.text().equals("Botswana Pilots a Single Window at Tlokweng")).findFirst().orElseThrow();
        assertThat(link.attr("href")).isEqualTo("/?q=Botswana+Pilots+a+Single+Window+at+Tlokweng");
        assertThat(html(get("/suggestions", "q", "")).select("ul#suggestions li")).isEmpty();
        assertThat(html(get("/suggestions", "q", "x".repeat(500))).select("ul#suggestions li")).isEmpty();
    }

    @Test
    void aSearchTheApiWouldRefuseIsExplainedOnThePageWithItsStatus() {
        Response response = get("/", "q", "tariff", "cursor", "forged");
        assertThat(response.statusCode()).isEqualTo(400);
        Document page = html(response);
        assertThat(page.select("#results p.error").text()).startsWith("The search could not run: malformed cursor");
        assertThat(page.select("input#q").val()).isEqualTo("tariff");
        assertThat(page.select("a[rel=first]").attr("href")).isEqualTo("/?q=tariff");

        Response tooLong = get("/", "q", "word ".repeat(70));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(html(tooLong).select("p.error").text()).contains("at most 64");
    }
}
