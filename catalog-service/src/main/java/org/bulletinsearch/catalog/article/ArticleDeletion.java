package org.bulletinsearch.catalog.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One row of the deletion audit, read side: an article deleted ({@code kind = article}, from a tombstone), or
 * the sightings of one upload retracted from an article that stayed ({@code kind = sightings}). Written only
 * by the consumer ({@link DeletionWriter}) from the records of the topic, so a replay rebuilds it.
 */
@Entity
@Immutable
@Table(name = "article_deletion")
public class ArticleDeletion {

    /** {@code kind} of a deleted article. */
    public static final String ARTICLE = "article";
    /** {@code kind} of retracted sightings. */
    public static final String SIGHTINGS = "sightings";

    @Id
    @Column(name = "id")
    private Long id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "article_id", length = 32, nullable = false)
    private String articleId;

    @Column(name = "kind", length = 16, nullable = false)
    private String kind;

    @Column(name = "deleted_at", nullable = false)
    private Instant deletedAt;

    @Column(name = "deleted_by", length = 200, nullable = false)
    private String deletedBy;

    @Column(name = "reason", length = 2000, nullable = false)
    private String reason;

    @Column(name = "upload_id", length = 64)
    private String uploadId;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected ArticleDeletion() {
        // for Hibernate
    }

    /** The deleted article, or the one whose sightings were retracted. */
    public String getArticleId() {
        return articleId;
    }

    /** {@link #ARTICLE} or {@link #SIGHTINGS}. */
    public String getKind() {
        return kind;
    }

    /** When the deletion was accepted (the API call, not its consumption). */
    public Instant getDeletedAt() {
        return deletedAt;
    }

    /** The name of the API key that asked for it. */
    public String getDeletedBy() {
        return deletedBy;
    }

    /** Why, as given; empty when no reason was given. */
    public String getReason() {
        return reason;
    }

    /** The retracted upload, or null for a deletion of the article alone. */
    public String getUploadId() {
        return uploadId;
    }

    /** When the catalog applied it. */
    public Instant getRecordedAt() {
        return recordedAt;
    }
}
