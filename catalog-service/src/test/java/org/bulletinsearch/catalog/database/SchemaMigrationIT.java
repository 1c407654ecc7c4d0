package org.bulletinsearch.catalog.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A catalog holding data under the first schema is upgraded to provenance keyed by the file without
 * losing a row: run on a schema of its own in the test database, migrated step by step as a
 * deployment would be.
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

    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").target(target).load().migrate();
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
