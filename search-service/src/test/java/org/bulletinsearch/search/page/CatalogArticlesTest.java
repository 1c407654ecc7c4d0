package org.bulletinsearch.search.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.search.page.CatalogArticles.CatalogArticle;
import org.bulletinsearch.search.page.CatalogArticles.Corrected;
import org.bulletinsearch.search.page.CatalogArticles.Found;
import org.bulletinsearch.search.page.CatalogArticles.Missing;
import org.bulletinsearch.search.page.CatalogArticles.Sighting;
import org.bulletinsearch.search.page.CatalogArticles.Unavailable;
import org.junit.jupiter.api.Test;

/** The article page's client of the catalog's {@code GET /articles/{id}}, against a stub answering as the catalog does. */
class CatalogArticlesTest {

    private static final String ID = "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a";
    private static final String DETAILS = """
            {"id":"3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a","title":"Harbour pilots extend the night trial",
             "body":"First paragraph.\\n\\nSecond paragraph.","firstSeenAt":"2026-03-02T09:15:00Z",
             "lastSeenAt":"2026-03-09T07:40:00Z","storedAt":"2026-03-02T09:15:01.204Z",
             "entities":{"country":["Chile"],"region":["Americas","South America"],"organization":[],"programme":[],"year":[2026]},
             "supersedes":null,
             "provenance":[{"uploadId":"u-1","sourceName":"coastal.txt","position":4,"ingestedAt":"2026-03-02T09:15:00Z",
                            "recordedAt":"2026-03-02T09:15:01.204Z"}]}
            """;

    private static CatalogArticles client(URI catalog) {
        return new CatalogArticles(TestConfigs.catalog(catalog), TestConfigs.page(URI.create("http://unused")),
                new ObjectMapper());
    }

    @Test
    void readsTheArticleItsEntitiesAndItsProvenance() {
        try (StubServer catalog = new StubServer().answer(200, "application/json", DETAILS, Map.of())) {
            CatalogArticles.Lookup lookup = client(catalog.uri()).find(ID);
            assertThat(catalog.received.get(0).path()).isEqualTo("/articles/" + ID);
            assertThat(lookup).isInstanceOf(Found.class);
            CatalogArticle article = ((Found) lookup).article();
            assertThat(article.title()).isEqualTo("Harbour pilots extend the night trial");
            assertThat(article.body()).isEqualTo("First paragraph.\n\nSecond paragraph.");
            assertThat(article.firstSeenAt()).isEqualTo(Instant.parse("2026-03-02T09:15:00Z"));
            assertThat(article.entities()).containsEntry("country", List.of("Chile")).containsEntry("year", List.of("2026"));
            assertThat(article.supersedes()).isNull();
            assertThat(article.provenance()).containsExactly(
                    new Sighting("u-1", "coastal.txt", 4, Instant.parse("2026-03-02T09:15:00Z")));
            assertThat(article.otherVersions()).as("no story named").isEmpty();
            assertThat(catalog.received).hasSize(1);
        }
    }

    @Test
    void listsTheOtherVersionsOfTheArticlesStoryOrNoneWhenTheStoryCannotBeListed() {
        String other = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
        // The stub gives every request the same answer: one document that is both the article and its story.
        String both = DETAILS.replace("\"supersedes\":null,", "\"supersedes\":null,\"storyId\":\"" + other + "\","
                + "\"articleCount\":2,\"articles\":[{\"id\":\"" + other + "\",\"title\":\"Night pilotage trial goes on\","
                + "\"firstSeenAt\":\"2026-03-01T08:00:00Z\",\"provenance\":[{\"sourceName\":\"digest.txt\"},"
                + "{\"sourceName\":\"weekly.txt\"},{\"sourceName\":\"digest.txt\"}]},"
                + "{\"id\":\"" + ID + "\",\"title\":\"Harbour pilots extend the night trial\",\"provenance\":[]}],");
        try (StubServer catalog = new StubServer().answer(200, "application/json", both, Map.of())) {
            CatalogArticle article = ((Found) client(catalog.uri()).find(ID)).article();
            assertThat(catalog.received).extracting(StubServer.Received::path).containsExactly("/articles/" + ID, "/stories/" + other);
            assertThat(article.otherVersions()).containsExactly(new CatalogArticles.Version(other,
                    "Night pilotage trial goes on", Instant.parse("2026-03-01T08:00:00Z"), List.of("digest.txt", "weekly.txt")));
        }
    }

    @Test
    void aCorrectionNamesTheArticleThatReplacesIt() {
        String correction = "0c7d3a4e9f1b2c5d6e7f8091a2b3c4d5";
        try (StubServer catalog = new StubServer().answer(308, "application/json",
                "{\"id\":\"" + ID + "\",\"supersededBy\":\"" + correction + "\"}", Map.of("Location", "/articles/" + correction))) {
            assertThat(client(catalog.uri()).find(ID)).isEqualTo(new Corrected(correction));
        }
    }

    @Test
    void missingAndFailingAnswersAreTold() {
        try (StubServer catalog = new StubServer().answer(404, "application/problem+json", "{\"status\":404}", Map.of())) {
            assertThat(client(catalog.uri()).find(ID)).isEqualTo(new Missing());
            catalog.answer(503, "application/problem+json", "{\"status\":503}", Map.of());
            assertThat(client(catalog.uri()).find(ID)).isEqualTo(new Unavailable("the catalog answered 503"));
            catalog.answer(200, "application/json", "[1,2]", Map.of());
            assertThat(client(catalog.uri()).find(ID)).isEqualTo(new Unavailable("an answer that is not an article"));
            catalog.answer(200, "application/json", "{not json", Map.of());
            assertThat(client(catalog.uri()).find(ID)).isEqualTo(new Unavailable("an unreadable answer"));
        }
        assertThat(client(URI.create("http://127.0.0.1:1")).find(ID))
                .isEqualTo(new Unavailable("the catalog cannot be reached"));
    }
}
