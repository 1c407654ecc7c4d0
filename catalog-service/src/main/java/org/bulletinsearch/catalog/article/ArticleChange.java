package org.bulletinsearch.catalog.article;

import java.time.Instant;
import java.util.Objects;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.SightingRetraction;

/**
 * One record of the articles topic as the catalog applies it ({@link ArticleStore#apply}): a sighting, a
 * deletion (a tombstone) or the retraction of one upload's sightings. Records of one article are applied in
 * offset order; that order decides (a deletion outlives every earlier sighting, a later sighting brings the
 * article back).
 */
public sealed interface ArticleChange {

    /** The article the record is about (also its key). */
    String articleId();

    /**
     * A sighting of the article.
     *
     * @param event the event as published
     * @param entities the event's entities, or those derived from its text when it carries none
     */
    record Seen(ArticleEvent event, EntityFacets entities) implements ArticleChange {

        @Override
        public String articleId() {
            return event.articleId();
        }
    }

    /**
     * The article is deleted (a tombstone and its headers).
     *
     * @param articleId the article
     * @param deletedAt when the deletion was accepted
     * @param deletedBy the name of the API key that asked for it
     * @param reason why, as given; empty when none was
     * @param uploadId the upload whose retraction deleted the article, or null
     */
    record Deleted(String articleId, Instant deletedAt, String deletedBy, String reason, String uploadId)
            implements ArticleChange {

        public Deleted {
            Objects.requireNonNull(articleId, "articleId");
            Objects.requireNonNull(deletedAt, "deletedAt");
            deletedBy = deletedBy == null || deletedBy.isEmpty() ? "unknown" : deletedBy;
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * The sightings of one upload are withdrawn from an article that stays.
     *
     * @param retraction the record as published
     */
    record Retracted(SightingRetraction retraction) implements ArticleChange {

        @Override
        public String articleId() {
            return retraction.articleId();
        }
    }
}
