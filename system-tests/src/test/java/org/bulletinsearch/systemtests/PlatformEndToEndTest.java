package org.bulletinsearch.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.infra.support.ServerMain;
import org.bulletinsearch.platform.BulletinGenerator;
import org.bulletinsearch.platform.BulletinLoader;
import org.bulletinsearch.platform.Platform;
import org.bulletinsearch.platform.Service;
import org.bulletinsearch.systemtests.PlatformClient.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged platform end to end: real Kafka, PostgreSQL and OpenSearch processes, the three
 * services run from their {@code quarkus-run.jar}, and nothing but HTTP between this test and them.
 * The tests build on each other (counts carry over), hence the order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    private static final Duration CONSUMED = Duration.ofMinutes(3);

    private static Path dataDir;
    private static Platform platform;
    private static PlatformClient api;
    private static List<Path> bulletins;
    /** Every article uploaded so far: id -> title. */
    private static final Map<String, String> uploaded = new LinkedHashMap<>();

    @BeforeAll
    static void startPlatform() throws Exception {
        dataDir = Files.createTempDirectory("platform-e2e-");
        platform = Platform.builder(REPOSITORY)
                .dataDir(dataDir)
                .logDir(REPOSITORY.resolve("system-tests/target/platform-logs"))
                .port(Service.INGEST, 0).port(Service.CATALOG, 0).port(Service.SEARCH, 0)
                .apiKey("system-test-key")
                .progress(line -> System.out.println("[platform] " + line))
                .start();
        api = new PlatformClient(platform);

        bulletins = new ArrayList<>(BulletinLoader.bulletinsIn(REPOSITORY.resolve("samples")));
        Path seeds = REPOSITORY.resolveSibling("shared").resolve("seeds");
        if (Files.isDirectory(seeds)) {
            bulletins.addAll(BulletinLoader.bulletinsIn(seeds));
        } else {
            System.out.println("[system-tests] " + seeds + " does not exist: seed bulletins not uploaded");
        }
        assertThat(bulletins).as("sample bulletins in samples/").isNotEmpty();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
        ServerMain.deleteRecursively(dataDir);
    }

    @Test
    @Order(1)
    void everyUploadedArticleIsCatalogedOnceAndFoundByItsTitle() {
        long accepted = 0;
        for (Path file : bulletins) {
            Reply reply = api.upload(file);
            assertThat(reply.status()).as("upload of %s: %s", file.getFileName(), reply.json()).isEqualTo(202);
            for (JsonNode article : reply.json().get("articles")) {
                uploaded.put(article.get("id").asText(), article.get("title").asText());
            }
            accepted = System.nanoTime();
        }
        long lastAccepted = accepted;

        await("catalog holds every article once").atMost(CONSUMED).pollInterval(Duration.ofMillis(100))
                .until(() -> api.catalogCount() == uploaded.size());
        await("search index holds every article once").atMost(CONSUMED).pollInterval(Duration.ofMillis(100))
                .until(() -> api.indexCount() == uploaded.size());
        System.out.printf("[freshness] last upload's 202 -> all %d articles searchable: %d ms%n", uploaded.size(),
                (System.nanoTime() - lastAccepted) / 1_000_000);

        for (Map.Entry<String, String> article : uploaded.entrySet()) {
            Reply stored = api.catalog("/articles/" + article.getKey());
            assertThat(stored.status()).isEqualTo(200);
            assertThat(stored.json().toString()).contains(article.getValue().replace("\"", "\\\""));

            Reply found = api.search("/search?size=10&q=" + PlatformClient.encode("\"" + article.getValue() + "\""));
            assertThat(found.status()).isEqualTo(200);
            assertThat(ids(found.json().get("hits"))).as("search for the title of %s", article.getKey())
                    .contains(article.getKey());
        }
    }

    @Test
    @Order(2)
    void reUploadingTheSameFilesChangesNoCount() {
        long catalogBefore = api.catalogCount();
        long indexBefore = api.indexCount();
        List<String> uploadIds = new ArrayList<>();
        for (Path file : bulletins) {
            Reply reply = api.upload(file);
            assertThat(reply.status()).isEqualTo(202);
            uploadIds.add(reply.json().get("uploadId").asText());
            for (JsonNode article : reply.json().get("articles")) {
                assertThat(uploaded).containsKey(article.get("id").asText());
            }
        }
        // Both consumers have seen the re-upload once its articles are listed under the new upload ids.
        String lastUpload = uploadIds.get(uploadIds.size() - 1);
        await().atMost(CONSUMED).until(() -> api.catalog("/uploads/" + lastUpload).status() == 200
                && !api.catalog("/uploads/" + lastUpload).json().path("articles").isEmpty());
        await().atMost(CONSUMED).until(() ->
                api.search("/search?size=1&uploadId=" + lastUpload).json().path("total").asLong() > 0);

        assertThat(api.catalogCount()).isEqualTo(catalogBefore).isEqualTo(uploaded.size());
        assertThat(api.indexCount()).isEqualTo(indexBefore).isEqualTo(uploaded.size());
    }

    @Test
    @Order(3)
    void aBadFileIsRefusedAndChangesNothing() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Reply refused = api.upload(png, "picture.txt", "text/plain");
        assertThat(refused.status()).isBetween(400, 499);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        String titleOnly = "A title with no body at all\n";
        Reply noBody = api.upload(titleOnly.getBytes(StandardCharsets.UTF_8), "broken.txt", "text/plain");
        assertThat(noBody.status()).isBetween(400, 499);

        assertThat(api.catalogCount()).isEqualTo(uploaded.size());
        assertThat(api.indexCount()).isEqualTo(uploaded.size());
    }

    @Test
    @Order(4)
    void consumersKilledMidStreamLoseNothingAndDuplicateNothing(@org.junit.jupiter.api.io.TempDir Path tmp) {
        int articles = 30_000;
        Path large = new BulletinGenerator(7).write(tmp.resolve("large.txt"), articles, 1);
        long before = api.catalogCount();
        long expected = before + articles;

        Reply reply = api.upload(large);
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("articleCount").asInt()).isEqualTo(articles);

        // Kill both consumers as soon as the catalog has started to take the new articles.
        await().atMost(CONSUMED).pollInterval(Duration.ofMillis(20)).until(() -> api.catalogCount() > before);
        long catalogAtKill = api.catalogCount();
        long indexAtKill = api.indexCount();
        platform.service(Service.CATALOG).kill();
        platform.service(Service.SEARCH).kill();
        System.out.printf("[crash] SIGKILL to catalog (%d of %d stored) and search (%d indexed)%n",
                catalogAtKill - before, articles, indexAtKill - before);

        platform.restart(Service.CATALOG);
        platform.restart(Service.SEARCH);
        await("catalog catches up").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.catalogCount() == expected);
        await("index catches up").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.indexCount() == expected);
        assertThat(catalogAtKill).as("killed while consuming").isLessThan(expected);
        // Stable: nothing more arrives later (no duplicates counted twice, none dropped).
        assertThat(api.catalogCount()).isEqualTo(expected);
        assertThat(api.indexCount()).isEqualTo(expected);
    }

    private static List<String> ids(JsonNode hits) {
        List<String> ids = new ArrayList<>();
        hits.forEach(hit -> ids.add(hit.get("id").asText()));
        return ids;
    }

}
