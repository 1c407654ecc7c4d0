package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.bulletinsearch.catalog.article.EntityFacets;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Gives every article stored before entities existed (issue 16) the entities of its text, derived by the
 * vocabulary exactly as the consumer derives them for an event without entities ({@link EntityFacets#derived}),
 * then makes {@code article.entities} mandatory. Runs in Flyway's transaction: all rows or none. A thousand
 * rows per update, read through a server-side cursor, so that memory stays flat for any catalog size.
 */
public class V4__derive_article_entities extends BaseJavaMigration {

    private static final int BATCH = 1000;

    private static final String UPDATE = """
            UPDATE article a SET entities = e.entities
            FROM unnest(?::text[], ?::jsonb[]) AS e(id, entities)
            WHERE a.id = e.id
            """;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement read = connection.createStatement(); PreparedStatement update = connection.prepareStatement(UPDATE)) {
            read.setFetchSize(BATCH); // a cursor, not the whole table at once (Flyway's transaction: autocommit off)
            try (ResultSet rows = read.executeQuery("SELECT id, title, body FROM article WHERE entities IS NULL")) {
                List<String> ids = new ArrayList<>(BATCH);
                List<String> entities = new ArrayList<>(BATCH);
                while (rows.next()) {
                    ids.add(rows.getString(1));
                    entities.add(EntityFacets.derived(rows.getString(2), rows.getString(3)).toJson());
                    if (ids.size() == BATCH) {
                        write(connection, update, ids, entities);
                    }
                }
                write(connection, update, ids, entities);
            }
            read.execute("ALTER TABLE article ALTER COLUMN entities SET NOT NULL");
        }
    }

    private static void write(Connection connection, PreparedStatement update, List<String> ids, List<String> entities)
            throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        update.setArray(1, connection.createArrayOf("text", ids.toArray()));
        update.setArray(2, connection.createArrayOf("text", entities.toArray()));
        update.executeUpdate();
        ids.clear();
        entities.clear();
    }
}
