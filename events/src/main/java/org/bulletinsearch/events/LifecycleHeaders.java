package org.bulletinsearch.events;

/**
 * Headers of a tombstone on {@link Topics#ARTICLES} (key = article id, value = null): who deleted the
 * article, when and why, so that a catalog rebuilt from the topic rebuilds its deletion audit too.
 */
public final class LifecycleHeaders {

    /** The name of the API key that asked for the deletion (never the key itself). */
    public static final String DELETED_BY = "deleted-by";
    /** When the deletion was accepted, RFC 3339 UTC. */
    public static final String DELETED_AT = "deleted-at";
    /** Why, as the caller gave it (may be empty). */
    public static final String DELETE_REASON = "delete-reason";
    /** The upload whose retraction deleted the article, when that is how it went. */
    public static final String DELETED_UPLOAD = "deleted-upload";

    private LifecycleHeaders() {
    }
}
