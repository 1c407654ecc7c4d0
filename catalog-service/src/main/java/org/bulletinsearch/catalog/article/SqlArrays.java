package org.bulletinsearch.catalog.article;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * How the writers hand a batch to PostgreSQL: one text array per column, which the SQL casts to the
 * column's type and reads with {@code unnest}; one round trip per statement whatever the batch size.
 */
final class SqlArrays {

    private SqlArrays() {
    }

    /** Binds parameter i + 1 to a text array of column i of the rows. */
    @SafeVarargs
    static <T> void bind(Connection connection, PreparedStatement statement, List<T> rows,
            Function<T, String>... columns) throws SQLException {
        for (int i = 0; i < columns.length; i++) {
            statement.setArray(i + 1, connection.createArrayOf("text", rows.stream().map(columns[i]).toArray(String[]::new)));
        }
    }
}
