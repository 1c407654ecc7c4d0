package org.bulletinsearch.catalog.article;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulletinsearch.catalog.article.ArticleChange.Seen;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.TextForms;

/**
 * Writes a run of sightings (consecutive in the batch, no other record of their articles between them) in a
 * fixed number of set-based statements, whatever the run's length.
 *
 * <p>Idempotency is the database's job: the article row is inserted with {@code ON CONFLICT (id) DO NOTHING}
 * and the sighting with {@code ON CONFLICT (article_id, upload_id, source_name, position) DO NOTHING}, so
 * replaying any event adds no row, while every (upload, file, position) an article appears at keeps its own
 * sighting. Source names are stored in NFC, as the {@code source} filter compares them.
 *
 * <p>Lifecycle rules applied here: a sighting ingested before the article's last deletion, or before its
 * upload's retraction from the article, is ignored (a late producer cannot bring back what was deleted after
 * it); a sighting ingested after a correction of its article shows the article again (the log's order
 * decides); a sighting with {@code supersedes} hides the corrected article behind it.
 */
final class SightingWriter {

    // first_seen_at, entities and supersedes are written by the first event the catalog stores for an article;
    // the article starts as its own story, pending until StoryAssigner groups it.
    private static final String INSERT_ARTICLES = """
            INSERT INTO article (id, title, body, first_seen_at, last_seen_at, entities, supersedes, story_id)
            SELECT e.id, e.title, e.body, e.first_seen, e.last_seen, e.entities, e.supersedes, e.id
            FROM unnest(?::bpchar[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::jsonb[], ?::bpchar[])
                 AS e(id, title, body, first_seen, last_seen, entities, supersedes)
            ON CONFLICT (id) DO NOTHING
            RETURNING id
            """;

    private static final String MOVE_LAST_SEEN = """
            UPDATE article a SET last_seen_at = greatest(a.last_seen_at, e.last_seen),
                                 supersedes = coalesce(e.supersedes, a.supersedes)
            FROM unnest(?::bpchar[], ?::timestamptz[], ?::bpchar[]) AS e(id, last_seen, supersedes)
            WHERE a.id = e.id
              AND (e.last_seen > a.last_seen_at OR (e.supersedes IS NOT NULL AND e.supersedes IS DISTINCT FROM a.supersedes))
            """;

    private static final String INSERT_SIGHTINGS = """
            INSERT INTO article_sighting (article_id, upload_id, source_name, position, ingested_at)
            SELECT e.article_id, e.upload_id, e.source_name, e.position, e.ingested_at
            FROM unnest(?::bpchar[], ?::text[], ?::text[], ?::int4[], ?::timestamptz[])
                 AS e(article_id, upload_id, source_name, position, ingested_at)
            ON CONFLICT (article_id, upload_id, source_name, position) DO NOTHING
            """;

    private static final String LAST_DELETIONS = """
            SELECT article_id, kind, upload_id, max(deleted_at)
            FROM article_deletion WHERE article_id = ANY (?::bpchar[])
            GROUP BY article_id, kind, upload_id
            """;

    private static final String SHOW_AGAIN = """
            DELETE FROM article_supersession p
            USING unnest(?::bpchar[], ?::timestamptz[]) AS e(id, seen)
            WHERE p.superseded_id = e.id AND p.superseded_at < e.seen
            """;

    // A later correction replaces an earlier one; a correction ingested before the corrected article's
    // deletion does not outlive that deletion; an article never corrects itself (it would redirect to itself).
    private static final String SUPERSEDE = """
            INSERT INTO article_supersession (superseded_id, superseding_id, superseded_at)
            SELECT e.old_id, e.new_id, e.at
            FROM unnest(?::bpchar[], ?::bpchar[], ?::timestamptz[]) AS e(old_id, new_id, at)
            WHERE e.old_id <> e.new_id
              AND NOT EXISTS (SELECT 1 FROM article_deletion d
                              WHERE d.article_id = e.old_id AND d.kind = 'article' AND d.deleted_at > e.at)
            ON CONFLICT (superseded_id) DO UPDATE
                SET superseding_id = excluded.superseding_id, superseded_at = excluded.superseded_at
                WHERE article_supersession.superseded_at <= excluded.superseded_at
            """;

    private SightingWriter() {
    }

    /** Writes the sightings, in consumption order, on the transaction's connection. */
    static StoreOutcome write(Connection connection, List<Seen> run) throws SQLException {
        if (run.isEmpty()) {
            return StoreOutcome.NOTHING;
        }
        List<Seen> accepted = notDeletedSince(connection, run);
        if (accepted.isEmpty()) {
            return new StoreOutcome(run.size(), 0, 0, run.size(), 0, 0);
        }
        // ON CONFLICT DO UPDATE may not touch a row twice in one statement, and one article can come
        // twice in a run (twice in one upload, or in two uploads): fold the run per article first.
        Map<String, ArticleRow> rows = new LinkedHashMap<>();
        for (Seen seen : accepted) {
            rows.merge(seen.articleId(), ArticleRow.of(seen), ArticleRow::seenAgain);
        }
        Set<String> inserted = insertArticles(connection, rows);
        updateKnown(connection, rows, inserted);
        int newSightings = insertSightings(connection, accepted);
        showAgain(connection, rows);
        supersede(connection, rows);
        return new StoreOutcome(run.size(), inserted.size(), newSightings, run.size() - accepted.size(), 0, 0);
    }

    /** The sightings ingested after their article's last deletion and their upload's last retraction from it. */
    private static List<Seen> notDeletedSince(Connection connection, List<Seen> run) throws SQLException {
        Map<DeletionKey, Instant> lastDeletion = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(LAST_DELETIONS)) {
            statement.setArray(1, connection.createArrayOf("text",
                    run.stream().map(Seen::articleId).distinct().toArray(String[]::new)));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String upload = ArticleDeletion.SIGHTINGS.equals(result.getString(2)) ? result.getString(3) : null;
                    lastDeletion.merge(new DeletionKey(result.getString(1), upload), result.getObject(4, OffsetDateTime.class).toInstant(),
                            (one, other) -> one.isAfter(other) ? one : other);
                }
            }
        }
        if (lastDeletion.isEmpty()) {
            return run;
        }
        return run.stream().filter(seen -> {
            Instant ingested = seen.event().ingestedAt();
            Instant deleted = lastDeletion.get(new DeletionKey(seen.articleId(), null));
            Instant retracted = lastDeletion.get(new DeletionKey(seen.articleId(), seen.event().uploadId()));
            return (deleted == null || ingested.isAfter(deleted)) && (retracted == null || ingested.isAfter(retracted));
        }).toList();
    }

    /** An article's deletions (retractedUpload null) or the retractions of one upload's sightings of it. */
    private record DeletionKey(String articleId, String retractedUpload) {
    }

    private static Set<String> insertArticles(Connection connection, Map<String, ArticleRow> rows) throws SQLException {
        Set<String> inserted = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(INSERT_ARTICLES)) {
            SqlArrays.bind(connection, statement, List.copyOf(rows.values()), ArticleRow::id, ArticleRow::title,
                    ArticleRow::body, row -> row.firstSeen().toString(), row -> row.lastSeen().toString(),
                    ArticleRow::entities, ArticleRow::supersedes);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    inserted.add(result.getString(1));
                }
            }
        }
        return inserted;
    }

    /** Articles the catalog had already: last_seen_at only moves forward; a correction records what it corrects. */
    private static void updateKnown(Connection connection, Map<String, ArticleRow> rows, Set<String> inserted)
            throws SQLException {
        List<ArticleRow> known = rows.values().stream().filter(row -> !inserted.contains(row.id())).toList();
        if (known.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(MOVE_LAST_SEEN)) {
            SqlArrays.bind(connection, statement, known, ArticleRow::id, row -> row.lastSeen().toString(),
                    ArticleRow::supersedes);
            statement.executeUpdate();
        }
    }

    private static int insertSightings(Connection connection, List<Seen> accepted) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_SIGHTINGS)) {
            List<ArticleEvent> events = accepted.stream().map(Seen::event).toList();
            SqlArrays.bind(connection, statement, events, ArticleEvent::articleId, ArticleEvent::uploadId,
                    event -> TextForms.nfc(event.sourceName()), event -> Integer.toString(event.position()),
                    event -> event.ingestedAt().toString());
            return statement.executeUpdate();
        }
    }

    /** A sighting ingested after its article's correction shows the article again. */
    private static void showAgain(Connection connection, Map<String, ArticleRow> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SHOW_AGAIN)) {
            SqlArrays.bind(connection, statement, List.copyOf(rows.values()), ArticleRow::id,
                    row -> row.lastSeen().toString());
            statement.executeUpdate();
        }
    }

    private static void supersede(Connection connection, Map<String, ArticleRow> rows) throws SQLException {
        Map<String, ArticleRow> corrections = new LinkedHashMap<>();
        for (ArticleRow row : rows.values()) {
            if (row.supersedes() != null) {
                corrections.merge(row.supersedes(), row, (earlier, later) -> later);
            }
        }
        if (corrections.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(SUPERSEDE)) {
            SqlArrays.bind(connection, statement, List.copyOf(corrections.values()), ArticleRow::supersedes,
                    ArticleRow::id, row -> row.correctedAt().toString());
            statement.executeUpdate();
        }
    }

    /** One article of a run, folded over all its sightings in the run. */
    private record ArticleRow(String id, String title, String body, Instant firstSeen, Instant lastSeen,
            String entities, String supersedes, Instant correctedAt) {

        static ArticleRow of(Seen seen) {
            ArticleEvent event = seen.event();
            return new ArticleRow(event.articleId(), event.title(), event.body(), event.ingestedAt(), event.ingestedAt(),
                    seen.entities().toJson(), event.supersedes(), event.ingestedAt());
        }

        /** The first event in consumption order keeps first_seen; last_seen is the latest of all; the last correction counts. */
        ArticleRow seenAgain(ArticleRow later) {
            Instant latest = later.lastSeen.isAfter(lastSeen) ? later.lastSeen : lastSeen;
            boolean corrects = later.supersedes != null;
            return new ArticleRow(id, title, body, firstSeen, latest, entities, corrects ? later.supersedes : supersedes,
                    corrects ? later.correctedAt : correctedAt);
        }
    }
}
