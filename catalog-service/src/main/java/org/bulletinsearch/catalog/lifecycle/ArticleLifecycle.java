package org.bulletinsearch.catalog.lifecycle;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bulletinsearch.catalog.article.ArticleCatalog;
import org.bulletinsearch.catalog.article.ArticleChange;
import org.bulletinsearch.catalog.article.ArticleChange.Deleted;
import org.bulletinsearch.catalog.article.ArticleChange.Retracted;
import org.bulletinsearch.catalog.article.ArticleSightingRepository;
import org.bulletinsearch.catalog.database.ReadsDatabase;
import org.bulletinsearch.edge.DependencyUnavailableException;
import org.bulletinsearch.edge.InvalidParameterException;
import org.bulletinsearch.edge.Parameters;
import org.bulletinsearch.edge.ResourceNotFoundException;
import org.bulletinsearch.events.SightingRetraction;
import org.hibernate.Session;

/**
 * {@code DELETE /articles/{id}} and {@code DELETE /uploads/{uploadId}}: decides, from what the catalog holds,
 * which records say it, and publishes them in one Kafka transaction ({@link LifecyclePublisher}). The catalog
 * (and the search index) apply them when they consume them, like every other record of the topic, so a
 * replay of the topic rebuilds the same state and the same audit.
 */
@ApplicationScoped
@ReadsDatabase
public class ArticleLifecycle {

    // Per article of the upload: how many of its sightings are in the upload, and its latest sighting outside
    // it (none: the article was seen only there and goes).
    private static final String ARTICLES_OF_UPLOAD = """
            SELECT u.article_id, u.sightings, r.upload_id, r.source_name, r.position, r.ingested_at
            FROM (SELECT article_id, count(*) AS sightings FROM article_sighting
                  WHERE upload_id = ? GROUP BY article_id) u
            LEFT JOIN LATERAL (SELECT s.upload_id, s.source_name, s.position, s.ingested_at
                               FROM article_sighting s WHERE s.article_id = u.article_id AND s.upload_id <> ?
                               ORDER BY %s LIMIT 1) r ON true
            ORDER BY u.article_id
            """.formatted(ArticleSightingRepository.LATEST_FIRST);

    /** Longest {@code reason}, in code points (the brief's limit; the event schema and the audit column take more). */
    public static final int MAX_REASON = 500;

    private final ArticleCatalog catalog;
    private final LifecyclePublisher publisher;
    private final Session session;

    public ArticleLifecycle(ArticleCatalog catalog, LifecyclePublisher publisher, Session session) {
        this.catalog = catalog;
        this.publisher = publisher;
        this.session = session;
    }

    /**
     * The {@code reason} parameter of a deletion: NFC text of at most {@value #MAX_REASON} characters without
     * control characters; empty when absent.
     *
     * @throws InvalidParameterException naming {@code reason} otherwise
     */
    public static String reason(String value) {
        String reason = Parameters.text("reason", value, MAX_REASON, true);
        return reason == null ? "" : reason;
    }

    /**
     * Publishes the article's tombstone.
     *
     * @param reason why, as the caller gave it (empty for none)
     * @param deletedBy the name of the caller's API key
     * @throws HttpProblem 404 not-found when the catalog does not hold the article
     * @throws DependencyUnavailableException when Kafka did not take the tombstone
     */
    public DeletionAccepted deleteArticle(String articleId, String reason, String deletedBy) {
        catalog.requireStored(articleId);
        Instant now = now();
        publisher.publish(List.of(new Deleted(articleId, now, deletedBy, reason, null)));
        return new DeletionAccepted(articleId, now, DeletionAccepted.ACCEPTED);
    }

    /**
     * Publishes, in one transaction, a tombstone (header {@code deleted-upload}) for every article seen only in
     * the upload, and a {@link SightingRetraction} (with the sighting that now represents it) for every other one.
     *
     * @throws ResourceNotFoundException when the catalog holds no sighting of the upload
     * @throws DependencyUnavailableException when Kafka did not take the records
     */
    public UploadRetraction retractUpload(String uploadId, String reason, String retractedBy) {
        List<UploadArticle> articles = session.doReturningWork(connection -> articlesOf(connection, uploadId));
        if (articles.isEmpty()) {
            throw new ResourceNotFoundException("upload", uploadId);
        }
        Instant now = now();
        List<ArticleChange> records = new ArrayList<>(articles.size());
        int deleted = 0;
        int retractedSightings = 0;
        for (UploadArticle article : articles) {
            if (article.current() == null) {
                records.add(new Deleted(article.articleId(), now, retractedBy, reason, uploadId));
                deleted++;
            } else {
                records.add(new Retracted(SightingRetraction.of(article.articleId(), uploadId, now, retractedBy, reason,
                        article.current())));
                retractedSightings += article.sightingsInUpload();
            }
        }
        publisher.publish(records);
        return new UploadRetraction(uploadId, deleted, retractedSightings);
    }

    private static List<UploadArticle> articlesOf(Connection connection, String uploadId) throws SQLException {
        List<UploadArticle> articles = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(ARTICLES_OF_UPLOAD)) {
            statement.setString(1, uploadId);
            statement.setString(2, uploadId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    SightingRetraction.Sighting current = row.getString(3) == null ? null
                            : new SightingRetraction.Sighting(row.getString(3), row.getString(4), row.getInt(5),
                                    row.getObject(6, OffsetDateTime.class).toInstant());
                    articles.add(new UploadArticle(row.getString(1), row.getInt(2), current));
                }
            }
        }
        return articles;
    }

    /** Millisecond precision: what the audit, the headers and the answer show is one and the same time. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** An article of a retracted upload: its sightings there, and its latest sighting elsewhere (null: none). */
    private record UploadArticle(String articleId, int sightingsInUpload, SightingRetraction.Sighting current) {
    }
}
