package org.bulletinsearch.catalog.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One place an article was seen in: an upload, the file's source name (NFC) and the article's
 * position in that file. Unique per (article, upload, file, position): two files of one upload that
 * share an article keep a sighting each, and a redelivered event finds its sighting already there.
 */
@Entity
@Immutable
@Table(name = "article_sighting")
public class ArticleSighting {

    @Id
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id", nullable = false)
    private Article article;

    @Column(name = "upload_id", length = 64, nullable = false)
    private String uploadId;

    @Column(name = "source_name", length = 255, nullable = false)
    private String sourceName;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "ingested_at", nullable = false)
    private Instant ingestedAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected ArticleSighting() {
        // for Hibernate
    }

    public Long getId() {
        return id;
    }

    public Article getArticle() {
        return article;
    }

    public String getUploadId() {
        return uploadId;
    }

    public String getSourceName() {
        return sourceName;
    }

    public int getPosition() {
        return position;
    }

    /** When the ingest service accepted the upload. */
    public Instant getIngestedAt() {
        return ingestedAt;
    }

    /** When the catalog recorded this sighting. */
    public Instant getRecordedAt() {
        return recordedAt;
    }
}
