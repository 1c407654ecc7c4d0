package org.bulletinsearch.search.query;

/**
 * Which request's answer tells a first page by relevance. The search service asks such a page cheaply first
 * ({@link SearchQueryBuilder#strictFirst}, else {@link SearchQueryBuilder#rescored}); when that first answer cannot
 * tell the page, it asks a costlier body, and remembers which one told it, so that the same page asked again goes
 * straight to that body: one round trip where the first answer and then the other body take two.
 */
public enum PageBody {

    /** The first answer tells the page: strict first, rescored, or the exact body when the page has no cheaper one. */
    FIRST,

    /**
     * The {@link SearchQueryBuilder#rescored} body: a strict-first answer held fewer matches of every unit than the
     * page, or left out a match lacking a unit whose score could rank it on the page
     * ({@link SearchQueryBuilder.StrictFirst#pageBody}).
     */
    RESCORED,

    /**
     * The exact {@link SearchQueryBuilder#hitsOnly} body: ties at the end of a strict-first or rescored answer
     * reach into the page, so that answer cannot tell the page's order ({@link SearchQueryBuilder#tiesHidePage}).
     */
    EXACT
}
