package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulletinsearch.search.support.SearchApi.ids;
import static org.bulletinsearch.search.support.SearchApi.search;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.search.support.Bulletin;
import org.bulletinsearch.search.support.SearchApi;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The sample bulletins the platform was designed around ({@code ../shared/seeds} beside the checkout,
 * read only, never copied): every article is found by its title and by words of its body.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
class SeedCorpusIT {

    static Path seeds() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir == null ? null : dir.resolve("../shared/seeds").normalize();
    }

    @Test
    void everySeedArticleIsFoundByItsTitleAndByWordsOfItsBody() throws IOException {
        Path seeds = seeds();
        Assumptions.assumeTrue(seeds != null && Files.isDirectory(seeds),
                "no ../shared/seeds beside the checkout: the sample bulletins are not available here");
        List<Path> files;
        try (Stream<Path> list = Files.list(seeds)) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        Assumptions.assumeFalse(files.isEmpty(), "../shared/seeds holds no .txt bulletin");

        List<String> uploads = new ArrayList<>();
        List<ArticleEvent> events = new ArrayList<>();
        for (Path file : files) {
            String uploadId = "seed-" + UUID.randomUUID();
            List<ArticleEvent> upload = Bulletin.fromFile(file)
                    .events(file.getFileName().toString(), uploadId, Instant.parse("2024-08-01T00:00:00Z"));
            ArticlesTopic.publish(upload);
            uploads.add(uploadId);
            events.addAll(upload);
        }
        long distinct = events.stream().map(ArticleEvent::articleId).distinct().count();
        SearchApi.awaitIndexed(uploads, distinct);

        for (ArticleEvent article : events) {
            assertThat(ids(search("q", article.title(), "uploadId", uploads, "size", 20)))
                    .as("title search: %s", article.title()).contains(article.articleId());
            for (String word : SearchApiIT.bodyWords(article.body())) {
                assertThat(ids(search("q", word, "uploadId", uploads, "size", 100)))
                        .as("body word '%s' of %s", word, article.title()).contains(article.articleId());
            }
        }
    }
}
