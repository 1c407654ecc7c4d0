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
 * An article hidden behind its correction, read side: {@code GET /articles/{supersededId}} redirects to the
 * correction, listings and the export leave it out. Written only by the consumer ({@link SightingWriter}),
 * removed by a later sighting of the corrected article or by its deletion ({@link DeletionWriter}).
 */
@Entity
@Immutable
@Table(name = "article_supersession")
public class ArticleSupersession {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "superseded_id", length = 32)
    private String supersededId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "superseding_id", length = 32, nullable = false)
    private String supersedingId;

    @Column(name = "superseded_at", nullable = false)
    private Instant supersededAt;

    protected ArticleSupersession() {
        // for Hibernate
    }

    /** The corrected (hidden) article. */
    public String getSupersededId() {
        return supersededId;
    }

    /** The correction readers are sent to. */
    public String getSupersedingId() {
        return supersedingId;
    }

    /** ingestedAt of the correction. */
    public Instant getSupersededAt() {
        return supersededAt;
    }
}
