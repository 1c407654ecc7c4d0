package org.bulletinsearch.catalog.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One distinct article of the catalog, read side. Rows are written only by {@link ArticleStore}
 * (batched, idempotent SQL), hence {@link Immutable}: Hibernate never flushes changes to it.
 */
@Entity
@Immutable
@Table(name = "article")
public class Article {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "id", length = 32)
    private String id;

    @Column(name = "title", length = 2000, nullable = false)
    private String title;

    @Column(name = "body", nullable = false, columnDefinition = "text")
    private String body;

    @Column(name = "first_seen_at", nullable = false)
    private Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "stored_at", nullable = false)
    private Instant storedAt;

    // Read as text and parsed by EntityFacets: the one JSON form of the entities, whatever Hibernate's
    // JSON mapping would make of it.
    @Column(name = "entities", nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(read = "entities::text")
    private String entities;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "supersedes", length = 32)
    private String supersedes;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "story_id", length = 32, nullable = false)
    private String storyId;

    @Column(name = "story_pending", nullable = false)
    private boolean storyPending;

    protected Article() {
        // for Hibernate
    }

    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    /** ingestedAt of the first event the catalog stored for this article. */
    public Instant getFirstSeenAt() {
        return firstSeenAt;
    }

    /** Latest ingestedAt of any event about this article. */
    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public Instant getStoredAt() {
        return storedAt;
    }

    /** What the article is about (country, region, organization, programme, year). */
    public EntityFacets getEntities() {
        return EntityFacets.fromJson(entities);
    }

    /** The id of the earlier article this one corrects, or null. */
    public String getSupersedes() {
        return supersedes;
    }

    public String getStoryId() {
        return storyId;
    }

    public boolean isStoryPending() {
        return storyPending;
    }
}
