package org.bulletinsearch.catalog.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.data.Percentage;
import org.bulletinsearch.catalog.support.Bulletins;
import org.bulletinsearch.catalog.support.CatalogDatabase;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The totals of {@code GET /articles} beyond the exact-count limit (300 in the test profile, 10000 in
 * production): only a first page has one, a filtered listing matching more says "at least the limit", and the
 * unfiltered listing gives PostgreSQL's estimate, flagged as such.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class ArticleTotalsIT {

    private static final int LIMIT = 300;
    private static final int LATE = 25;
    private static final int IN_LARGE_UPLOAD = LIMIT + LATE;

    /**
     * An upload of more articles than the limit, published once for the class: as many as the limit at 08:00
     * and a few more at 09:00 (a second file, as a long upload could have it).
     */
    static String largeUpload;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void publishOnce() {
        if (largeUpload != null) {
            return;
        }
        String uploadId = Bulletins.newUploadId();
        List<ArticleEvent> events = new ArrayList<>(Bulletins.upload(uploadId, "large.txt",
                Instant.parse("2031-07-01T08:00:00Z"), unrelated(uploadId, 0, LIMIT)));
        events.addAll(Bulletins.upload(uploadId, "large-late.txt", Instant.parse("2031-07-01T09:00:00Z"),
                unrelated(uploadId, LIMIT, LATE)));
        ArticlesTopic.publish(events);
        await("the large upload stored").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> given().get("/uploads/{id}?size=1", uploadId).then().statusCode(200)
                        .body("articleCount", equalTo(IN_LARGE_UPLOAD)));
        largeUpload = uploadId;
    }

    @Test
    void aFilteredListingMatchingMoreThanTheLimitSaysAtLeastTheLimit() {
        JsonPath first = given().get("/articles?size=10&uploadId={u}", largeUpload).then().statusCode(200)
                .extract().jsonPath();

        assertThat(first.getLong("total")).isEqualTo(LIMIT);
        assertThat(first.getString("totalAccuracy")).isEqualTo("lower-bound");
        assertThat(first.getList("items")).hasSize(10);
        JsonPath second = given().get("/articles?size=10&uploadId={u}&cursor={c}", largeUpload,
                first.getString("nextCursor")).then().statusCode(200).extract().jsonPath();
        assertThat(second.getMap("$")).doesNotContainKeys("total", "totalAccuracy");
        assertThat(second.getList("items")).hasSize(10);
    }

    @Test
    void aFilteredListingMatchingAsManyAsTheLimitOrFewerIsCountedExactly() {
        given().get("/articles?size=1&uploadId={u}&to=2031-07-01T09:00:00Z", largeUpload).then().statusCode(200)
                .body("total", equalTo(LIMIT)).body("totalAccuracy", equalTo("exact"));
        given().get("/articles?size=1&uploadId={u}&from=2031-07-01T09:00:00Z", largeUpload).then().statusCode(200)
                .body("total", equalTo(LATE)).body("totalAccuracy", equalTo("exact"));
        given().get("/articles?size=1&source=large-late.txt&to=2031-07-01T09:00:00Z").then().statusCode(200)
                .body("total", equalTo(0)).body("totalAccuracy", equalTo("exact")).body("nextCursor", equalTo(null));
    }

    @Test
    void theUnfilteredListingOfMoreThanTheLimitGivesPostgresqlsEstimateFlaggedAsSuch() throws SQLException {
        CatalogDatabase database = new CatalogDatabase(dataSource);
        long current = quietCurrentArticles(database);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE article, article_supersession");
        }

        JsonPath first = given().get("/articles?size=5").then().statusCode(200).extract().jsonPath();

        assertThat(current).isGreaterThan(LIMIT);
        assertThat(first.getString("totalAccuracy")).isEqualTo("estimate");
        // Freshly analyzed tables this small are sampled whole: the estimate is then the count of rows itself.
        assertThat(first.getLong("total")).isEqualTo(database.number("SELECT count(*) FROM article")
                - database.number("SELECT count(*) FROM article_supersession"));
        assertThat((double) first.getLong("total")).isCloseTo(current, Percentage.withPercentage(10));
        JsonPath second = given().get("/articles?size=5&cursor={c}", first.getString("nextCursor")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(second.getMap("$")).doesNotContainKeys("total", "totalAccuracy");
    }

    /**
     * Articles that share no wording with each other nor with other tests' (Bulletins' template texts would make
     * hundreds of re-tellings of a few stories): words of random letters, the same for the same tag and n.
     */
    private static List<Bulletins.Article> unrelated(String tag, int first, int count) {
        List<Bulletins.Article> articles = new ArrayList<>(count);
        for (int n = first; n < first + count; n++) {
            Random random = new Random((tag + n).hashCode());
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 30; w++) {
                for (int c = 0; c < 4 + random.nextInt(6); c++) {
                    body.append((char) ('a' + random.nextInt(26)));
                }
                body.append(w == 29 ? "." : " ");
            }
            articles.add(new Bulletins.Article("Ledger " + tag + " entry " + n, body.toString()));
        }
        return articles;
    }

    /** The current articles (not corrected), once two readings a second apart agree (other tests' events consumed). */
    private static long quietCurrentArticles(CatalogDatabase database) {
        AtomicReference<Long> last = new AtomicReference<>(-1L);
        await("the catalog is quiet").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            long now = database.number("SELECT count(*) FROM article a WHERE NOT EXISTS"
                    + " (SELECT 1 FROM article_supersession p WHERE p.superseded_id = a.id)");
            return now == last.getAndSet(now);
        });
        return last.get();
    }
}
