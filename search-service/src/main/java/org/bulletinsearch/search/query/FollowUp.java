package org.bulletinsearch.search.query;

import java.util.Locale;

/**
 * Why the search service sent a page's engine a second search after the page's first answer: the tag
 * {@code reason} of the counter {@code search.query.follow-ups} (Prometheus: {@code search_query_follow_ups_total}).
 * The benchmark's anchor asks each page by the body that tells it from the start and never folds stories, so
 * these counts during its figure say where the service sends the engine more than the anchor does.
 */
public enum FollowUp {

    /** The exact body, because ties at the end of a cheaper answer reach into the page ({@link PageBody#EXACT}). */
    TIES,

    /** The rescored body, because a strict-first answer's score bound did not hold ({@link PageBody#RESCORED}). */
    SCORE_BOUND,

    /** The relevance scores of a date-ordered page's hits, asked apart when the engine cannot name them along. */
    DATE_SCORES,

    /** A wider page, because story versions folded away left the page short ({@code collapse=true}). */
    STORY_FOLD,

    /** The versions of the page's stories that rank before a cursor ({@code collapse=true}, a later page). */
    STORY_CURSOR;

    /** The tag value: the name in lower case, e.g. {@code score_bound}, as the service's other reason tags are. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
