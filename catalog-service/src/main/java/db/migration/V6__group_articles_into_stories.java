package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.bulletinsearch.catalog.story.StoryAssignment;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Groups the articles stored before stories existed (issue 18) exactly as the consumer groups new ones
 * ({@link StoryAssignment#assign}), then makes {@code article.story_id} mandatory. The result does not
 * depend on the order the rows are read in (see {@link StoryAssignment}); they are read oldest first through a
 * server-side cursor, a thousand at a time, in Flyway's transaction: all rows or none.
 */
public class V6__group_articles_into_stories extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement read = connection.createStatement()) {
            read.setFetchSize(BATCH);
            try (ResultSet rows = read.executeQuery("SELECT id, title, body FROM article ORDER BY first_seen_at, id")) {
                List<StoryAssignment.Text> batch = new ArrayList<>(BATCH);
                while (rows.next()) {
                    batch.add(new StoryAssignment.Text(rows.getString(1), rows.getString(2), rows.getString(3)));
                    if (batch.size() == BATCH) {
                        StoryAssignment.assign(connection, batch);
                        batch.clear();
                    }
                }
                StoryAssignment.assign(connection, batch);
            }
            read.execute("ALTER TABLE article ALTER COLUMN story_id SET NOT NULL");
        }
    }
}
