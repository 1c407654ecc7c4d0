package org.bulletinsearch.catalog.article;

/**
 * What storing a batch changed.
 *
 * @param events events in the batch
 * @param newArticles article rows created
 * @param newSightings provenance rows created (an event whose (article, upload, file, position) was
 *     already recorded creates none: it is a redelivery)
 */
public record StoreOutcome(int events, int newArticles, int newSightings) {

    public static final StoreOutcome NOTHING = new StoreOutcome(0, 0, 0);

    /** Events that repeated a sighting already recorded: redeliveries, replays. */
    public int redelivered() {
        return events - newSightings;
    }

    /** New sightings of articles the catalog already had: the same text in another upload, file or position. */
    public int knownArticleSightings() {
        return newSightings - newArticles;
    }
}
