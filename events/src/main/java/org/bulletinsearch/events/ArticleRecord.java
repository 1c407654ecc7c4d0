package org.bulletinsearch.events;

/**
 * A value on {@link Topics#ARTICLES}, whose key is always the article id: either a sighting of the article
 * ({@link ArticleEvent}) or the retraction of one upload's sightings of it ({@link SightingRetraction}).
 * A third kind of record carries no value at all: the tombstone that deletes the article (see
 * {@link LifecycleHeaders}). Consumers apply the records of one article in offset order; that order is what
 * makes a deletion outlive every older sighting and a later upload bring the article back.
 */
public sealed interface ArticleRecord permits ArticleEvent, SightingRetraction {

    /** The article this record is about (also the record key). */
    String articleId();
}
