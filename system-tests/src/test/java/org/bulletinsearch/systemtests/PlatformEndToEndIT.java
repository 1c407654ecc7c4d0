package org.bulletinsearch.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.Map;
import org.bulletinsearch.platform.BulletinGenerator;
import org.bulletinsearch.platform.Platform;
import org.bulletinsearch.platform.Service;
import org.bulletinsearch.platform.client.JsonHttp;
import org.bulletinsearch.platform.client.JsonHttp.Reply;
import org.bulletinsearch.platform.client.PlatformClient;
import org.bulletinsearch.platform.client.Upload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged platform end to end: real Kafka, PostgreSQL and OpenSearch processes, the three
 * services run from their {@code quarkus-run.jar}, and nothing but HTTP between this test and them.
 * The tests build on each other (counts carry over), hence the order; the platform is {@link SharedPlatform}'s,
 * fresh when this class starts (it runs first).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.class)
@Order(1)
class PlatformEndToEndIT {

    private static final Duration CONSUMED = Duration.ofMinutes(3);

    private static Platform platform;
    private static PlatformClient api;
    private static List<Path> bulletins;
    /** Every article uploaded so far: id -> title. */
    private static final Map<String, String> uploaded = new LinkedHashMap<>();

    @BeforeAll
    static void startPlatform(SharedPlatform.Running running) {
        platform = running.platform();
        api = running.client();
        bulletins = SharedPlatform.bulletins();
        assertThat(bulletins).as("sample bulletins in samples/").isNotEmpty();
    }

    @Test
    @Order(1)
    void everyUploadedArticleIsCatalogedOnceAndFoundByItsTitle() {
        long accepted = 0;
        for (Path file : bulletins) {
            Upload upload = api.upload(file);
            assertThat(upload.status()).as("upload of %s: %s", file.getFileName(), upload.refusal()).isEqualTo(202);
            upload.articles().forEach(article -> uploaded.put(article.id(), article.title()));
            accepted = System.nanoTime();
        }
        long lastAccepted = accepted;

        await("catalog holds every article once").atMost(CONSUMED).pollInterval(Duration.ofMillis(100))
                .until(() -> api.catalogTotal() == uploaded.size());
        await("search index holds every article once").atMost(CONSUMED).pollInterval(Duration.ofMillis(100))
                .until(() -> api.searchTotal("") == uploaded.size());
        System.out.printf("[freshness] last upload's 202 -> all %d articles searchable: %d ms%n", uploaded.size(),
                (System.nanoTime() - lastAccepted) / 1_000_000);

        for (Map.Entry<String, String> article : uploaded.entrySet()) {
            Reply stored = api.catalog("/articles/" + article.getKey());
            assertThat(stored.status()).isEqualTo(200);
            assertThat(stored.json().path("title").asText()).isEqualTo(article.getValue());

            Reply found = api.search("/search?size=10&q=" + JsonHttp.encode("\"" + article.getValue() + "\""));
            assertThat(found.status()).isEqualTo(200);
            assertThat(ids(found.json().get("hits"))).as("search for the title of %s", article.getKey())
                    .contains(article.getKey());
        }
    }

    @Test
    @Order(2)
    void reUploadingTheSameFilesChangesNoCount() {
        long catalogBefore = api.catalogTotal();
        long indexBefore = api.searchTotal("");
        List<String> uploadIds = new ArrayList<>();
        for (Path file : bulletins) {
            Upload upload = api.upload(file);
            assertThat(upload.status()).isEqualTo(202);
            uploadIds.add(upload.uploadId());
            upload.articles().forEach(article -> assertThat(uploaded).containsKey(article.id()));
        }
        // Both consumers have seen the re-upload once its articles are listed under the new upload ids.
        String lastUpload = uploadIds.get(uploadIds.size() - 1);
        await().atMost(CONSUMED).until(() -> api.catalog("/uploads/" + lastUpload).status() == 200
                && !api.catalog("/uploads/" + lastUpload).json().path("articles").isEmpty());
        await().atMost(CONSUMED).until(() ->
                api.search("/search?size=1&uploadId=" + lastUpload).json().path("total").asLong() > 0);

        assertThat(api.catalogTotal()).isEqualTo(catalogBefore).isEqualTo(uploaded.size());
        assertThat(api.searchTotal("")).isEqualTo(indexBefore).isEqualTo(uploaded.size());
    }

    @Test
    @Order(3)
    void aBadFileIsRefusedAndChangesNothing() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Upload refused = api.upload(png, "picture.txt", "text/plain");
        assertThat(refused.status()).isBetween(400, 499);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        String titleOnly = "A title with no body at all\n";
        Upload noBody = api.upload(titleOnly.getBytes(StandardCharsets.UTF_8), "broken.txt", "text/plain");
        assertThat(noBody.status()).isBetween(400, 499);

        assertThat(api.catalogTotal()).isEqualTo(uploaded.size());
        assertThat(api.searchTotal("")).isEqualTo(uploaded.size());
    }

    @Test
    @Order(4)
    void consumersKilledMidStreamLoseNothingAndDuplicateNothing(@org.junit.jupiter.api.io.TempDir Path tmp) {
        int articles = 30_000;
        Path large = new BulletinGenerator(7).write(tmp.resolve("large.txt"), articles, 1);
        long before = api.catalogTotal();
        long expected = before + articles;

        Upload upload = api.upload(large);
        assertThat(upload.status()).isEqualTo(202);
        assertThat(upload.articleCount()).isEqualTo(articles);

        // Kill both consumers as soon as the catalog has started to take the new articles.
        await().atMost(CONSUMED).pollInterval(Duration.ofMillis(20)).until(() -> api.catalogTotal() > before);
        long catalogAtKill = api.catalogTotal();
        long indexAtKill = api.searchTotal("");
        platform.service(Service.CATALOG).kill();
        platform.service(Service.SEARCH).kill();
        System.out.printf("[crash] SIGKILL to catalog (%d of %d stored) and search (%d indexed)%n",
                catalogAtKill - before, articles, indexAtKill - before);

        platform.restart(Service.CATALOG);
        platform.restart(Service.SEARCH);
        await("catalog catches up").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.catalogTotal() == expected);
        await("index catches up").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.searchTotal("") == expected);
        assertThat(catalogAtKill).as("killed while consuming").isLessThan(expected);
        // Stable: nothing more arrives later (no duplicates counted twice, none dropped).
        assertThat(api.catalogTotal()).isEqualTo(expected);
        assertThat(api.searchTotal("")).isEqualTo(expected);
    }

    @Test
    @Order(5)
    void aDeletedArticleLeavesTheCatalogAndSearchAndALaterUploadBringsItBack() {
        String token = token("deleted");
        String bulletin = bulletin(token, "Harbour notice", "Dredging works");
        Upload upload = api.upload(bulletin, token + ".txt");
        awaitFound(token, 2);
        String id = upload.articles().get(0).id();

        assertThat(api.authorized("DELETE", api.catalogUrl() + "/articles/" + id + "?reason=withdrawn").status())
                .isEqualTo(202);
        awaitFound(token, 1);
        await("catalog drops it").atMost(CONSUMED).until(() -> api.catalog("/articles/" + id).status() == 404);
        assertThat(api.catalog("/articles/" + id + "/deletions").json().toString()).contains("withdrawn");

        api.upload(bulletin, token + "-again.txt");
        awaitFound(token, 2);
        assertThat(api.catalog("/articles/" + id).status()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void retractingAnUploadRemovesWhatOnlyItBroughtAndKeepsTheRest() {
        String token = token("retracted");
        String shared = article(token, "Shared notice");
        Upload first = api.upload(shared + "\n" + article(token, "Only in the first"), token + "-1.txt");
        api.upload(shared + "\n" + article(token, "Only in the second"), token + "-2.txt");
        awaitFound(token, 3);

        JsonNode answer = api.authorized("DELETE", api.catalogUrl() + "/uploads/" + first.uploadId() + "?reason=mistake").json();
        assertThat(answer.path("articlesDeleted").asInt()).isEqualTo(1);
        assertThat(answer.path("sightingsRetracted").asInt()).isEqualTo(1);
        awaitFound(token, 2);
        await("the shared article keeps only the second upload's sighting").atMost(CONSUMED).until(() ->
                api.searchTotal("q=" + token + "&sourceName=" + JsonHttp.encode(token + "-1.txt")) == 0);
    }

    @Test
    @Order(7)
    void aCorrectionReplacesTheOldVersionInSearchAndRedirectsItsReaders() {
        String token = token("corrected");
        Upload original = api.upload(article(token, "Tariff notice"), token + ".txt");
        awaitFound(token, 1);
        String old = original.articles().get(0).id();

        Upload correction = api.correct(article(token, "Tariff notice, corrected"), token + "-fix.txt", old);
        assertThat(correction.status()).isEqualTo(202);
        String corrected = correction.articles().get(0).id();
        await("search shows only the correction").atMost(CONSUMED).until(() ->
                ids(api.search("/search?mode=keyword&q=" + token).json().path("hits")).equals(List.of(corrected)));
        await("the old id redirects").atMost(CONSUMED).until(() -> api.catalog("/articles/" + old).status() == 308);
    }

    @Test
    @Order(8)
    void aReindexFromTheCatalogKeepsEveryArticleSearchable() {
        long before = api.searchTotal("");
        Reply started = api.authorized("POST", api.searchUrl() + "/admin/reindex");
        assertThat(started.status()).isEqualTo(202);
        String job = started.json().path("id").asText();
        await("reindex done").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(api.searchTotal("")).as("never fewer hits during the reindex").isGreaterThanOrEqualTo(before);
            String status = api.authorized("GET", api.searchUrl() + "/admin/reindex/" + job).json().path("status").asText();
            assertThat(status).isNotEqualTo("failed");
            return status.equals("done");
        });
        assertThat(api.searchTotal("")).isEqualTo(before);
    }

    @Test
    @Order(9)
    void theSameNewsReToldInAnotherBulletinIsOneHitUnlessEveryVersionIsAskedFor() {
        String token = token("story");
        // One event told twice: another title, the sentences moved, a detail added, the name accented.
        String first = "Samoa completes its first time release study\n\nSamoa completes its first time release study\n\n"
                + "The Samoa Customs Service has completed its first time release study with support from the regional"
                + " office of the World Customs Organization. The study measured the time from the arrival of goods to"
                + " their release at the Apia wharf over two weeks in March. Officials said the results will guide new"
                + " risk management rules and a single window for traders. Ref " + token + ".\n";
        String retold = "Time release study finished in S\u0101moa\n\nTime release study finished in S\u0101moa\n\n"
                + "Officials said the results will guide new risk management rules and a single window for traders. The"
                + " S\u0101moa Customs Service has completed its first time release study with support from the regional"
                + " office of the World Customs Organization. The study measured the time from the arrival of goods to"
                + " their release at the Apia wharf over two weeks in March, for sea and air cargo. Ref " + token + ".\n";
        String a = api.upload(first, "pacific-weekly-" + token + ".txt").articles().get(0).id();
        String b = api.upload(retold, "island-digest-" + token + ".txt").articles().get(0).id();
        await("both versions searchable").atMost(CONSUMED).until(() -> api.searchTotal("q=" + token) == 2);
        awaitGrouped(List.of(a, b), token, 1);

        String story = api.catalog("/articles/" + a).json().path("storyId").asText();
        assertThat(api.catalog("/articles/" + b).json().path("storyId").asText()).isEqualTo(story);
        assertThat(ids(api.catalog("/stories/" + story).json().path("articles"))).containsExactlyInAnyOrder(a, b);
        for (String mode : List.of("keyword", "hybrid")) {
            JsonNode collapsed = api.search("/search?q=" + token + "&mode=" + mode).json();
            assertThat(collapsed.path("collapsed").asBoolean()).as(mode).isTrue();
            assertThat(collapsed.path("hits")).as(mode).hasSize(1);
            JsonNode hit = collapsed.path("hits").get(0);
            String other = hit.path("id").asText().equals(a) ? b : a;
            assertThat(hit.path("storyId").asText()).isEqualTo(story);
            assertThat(hit.path("otherVersionCount").asInt()).isEqualTo(1);
            assertThat(hit.path("otherVersionIds").get(0).asText()).isEqualTo(other);

            JsonNode every = api.search("/search?q=" + token + "&collapse=false&mode=" + mode).json();
            assertThat(every.path("collapsed").asBoolean()).isFalse();
            assertThat(ids(every.path("hits"))).as(mode).containsExactlyInAnyOrder(a, b);
        }
        assertThat(ids(api.search("/search/related/" + a).json().path("hits"))).as("related: other stories only")
                .doesNotContain(b);
        String page = JsonHttp.get(api.searchUrl() + "/articles/" + a).text();
        assertThat(page).contains("Other versions of this story").contains("href=\"/articles/" + b + "\"")
                .contains("island-digest-" + token + ".txt");
    }

    @Test
    @Order(10)
    void pagingThroughFoldedStoriesShowsEachStoryOnceWhateverTheOrder() {
        String token = token("paging");
        Random random = new Random(token.hashCode());
        List<String> versions = new ArrayList<>();
        for (int story = 0; story < 3; story++) {
            List<String> sentences = List.of(madeUp(random), madeUp(random), madeUp(random));
            // the token 3, 2 and 1 times: by relevance the two versions of a story rank next to each other
            String refs = (" Ref " + token + ".").repeat(3 - story);
            // two tellings of one story: the same sentences in another order, under another title
            versions.add(titled(madeUp(random), String.join(" ", sentences) + refs));
            versions.add(titled(madeUp(random), sentences.get(2) + " " + sentences.get(0) + " " + sentences.get(1)
                    + refs));
        }
        Upload upload = api.upload(String.join("\n", versions), "folded-" + token + ".txt");
        assertThat(upload.status()).isEqualTo(202);
        await("all versions searchable").atMost(CONSUMED).until(() -> api.searchTotal("q=" + token) == 6);
        awaitGrouped(upload.articles().stream().map(article -> article.id()).toList(), token, 3);

        for (String order : List.of("&mode=keyword", "&mode=keyword&sort=date", "&mode=hybrid")) {
            List<String> stories = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = api.search("/search?size=1&q=" + token + order
                        + (cursor == null ? "" : "&cursor=" + JsonHttp.encode(cursor))).json();
                assertThat(page.path("collapsed").asBoolean()).as(order).isTrue();
                // a page that folded versions asks again for more hits only: its counts are the first answer's
                assertThat(page.path("facets").path("sourceName").get(0).path("count").asInt()).as(order).isEqualTo(6);
                if (order.contains("keyword")) {
                    assertThat(page.path("total").asLong()).as(order).isEqualTo(6);
                }
                page.path("hits").forEach(hit -> stories.add(hit.path("storyId").asText()));
                cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
            } while (cursor != null && stories.size() < 10);
            assertThat(stories).as("the stories, page by page, %s", order).hasSize(3).doesNotHaveDuplicates();
        }
        // three stories on a page of three: the page's request (four hits, two stories) folds versions away, so the
        // service asks again for more hits, and only for hits: the counts are the first answer's
        JsonNode three = api.search("/search?mode=keyword&size=3&q=" + token).json();
        assertThat(three.path("hits").findValuesAsText("storyId")).hasSize(3).doesNotHaveDuplicates();
        assertThat(three.path("total").asLong()).isEqualTo(6);
        assertThat(three.path("facets").path("sourceName").get(0).path("count").asInt()).isEqualTo(6);
    }

    /**
     * Waits until the catalog has grouped these articles, and until search, which keeps the catalog's answer about
     * a pending article for a second ({@code SEARCH_STORIES_PENDING_TTL}), shows the token's hits as that many
     * stories.
     */
    private static void awaitGrouped(List<String> articleIds, String token, int stories) {
        await("articles grouped into stories").atMost(CONSUMED).until(() -> articleIds.stream()
                .allMatch(id -> !api.catalog("/articles/" + id).json().path("storyPending").asBoolean(true)));
        await("search folds them").atMost(CONSUMED).until(() ->
                api.search("/search?mode=keyword&size=20&q=" + token).json().path("hits").size() == stories);
    }

    /** Twelve made-up lowercase words and a full stop: text no other test or story shares. */
    private static String madeUp(Random random) {
        StringBuilder sentence = new StringBuilder();
        for (int word = 0; word < 12; word++) {
            sentence.append(word == 0 ? "" : " ");
            for (int syllable = 0; syllable < 3; syllable++) {
                sentence.append("bdfgklmnprstvz".charAt(random.nextInt(14))).append("aeiou".charAt(random.nextInt(5)));
            }
        }
        return sentence.append('.').toString();
    }

    /** One article in the bulletin format: its title line twice, then its body. */
    private static String titled(String title, String body) {
        return title + "\n\n" + title + "\n\n" + body + "\n";
    }

    private static String token(String what) {
        return what + Long.toString(System.nanoTime(), 36);
    }

    /** One article whose title and body carry {@code token}, in the bulletin format. */
    private static String article(String token, String title) {
        String line = title + " " + token;
        return line + "\n\n" + line + "\n\nThe " + token + " office published: " + title.toLowerCase() + ".\n";
    }

    private static String bulletin(String token, String... titles) {
        StringBuilder text = new StringBuilder();
        for (String title : titles) {
            text.append(article(token, title)).append('\n');
        }
        return text.toString();
    }

    private static void awaitFound(String token, long hits) {
        await("search finds " + hits + " for " + token).atMost(CONSUMED).pollInterval(Duration.ofMillis(250))
                .until(() -> api.searchTotal("q=" + token) == hits);
    }

    private static List<String> ids(JsonNode hits) {
        List<String> ids = new ArrayList<>();
        hits.forEach(hit -> ids.add(hit.get("id").asText()));
        return ids;
    }

}
