package org.bulletinsearch.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulletinsearch.ingest.upload.Uploads.decode;
import static org.bulletinsearch.ingest.upload.Uploads.withKey;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.ArticleId;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.bulletinsearch.servicetesting.CommittedArticles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Uploads the shared seed bulletins ({@code ../shared/seeds} next to the repository) when they exist:
 * 10 articles each, with the titles as written in the file. Skipped, with the reason, where they do not.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka"))
class SeedsUploadIT {

    @Test
    void everySeedBulletinUploadsTenArticlesWithItsTitles() throws IOException {
        Optional<Path> seeds = seedDirectory();
        Assumptions.assumeTrue(seeds.isPresent(), "no seed bulletins: ../shared/seeds (relative to the repository"
                + " root " + repositoryRoot() + ") does not exist; seed upload test skipped");
        List<Path> files;
        try (Stream<Path> listing = Files.list(seeds.get())) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        Assumptions.assumeFalse(files.isEmpty(), "no *.txt in " + seeds.get() + "; seed upload test skipped");

        try (CommittedArticles topic = ArticlesTopic.readCommitted()) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                JsonPath report = withKey().contentType("text/plain").queryParam("source", name)
                        .body(Files.readAllBytes(file))
                        .when().post("/bulletins")
                        .then().statusCode(202).extract().jsonPath();

                assertThat(report.getInt("articleCount")).as(name).isEqualTo(10);
                assertThat(report.getList("articles.title", String.class)).as(name)
                        .containsExactlyElementsOf(titlesAsWritten(file));
                List<ArticleEvent> events = decode(topic.readSettled());
                assertThat(events).as(name).hasSize(10).extracting(ArticleEvent::articleId)
                        .containsExactlyInAnyOrderElementsOf(report.getList("articles.id", String.class));
                assertThat(events).extracting(ArticleEvent::sourceName).containsOnly(name);
            }
        }
    }

    /**
     * The titles read from the file independently of the service's parser: in the seed layout every
     * article is three non-blank lines (title, title again, body).
     */
    private static List<String> titlesAsWritten(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(line -> line.replace("\uFEFF", "").strip()).filter(line -> !line.isEmpty()).toList();
        assertThat(lines.size() % 3).as("seed layout of " + file).isZero();
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += 3) {
            assertThat(lines.get(i + 1)).as("repeated title in " + file).isEqualTo(lines.get(i));
            titles.add(ArticleId.normalize(lines.get(i)));
        }
        return titles;
    }

    /** {@code ../shared/seeds} from the repository root, wherever the tests run from. */
    static Optional<Path> seedDirectory() {
        String override = System.getenv("BULLETIN_SEEDS_DIR");
        Path seeds = override != null ? Path.of(override) : repositoryRoot().resolve("../shared/seeds").normalize();
        return Files.isDirectory(seeds) ? Optional.of(seeds) : Optional.empty();
    }

    /** The nearest directory upwards from the working directory that holds the Maven wrapper. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("ingest-service"))) {
                return candidate;
            }
        }
        return dir.getParent() != null ? dir.getParent() : dir;
    }
}
