package org.bulletinsearch.catalog.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Direct SQL checks of what the catalog holds, bypassing the REST API. */
public final class CatalogDatabase {

    private final DataSource dataSource;

    public CatalogDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The single number a query returns, e.g. a count; parameters are bound as strings. */
    public long number(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long articleRows(String articleId) {
        return number("SELECT count(*) FROM article WHERE id = ?", articleId);
    }

    public long sightingRows(String articleId) {
        return number("SELECT count(*) FROM article_sighting WHERE article_id = ?", articleId);
    }

    public long sightingsOfUpload(String uploadId) {
        return number("SELECT count(*) FROM article_sighting WHERE upload_id = ?", uploadId);
    }

    /** Distinct articles of an upload that have exactly one row, i.e. were stored once. */
    public long articlesOfUpload(String uploadId) {
        return number("SELECT count(*) FROM article a WHERE EXISTS"
                + " (SELECT 1 FROM article_sighting s WHERE s.article_id = a.id AND s.upload_id = ?)", uploadId);
    }
}
