package org.bulletinsearch.catalog.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bulletinsearch.catalog.support.Lifecycle.KEY_ONE;
import static org.bulletinsearch.catalog.support.Lifecycle.OPS_KEY;
import static org.bulletinsearch.catalog.support.Lifecycle.awaitArticleStatus;
import static org.bulletinsearch.catalog.support.Lifecycle.awaitUploadStored;
import static org.bulletinsearch.catalog.support.Lifecycle.delete;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.catalog.support.Bulletins;
import org.bulletinsearch.catalog.support.ReplayCatalog;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.junit.jupiter.api.Test;

/**
 * The topic is the record: a second catalog (the packaged service on an empty schema of the same PostgreSQL, a
 * new consumer group) consuming the whole articles topic ends with the same articles, sightings, deletions (the
 * audit) and corrections as this test run's catalog, which consumed it as it was written. The topic holds what
 * every test class before this one published, and at least the deletion, retraction, re-upload and correction
 * this test publishes first.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class CatalogReplayIT {

    private static final String ORIGINAL = "public";

    /** Every row of the six tables (stories included), without the columns that say when this catalog wrote them. */
    private static final List<String> TABLES = List.of(
            "SELECT id, title, body, first_seen_at, last_seen_at, entities::text, supersedes, story_id FROM %s.article ORDER BY id",
            "SELECT article_id, encode(signature, 'hex'), key_terms::text FROM %s.article_story_features ORDER BY 1",
            "SELECT band_key, article_key FROM %s.story_band ORDER BY 1, 2",
            "SELECT article_id, upload_id, source_name, position, ingested_at FROM %s.article_sighting ORDER BY 1, 2, 3, 4",
            "SELECT article_id, kind, deleted_at, deleted_by, reason, upload_id FROM %s.article_deletion ORDER BY 1, 2, 3",
            "SELECT superseded_id, superseding_id, superseded_at FROM %s.article_supersession ORDER BY 1");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReplayOfTheWholeTopicRebuildsTheSameCatalog() throws Exception {
        List<String> lifecycleArticles = publishEveryKindOfRecord();

        try (ReplayCatalog replay = ReplayCatalog.start(LocalInfraTestResource.infrastructure())) {
            try {
                await("the replay to catch up with the catalog").atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                            for (String table : TABLES) {
                                assertThat(rows(table.formatted(replay.schema()))).as(table.formatted(replay.schema()))
                                        .containsExactlyElementsOf(rows(table.formatted(ORIGINAL)));
                            }
                        });

                // What the two services serve: the same export, the same audits, the same redirects.
                assertThat(exportItems(replay.port())).isEqualTo(exportItems(RestAssured.port));
                for (String id : lifecycleArticles) {
                    for (String path : List.of("/articles/" + id, "/articles/" + id + "/deletions")) {
                        assertThat(answer(replay.port(), path)).as(path).isEqualTo(answer(RestAssured.port, path));
                    }
                }
            } finally {
                replay.cleanup().forEach(this::execute);
            }
        }
    }

    /**
     * Sightings, a deletion, an upload retraction (tombstones and a sighting retraction), a later upload bringing
     * a deleted article back and a correction, each applied by this catalog; the ids whose state they changed.
     */
    private List<String> publishEveryKindOfRecord() {
        String tag = "replay-" + Bulletins.newUploadId();
        String first = Bulletins.newUploadId();
        String second = Bulletins.newUploadId();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(2, ChronoUnit.HOURS);
        List<ArticleEvent> firstEvents = Bulletins.upload(first, "first.txt", start, Bulletins.articles(tag, 0, 4));
        List<ArticleEvent> secondEvents = Bulletins.upload(second, "second.txt", start.plus(1, ChronoUnit.HOURS),
                List.of(Bulletins.article(tag, 3), Bulletins.article(tag, 4)));
        ArticlesTopic.publish(firstEvents);
        ArticlesTopic.publish(secondEvents);
        awaitUploadStored(first, 4);
        awaitUploadStored(second, 2);
        String deleted = firstEvents.get(0).articleId();
        String corrected = firstEvents.get(1).articleId();
        String retracted = firstEvents.get(3).articleId();
        String onlyInSecond = secondEvents.get(1).articleId();

        assertThat(delete("/articles/" + deleted + "?reason=replayed", OPS_KEY).status()).isEqualTo(202);
        assertThat(delete("/uploads/" + second + "?reason=duplicate", KEY_ONE).status()).isEqualTo(202);
        awaitArticleStatus(deleted, 404);
        awaitArticleStatus(onlyInSecond, 404);
        ArticlesTopic.publish(Bulletins.upload(Bulletins.newUploadId(), "again.txt", Instant.now(),
                List.of(Bulletins.article(tag, 0))));
        ArticlesTopic.publish(List.of(Bulletins.upload(Bulletins.newUploadId(), "fix.txt", Instant.now(),
                List.of(Bulletins.article(tag, 5))).get(0).withSupersedes(corrected)));
        awaitArticleStatus(deleted, 200);
        awaitArticleStatus(corrected, 308);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(given().get("/articles/{id}", retracted)
                .then().statusCode(200).extract().jsonPath().getList("provenance")).hasSize(1));
        return List.of(deleted, corrected, retracted, onlyInSecond);
    }

    private static List<Map<String, Object>> exportItems(int port) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().port(port).queryParam("size", 2000);
            JsonPath page = (cursor == null ? request : request.queryParam("cursor", cursor))
                    .get("/articles/export").then().statusCode(200).extract().jsonPath();
            items.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return items;
    }

    /** Status and body of a GET, without the times at which that catalog wrote its rows. */
    private static String answer(int port, String path) {
        Response response = given().port(port).redirects().follow(false).get(path);
        return response.statusCode() + " " + response.asString()
                .replaceAll("\"(storedAt|recordedAt)\":\"[^\"]*\"", "\"$1\":\"-\"");
    }

    /** Each row of the query as one line of its columns. */
    private List<String> rows(String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " | " : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return rows;
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
