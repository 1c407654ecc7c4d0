package org.bulletinsearch.catalog.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.bulletinsearch.catalog.story.LshBands;
import org.bulletinsearch.catalog.story.StoryAssignment;
import org.bulletinsearch.catalog.story.StoryFeatures;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A catalog holding data under an earlier schema is upgraded without losing a row or a story: run on a schema of
 * its own in the test database, migrated step by step as a deployment would be.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class SchemaMigrationIT {

    private static final String ARTICLE = "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a";
    private static final String OTHER = "0c7d3a4e9f1b2c5d6e7f8091a2b3c4d5";

    @Inject
    AgroalDataSource dataSource;

    private final String schema = "migration_" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void existingSightingsSurviveTheUpgradeAndFileNamesBecomeComposed() throws SQLException {
        migrate("1");
        execute("INSERT INTO " + schema + ".article (id, title, body, first_seen_at, last_seen_at) VALUES"
                + " ('" + ARTICLE + "', 'Harbour pilots', 'Night pilotage stays.', '2026-03-02T09:15:00Z', '2026-03-09T07:40:00Z'),"
                + " ('" + OTHER + "', 'Ferry timetable', 'Crossings move.', '2026-03-02T09:15:00Z', '2026-03-02T09:15:00Z')");
        execute("INSERT INTO " + schema + ".article_sighting (article_id, upload_id, source_name, position, ingested_at) VALUES"
                + " ('" + ARTICLE + "', 'u1', U&'Cafe\\0301.txt', 1, '2026-03-02T09:15:00Z'),"
                + " ('" + OTHER + "', 'u1', U&'Cafe\\0301.txt', 2, '2026-03-02T09:15:00Z'),"
                + " ('" + ARTICLE + "', 'u2', 'weekly.txt', 12, '2026-03-09T07:40:00Z')");

        migrate("latest");

        assertThat(rows("SELECT article_id || ' ' || upload_id || ' ' || source_name || ' ' || position FROM "
                + schema + ".article_sighting ORDER BY upload_id, position")).containsExactly(
                ARTICLE + " u1 Caf\u00e9.txt 1", OTHER + " u1 Caf\u00e9.txt 2", ARTICLE + " u2 weekly.txt 12");
        assertThat(rows("SELECT id FROM " + schema + ".article ORDER BY id")).containsExactly(OTHER, ARTICLE);
        // Stories (V5): every article starts as its own story, pending until the background grouping compares it.
        assertThat(rows("SELECT id || ' ' || story_id || ' ' || story_pending FROM " + schema + ".article ORDER BY id"))
                .containsExactly(OTHER + " " + OTHER + " true", ARTICLE + " " + ARTICLE + " true");
        // The same article at the same position of another file of the upload is a sighting of its own now,
        // and the very same sighting is still refused.
        execute("INSERT INTO " + schema + ".article_sighting (article_id, upload_id, source_name, position, ingested_at)"
                + " VALUES ('" + ARTICLE + "', 'u1', 'second.txt', 1, '2026-03-02T09:15:00Z')");
        assertThatThrownBy(() -> execute("INSERT INTO " + schema + ".article_sighting"
                + " (article_id, upload_id, source_name, position, ingested_at)"
                + " VALUES ('" + ARTICLE + "', 'u1', 'second.txt', 1, '2026-03-02T09:15:00Z')"))
                .isInstanceOf(SQLException.class).hasMessageContaining("article_sighting_once");
    }

    @Test
    void articlesGroupedBeforeTheBandRowsWereKeyedBy64BitsStillGatherTheirNewVersions() throws SQLException {
        String grouped = "1b2c3d4e5f60718293a4b5c6d7e8f901";
        String retold = "8e9f0a1b2c3d4e5f60718293a4b5c6d7";
        migrate("5");
        long[] bandKeys = insertGroupedBeforeV6(grouped, grouped);

        migrate("latest");

        assertThat(rows("SELECT DISTINCT article_key::text FROM " + schema + ".story_band"))
                .containsExactly(articleKey(grouped));
        assertOneRowPerBandKey(bandKeys);
        insertArticle(retold, retold, "Second reefer lane opens at Lorvik north quay", REEFER_LANE
                + " Truck drivers welcomed the change.", true);
        int assigned = inSchema(connection -> StoryAssignment.assignPending(connection, 10));
        assertThat(assigned).isEqualTo(1);
        assertThat(rows("SELECT id || ' ' || story_id || ' ' || story_pending FROM " + schema + ".article ORDER BY id"))
                .containsExactly(grouped + " " + grouped + " false", retold + " " + grouped + " false");
        // Written by the catalog now, and an id from 8 up reads as a negative bigint on both sides.
        assertThat(rows("SELECT DISTINCT article_key::text FROM " + schema + ".story_band ORDER BY 1"))
                .containsExactlyInAnyOrder(articleKey(grouped), articleKey(retold));
        // Deleting an article takes its band rows out, found by the same 64 bits.
        String story = inSchema(connection -> StoryAssignment.forget(connection, grouped));
        assertThat(story).isEqualTo(grouped);
        assertThat(rows("SELECT DISTINCT article_key::text FROM " + schema + ".story_band"))
                .containsExactly(articleKey(retold));
    }

    @Test
    void twoArticlesWhoseIdsShareTheirFirst64BitsAndABandKeyShareItsRow() throws SQLException {
        String first = "5a5a5a5a5a5a5a5a0000000000000001";
        String second = "5a5a5a5a5a5a5a5a0000000000000002";
        migrate("5");
        long[] bandKeys = insertGroupedBeforeV6(first, first);
        insertGroupedBeforeV6(second, first);

        migrate("latest");

        assertOneRowPerBandKey(bandKeys);
    }

    private static final String REEFER_LANE = "The port authority of Lorvik has opened a second scanning lane for"
            + " refrigerated containers at the north quay. Inspectors said the lane halves the wait for reefer trucks"
            + " during the berry harvest, when queues reached the ring road last summer. The lane runs from six in the"
            + " morning to ten at night.";

    /**
     * The reefer-lane article as {@code id}, grouped into {@code story} under V5: its features and its band rows
     * keyed by its id.
     */
    private long[] insertGroupedBeforeV6(String id, String story) throws SQLException {
        String title = "Lorvik opens a second reefer scanning lane";
        insertArticle(id, story, title, REEFER_LANE, false);
        StoryFeatures features = StoryAssignment.MATCHER.features(id, title, REEFER_LANE);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema + ".article_story_features"
                        + " (article_id, signature, key_terms) VALUES (?, ?, ?::text[])")) {
            statement.setString(1, id);
            statement.setBytes(2, features.signature().toBytes());
            statement.setArray(3, connection.createArrayOf("text", features.keyTerms().toArray()));
            statement.executeUpdate();
        }
        long[] bandKeys = LshBands.numericKeys(features.signature());
        execute("INSERT INTO " + schema + ".story_band (band_key, article_id) SELECT DISTINCT k, '" + id
                + "' FROM unnest('{" + String.join(",", Arrays.stream(bandKeys).mapToObj(Long::toString).toList())
                + "}'::bigint[]) AS k");
        return bandKeys;
    }

    private void assertOneRowPerBandKey(long[] bandKeys) throws SQLException {
        assertThat(rows("SELECT count(*)::text FROM " + schema + ".story_band"))
                .containsExactly(Long.toString(Arrays.stream(bandKeys).distinct().count()));
    }

    /** The 64-bit key of an id as Java reads its first 16 hex digits. */
    private static String articleKey(String id) {
        return Long.toString(Long.parseUnsignedLong(id.substring(0, 16), 16));
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").target(target).load().migrate();
    }

    private void insertArticle(String id, String story, String title, String body, boolean pending) throws SQLException {
        execute("INSERT INTO " + schema + ".article (id, title, body, first_seen_at, last_seen_at, entities, story_id,"
                + " story_pending) VALUES ('" + id + "', '" + title + "', '" + body + "', '2026-03-02T09:15:00Z',"
                + " '2026-03-02T09:15:00Z', '{}', '" + story + "', " + pending + ")");
    }

    /** Runs one transaction whose unqualified names are this test's schema, as the catalog's are {@code public}. */
    private <T> T inSchema(Transaction<T> transaction) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL search_path TO " + schema);
            }
            T result = transaction.run(connection);
            connection.commit();
            return result;
        }
    }

    private interface Transaction<T> {
        T run(Connection connection) throws SQLException;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
