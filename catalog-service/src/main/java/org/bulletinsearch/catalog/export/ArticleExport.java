package org.bulletinsearch.catalog.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.bulletinsearch.catalog.article.ArticleSightingRepository;
import org.bulletinsearch.catalog.article.EntityFacets;
import org.bulletinsearch.catalog.database.ReadsDatabase;
import org.hibernate.Session;

/**
 * {@code GET /articles/export}: every current article (corrected ones left out) with its latest sighting and
 * its entities, by id, a page at a time. What the search service rebuilds its index from.
 *
 * <p>One statement per page: a range scan of the article's primary key from the cursor, and per article one
 * probe of its sightings (the unique key on (article_id, ...)) for the latest. The total is counted on the
 * first page only.
 */
@ApplicationScoped
@ReadsDatabase
public class ArticleExport {

    private static final String CURRENT = "NOT EXISTS (SELECT 1 FROM article_supersession p WHERE p.superseded_id = a.id)";

    private static final String PAGE = """
            SELECT a.id, a.title, a.body, s.source_name, s.upload_id, s.position, s.ingested_at, a.entities::text,
                   a.supersedes
            FROM article a
            CROSS JOIN LATERAL (SELECT s.source_name, s.upload_id, s.position, s.ingested_at
                                FROM article_sighting s WHERE s.article_id = a.id
                                ORDER BY %s LIMIT 1) s
            WHERE a.id > ?::bpchar AND %s
            ORDER BY a.id
            LIMIT ?
            """.formatted(ArticleSightingRepository.LATEST_FIRST, CURRENT);

    private static final String TOTAL = "SELECT count(*) FROM article a WHERE " + CURRENT;

    private final Session session;

    public ArticleExport(Session session) {
        this.session = session;
    }

    /** The page of at most {@code size} articles after the cursor (null: the first page, with the total). */
    public ExportPage page(ExportCursor after, int size) {
        return session.doReturningWork(connection -> {
            // One more than asked for tells whether there is a next page without a second query.
            List<ExportedArticle> found = read(connection, after == null ? "" : after.afterId(), size + 1);
            boolean more = found.size() > size;
            List<ExportedArticle> page = more ? found.subList(0, size) : found;
            String next = more ? new ExportCursor(page.get(page.size() - 1).id()).encode() : null;
            return new ExportPage(List.copyOf(page), next, after == null ? total(connection) : null);
        });
    }

    private static List<ExportedArticle> read(Connection connection, String afterId, int limit) throws SQLException {
        List<ExportedArticle> articles = new ArrayList<>(limit);
        try (PreparedStatement statement = connection.prepareStatement(PAGE)) {
            statement.setString(1, afterId);
            statement.setInt(2, limit);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    articles.add(new ExportedArticle(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), row.getInt(6),
                            row.getObject(7, OffsetDateTime.class).toInstant(), EntityFacets.fromJson(row.getString(8)),
                            row.getString(9)));
                }
            }
        }
        return articles;
    }

    private static long total(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TOTAL); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
