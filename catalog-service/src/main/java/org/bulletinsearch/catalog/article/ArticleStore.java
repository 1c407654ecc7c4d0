package org.bulletinsearch.catalog.article;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.TextForms;
import org.hibernate.Session;

/**
 * Writes article events into the catalog, a whole batch in one transaction and three statements,
 * whatever the batch size.
 *
 * <p>Idempotency is the database's job, not the consumer's: the article row is inserted with
 * {@code ON CONFLICT (id) DO NOTHING} and the sighting with {@code ON CONFLICT (article_id,
 * upload_id, source_name, position) DO NOTHING}, so replaying any event (a redelivery after a crash)
 * adds no row, while every (upload, file, position) an article appears at keeps its own sighting.
 * Source names are stored in NFC, as the {@code source} filter compares them. Rows go in through {@code unnest} over arrays: one
 * round trip per statement, and PostgreSQL sees one set-based insert rather than N single-row ones.
 *
 * <p>Native SQL runs on the Hibernate session's own JDBC connection ({@link Session#doReturningWork}),
 * inside the JTA transaction, so it commits or rolls back together with anything else the session
 * does. Reads go through the entities and the Panache repositories.
 */
@ApplicationScoped
public class ArticleStore {

    // first_seen_at is written once: the first event the catalog stores for an article sets it.
    private static final String INSERT_ARTICLES = """
            INSERT INTO article (id, title, body, first_seen_at, last_seen_at)
            SELECT e.id, e.title, e.body, e.first_seen, e.last_seen
            FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[])
                 AS e(id, title, body, first_seen, last_seen)
            ON CONFLICT (id) DO NOTHING
            RETURNING id
            """;

    private static final String MOVE_LAST_SEEN = """
            UPDATE article a SET last_seen_at = e.last_seen
            FROM unnest(?::text[], ?::timestamptz[]) AS e(id, last_seen)
            WHERE a.id = e.id AND e.last_seen > a.last_seen_at
            """;

    private static final String INSERT_SIGHTINGS = """
            INSERT INTO article_sighting (article_id, upload_id, source_name, position, ingested_at)
            SELECT e.article_id, e.upload_id, e.source_name, e.position, e.ingested_at
            FROM unnest(?::text[], ?::text[], ?::text[], ?::int4[], ?::timestamptz[])
                 AS e(article_id, upload_id, source_name, position, ingested_at)
            ON CONFLICT (article_id, upload_id, source_name, position) DO NOTHING
            """;

    private final Session session;

    public ArticleStore(Session session) {
        this.session = session;
    }

    /**
     * Stores the events in one new transaction (events in consumption order). Throws what the
     * database throws; nothing is stored then.
     */
    public StoreOutcome store(List<ArticleEvent> events) {
        if (events.isEmpty()) {
            return StoreOutcome.NOTHING;
        }
        return QuarkusTransaction.requiringNew().call(() -> session.doReturningWork(connection -> write(connection, events)));
    }

    private static StoreOutcome write(Connection connection, List<ArticleEvent> events) throws SQLException {
        // ON CONFLICT DO UPDATE may not touch a row twice in one statement, and one article can come
        // twice in a batch (twice in one upload, or in two uploads): fold the batch per article first.
        Map<String, ArticleRow> rows = new LinkedHashMap<>();
        for (ArticleEvent event : events) {
            rows.merge(event.articleId(), ArticleRow.of(event), ArticleRow::seenAgain);
        }

        Set<String> inserted = insertArticles(connection, rows);
        moveLastSeen(connection, rows, inserted);
        int newSightings = insertSightings(connection, events);
        return new StoreOutcome(events.size(), inserted.size(), newSightings);
    }

    private static Set<String> insertArticles(Connection connection, Map<String, ArticleRow> rows) throws SQLException {
        List<ArticleRow> all = List.copyOf(rows.values());
        Set<String> inserted = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(INSERT_ARTICLES)) {
            bind(connection, statement, all, ArticleRow::id, ArticleRow::title, ArticleRow::body,
                    row -> row.firstSeen().toString(), row -> row.lastSeen().toString());
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    inserted.add(result.getString(1));
                }
            }
        }
        return inserted;
    }

    private static void moveLastSeen(Connection connection, Map<String, ArticleRow> rows, Set<String> inserted)
            throws SQLException {
        List<ArticleRow> known = rows.values().stream().filter(row -> !inserted.contains(row.id())).toList();
        if (known.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(MOVE_LAST_SEEN)) {
            bind(connection, statement, known, ArticleRow::id, row -> row.lastSeen().toString());
            statement.executeUpdate();
        }
    }

    private static int insertSightings(Connection connection, List<ArticleEvent> events) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_SIGHTINGS)) {
            bind(connection, statement, events, ArticleEvent::articleId, ArticleEvent::uploadId,
                    event -> TextForms.nfc(event.sourceName()), event -> Integer.toString(event.position()),
                    event -> event.ingestedAt().toString());
            return statement.executeUpdate();
        }
    }

    /** Binds parameter i + 1 to a text array of column i of the rows; the SQL casts each array to its type. */
    @SafeVarargs
    private static <T> void bind(Connection connection, PreparedStatement statement, List<T> rows,
            Function<T, String>... columns) throws SQLException {
        for (int i = 0; i < columns.length; i++) {
            statement.setArray(i + 1, connection.createArrayOf("text", rows.stream().map(columns[i]).toArray(String[]::new)));
        }
    }

    /** One article of a batch, folded over all its events in the batch. */
    private record ArticleRow(String id, String title, String body, Instant firstSeen, Instant lastSeen) {

        static ArticleRow of(ArticleEvent event) {
            return new ArticleRow(event.articleId(), event.title(), event.body(), event.ingestedAt(), event.ingestedAt());
        }

        /** The first event in consumption order keeps first_seen; last_seen is the latest of all. */
        ArticleRow seenAgain(ArticleRow later) {
            Instant latest = later.lastSeen.isAfter(lastSeen) ? later.lastSeen : lastSeen;
            return new ArticleRow(id, title, body, firstSeen, latest);
        }
    }
}
