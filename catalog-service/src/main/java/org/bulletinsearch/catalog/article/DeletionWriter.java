package org.bulletinsearch.catalog.article;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.bulletinsearch.catalog.article.ArticleChange.Deleted;
import org.bulletinsearch.catalog.article.ArticleChange.Retracted;
import org.bulletinsearch.catalog.story.StoryAssignment;
import org.bulletinsearch.events.SightingRetraction;

/**
 * Applies deletions (tombstones) and retractions, and writes their audit rows from the records themselves, so
 * that a catalog rebuilt from the topic has the same audit.
 *
 * <p>Idempotent: the audit row is inserted with {@code ON CONFLICT (article_id, deleted_at, kind) DO NOTHING}
 * and the change is applied only when the row is new. A redelivered tombstone therefore changes nothing, not
 * even an article that a later sighting brought back (that sighting comes after it in the log and is
 * redelivered after it too).
 */
final class DeletionWriter {

    private static final String AUDIT = """
            INSERT INTO article_deletion (article_id, kind, deleted_at, deleted_by, reason, upload_id)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (article_id, deleted_at, kind) DO NOTHING
            """;

    private static final String DELETE_SIGHTINGS = "DELETE FROM article_sighting WHERE article_id = ?";
    private static final String DELETE_SUPERSESSION = "DELETE FROM article_supersession WHERE superseded_id = ?";
    private static final String DELETE_ARTICLE = "DELETE FROM article WHERE id = ?";

    private static final String STILL_SEEN = "SELECT 1 FROM article_sighting WHERE article_id = ? LIMIT 1";

    private static final String RETRACT_SIGHTINGS = "DELETE FROM article_sighting WHERE article_id = ? AND upload_id = ?";

    // last_seen_at is the latest ingestedAt among the sightings that remain (never before first_seen_at,
    // which never changes: it is the listing's keyset).
    private static final String RECOMPUTE_LAST_SEEN = """
            UPDATE article a SET last_seen_at = greatest(a.first_seen_at,
                (SELECT max(s.ingested_at) FROM article_sighting s WHERE s.article_id = a.id))
            WHERE a.id = ? AND EXISTS (SELECT 1 FROM article_sighting s WHERE s.article_id = a.id)
            """;

    // An article left without any sighting (two uploads retracted before either retraction was consumed)
    // is no longer one the catalog has seen.
    private static final String DELETE_IF_UNSEEN = """
            DELETE FROM article a WHERE a.id = ?
            AND NOT EXISTS (SELECT 1 FROM article_sighting s WHERE s.article_id = a.id)
            """;

    private DeletionWriter() {
    }

    /** Deletes the article, its sightings and its correction link; audits it; regroups what is left of its story. */
    static StoreOutcome delete(Connection connection, Deleted deletion) throws SQLException {
        if (!audit(connection, deletion.articleId(), ArticleDeletion.ARTICLE, deletion.deletedAt(), deletion.deletedBy(),
                deletion.reason(), deletion.uploadId())) {
            return StoreOutcome.NOTHING;
        }
        String story = StoryAssignment.forget(connection, deletion.articleId());
        for (String sql : new String[] {DELETE_SIGHTINGS, DELETE_SUPERSESSION, DELETE_ARTICLE}) {
            execute(connection, sql, deletion.articleId());
        }
        StoryAssignment.regroup(connection, story);
        return new StoreOutcome(0, 0, 0, 0, 1, 0);
    }

    /** Removes the upload's sightings of the article; audits it. */
    static StoreOutcome retract(Connection connection, Retracted retracted) throws SQLException {
        SightingRetraction retraction = retracted.retraction();
        String by = retraction.retractedBy() == null || retraction.retractedBy().isEmpty() ? "unknown"
                : retraction.retractedBy();
        if (!audit(connection, retraction.articleId(), ArticleDeletion.SIGHTINGS, retraction.retractedAt(), by,
                retraction.reason() == null ? "" : retraction.reason(), retraction.uploadId())) {
            return StoreOutcome.NOTHING;
        }
        execute(connection, RETRACT_SIGHTINGS, retraction.articleId(), retraction.uploadId());
        execute(connection, RECOMPUTE_LAST_SEEN, retraction.articleId());
        if (!stillSeen(connection, retraction.articleId())) {
            String story = StoryAssignment.forget(connection, retraction.articleId());
            execute(connection, DELETE_IF_UNSEEN, retraction.articleId());
            execute(connection, DELETE_SUPERSESSION, retraction.articleId());
            StoryAssignment.regroup(connection, story);
        }
        return new StoreOutcome(0, 0, 0, 0, 0, 1);
    }

    /** Whether any sighting of the article remains. */
    private static boolean stillSeen(Connection connection, String articleId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(STILL_SEEN)) {
            statement.setString(1, articleId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    /** Inserts the audit row; false when it was there already (the record is a redelivery). */
    private static boolean audit(Connection connection, String articleId, String kind, Instant at, String by,
            String reason, String uploadId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(AUDIT)) {
            statement.setString(1, articleId);
            statement.setString(2, kind);
            statement.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            statement.setString(4, by);
            statement.setString(5, reason);
            statement.setString(6, uploadId);
            return statement.executeUpdate() == 1;
        }
    }

    private static int execute(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
