package org.bulletinsearch.search.vectors;

/**
 * How far the articles are from all having their vector ({@code GET /admin/vectors}).
 *
 * @param state {@code loading} (the model is not loaded yet), {@code disabled}, {@code filling} (articles
 *              without a vector exist) or {@code complete}
 * @param articles articles in the index
 * @param missing articles without a vector yet (new ones, or all of them after a reindex or an upgrade)
 * @param embeddedSinceStart vectors this replica computed since it started
 * @param perSecond vectors this replica computed per second over the last minute
 * @param etaSeconds estimated seconds until none is missing at that rate; null when unknown or none is missing
 */
public record VectorStatus(String state, long articles, long missing, long embeddedSinceStart, double perSecond,
        Long etaSeconds) {
}
