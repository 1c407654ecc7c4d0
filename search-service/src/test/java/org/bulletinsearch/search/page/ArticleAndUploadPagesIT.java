package org.bulletinsearch.search.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.search.indexing.ReindexConfig;
import org.bulletinsearch.search.page.CatalogArticles.CatalogArticle;
import org.bulletinsearch.search.page.CatalogArticles.Lookup;
import org.bulletinsearch.search.page.CatalogArticles.Sighting;
import org.bulletinsearch.search.page.IngestUploads.Outcome;
import org.bulletinsearch.search.support.RelevanceFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The article and upload pages as HTML. The catalog and the ingest service are stand-ins here (their HTTP
 * clients have tests of their own, {@code CatalogArticlesTest} and {@code IngestUploadsTest}, and the browser
 * test runs them for real); related articles come from the real index.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
class ArticleAndUploadPagesIT {

    private static final Instant SEEN = Instant.parse("2024-10-07T08:30:00Z");

    @Inject
    ReindexConfig reindexConfig;

    @Inject
    PageConfig pageConfig;

    @Inject
    ObjectMapper mapper;

    private RelevanceFixtures corpus;
    private final List<String> uploadedKeys = new CopyOnWriteArrayList<>();
    private final List<String> uploadedFiles = new CopyOnWriteArrayList<>();

    @BeforeEach
    void publishCorpus() {
        corpus = RelevanceFixtures.published();
    }

    private void catalogAnswers(Function<String, Lookup> answers) {
        QuarkusMock.installMockForType(new CatalogArticles(reindexConfig, pageConfig, mapper) {
            @Override
            public Lookup find(String id) {
                return answers.apply(id);
            }
        }, CatalogArticles.class);
    }

    private void ingestAnswers(Outcome outcome) {
        QuarkusMock.installMockForType(new IngestUploads(pageConfig, mapper) {
            @Override
            public Outcome upload(String key, List<FilePart> files) {
                uploadedKeys.add(key);
                files.forEach(file -> {
                    try {
                        uploadedFiles.add(file.fileName() + ":" + Files.readString(file.file()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                return outcome;
            }
        }, IngestUploads.class);
    }

    private CatalogArticle madagascar(String id) {
        return new CatalogArticle(id, "Madagascar Customs Modernises Cargo Scanning",
                "New container scanners <b>at the port</b> of Toamasina.\n\nA second paragraph.", SEEN,
                Map.of("country", List.of("Madagascar"), "region", List.of("Africa", "Eastern Africa")), null,
                List.of(new Sighting("upload-1", "weekly.txt", 1, SEEN),
                        new Sighting("upload-2", "weekly again.txt", 3, SEEN.plusSeconds(86_400))),
                List.of(new CatalogArticles.Version("0a1b2c3d4e5f60718293a4b5c6d7e8f9", "Toamasina gets new cargo scanners",
                        SEEN.plusSeconds(3_600), List.of("island-digest.txt"))));
    }

    @Test
    void anArticlePageShowsTheFullTextWhereItCameFromAndRelatedArticles() {
        String id = corpus.id("Madagascar");
        catalogAnswers(asked -> new CatalogArticles.Found(madagascar(asked)));
        Response response = given().get("/articles/" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Content-Security-Policy")).startsWith("default-src 'self'");
        Document page = Jsoup.parse(response.asString());

        assertThat(page.select("main article h1").text()).isEqualTo("Madagascar Customs Modernises Cargo Scanning");
        assertThat(page.select("main article > p:not(.meta)").eachText()).containsExactly(
                "New container scanners <b>at the port</b> of Toamasina.", "A second paragraph.");
        assertThat(page.select("main article b")).isEmpty();
        assertThat(page.select("main article .meta time").attr("datetime")).isEqualTo("2024-10-07T08:30:00Z");
        assertThat(page.select(".entities a").eachAttr("href"))
                .containsExactly("/?country=Madagascar", "/?region=Africa", "/?region=Eastern+Africa");

        List<String> rows = page.select("table tbody tr").eachText();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("weekly.txt 1 upload-1 7 Oct 2024, 08:30 UTC");
        assertThat(page.select("table tbody tr a").eachAttr("href")).contains("/?source=weekly+again.txt");

        assertThat(page.select("ul.versions li").eachText())
                .containsExactly("Toamasina gets new cargo scanners island-digest.txt · 7 Oct 2024, 09:30 UTC");
        assertThat(page.select("ul.versions a").eachAttr("href")).containsExactly("/articles/0a1b2c3d4e5f60718293a4b5c6d7e8f9");

        List<String> related = page.select("section.related li.hit h3 a").eachAttr("href");
        assertThat(related).isNotEmpty().doesNotContain("/articles/" + id).allMatch(href -> href.startsWith("/articles/"));
        assertThat(page.title()).isEqualTo("Madagascar Customs Modernises Cargo Scanning · Bulletin Search");
    }

    @Test
    void aCorrectedArticleSendsTheReaderOnToItsCorrection() {
        String correction = "0c7d3a4e9f1b2c5d6e7f8091a2b3c4d5";
        catalogAnswers(asked -> new CatalogArticles.Corrected(correction));
        Response response = given().redirects().follow(false).get("/articles/" + corpus.id("Madagascar"));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/articles/" + correction);
    }

    @Test
    void aMissingArticleOrACatalogThatIsDownIsAPageThatSaysSo() {
        catalogAnswers(asked -> new CatalogArticles.Missing());
        Response missing = given().get("/articles/0123456789abcdef0123456789abcdef");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("text/html");
        assertThat(Jsoup.parse(missing.asString()).select("main h1").text()).isEqualTo("Article not found");

        Response malformed = given().get("/articles/NOT-AN-ID");
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(malformed.contentType()).startsWith("text/html");

        catalogAnswers(asked -> new CatalogArticles.Unavailable("the catalog cannot be reached"));
        Response down = given().get("/articles/0123456789abcdef0123456789abcdef");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(Jsoup.parse(down.asString()).select("main p.error").text())
                .isEqualTo("The catalog cannot answer right now (the catalog cannot be reached). Try again in a few seconds.");
    }

    @Test
    void theUploadFormAsksForTheKeyAndFiles() {
        Document page = Jsoup.parse(given().get("/upload").asString());
        var form = page.selectFirst("main form.upload");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/upload");
        assertThat(form.attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(page.select("label[for=key]").text()).isEqualTo("Upload key");
        assertThat(page.select("input#key").attr("type")).isEqualTo("password");
        assertThat(page.select("label[for=files]").text()).isEqualTo("Bulletin files");
        assertThat(page.select("input#files").attr("name")).isEqualTo("file");
        assertThat(page.select("input#files").hasAttr("multiple")).isTrue();
    }

    @Test
    void anUploadShowsTheReportOfTheIngestService() {
        ingestAnswers(new IngestUploads.Accepted(new IngestUploads.Report("u-42", 2, 1,
                List.of(new IngestUploads.SourceCount("harbour.txt", 2)),
                List.of(new IngestUploads.ReportArticle("0123456789abcdef0123456789abcdef", "Pilots <extend> the trial", 1,
                                "harbour.txt", false),
                        new IngestUploads.ReportArticle("fedcba9876543210fedcba9876543210", "Known one", 2, "harbour.txt",
                                true)))));
        Response response = given().multiPart("key", "secret-key")
                .multiPart("file", "harbour.txt", "Title\n\nBody.\n".getBytes(), "text/plain").post("/upload");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(uploadedKeys).containsExactly("secret-key");
        assertThat(uploadedFiles).containsExactly("harbour.txt:Title\n\nBody.\n");
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("#report-heading").text()).isEqualTo("Uploaded: 2 articles: 1 new, 1 already known");
        assertThat(page.select(".report code").text()).isEqualTo("u-42");
        List<String> rows = page.select(".report table").get(1).select("tbody tr").eachText();
        assertThat(rows).containsExactly("harbour.txt 1 Pilots <extend> the trial new", "harbour.txt 2 Known one already known");
        assertThat(page.select(".report a").eachAttr("href")).contains("/articles/0123456789abcdef0123456789abcdef");
        assertThat(response.asString()).doesNotContain("secret-key");
    }

    @Test
    void aRefusedUploadNamesTheFileLineAndReason() {
        ingestAnswers(new IngestUploads.Refused(400, "Bulletin cannot be read",
                "the title on line 7 has no body: line 11 starts the next article", "title-without-body", 7, "bad.txt"));
        Response response = given().multiPart("key", "k")
                .multiPart("file", "bad.txt", "x".getBytes(), "text/plain").post("/upload");
        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("#refusal-heading").text()).isEqualTo("Upload refused");
        assertThat(page.select(".refusal p.error").text())
                .isEqualTo("The title on line 7 has no body: line 11 starts the next article. Nothing was uploaded.");
        assertThat(page.select(".refusal p").last().text()).isEqualTo("Where: bad.txt, line 7 (title-without-body)");
    }

    @Test
    void anUploadWithoutKeyIsNotForwarded() {
        ingestAnswers(new IngestUploads.Unreachable("must not be asked"));
        Response response = given().multiPart("file", "a.txt", "x".getBytes(), "text/plain").post("/upload");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.asString()).select("#refusal-heading").text()).isEqualTo("Key missing");
        assertThat(uploadedKeys).isEmpty();
    }
}
