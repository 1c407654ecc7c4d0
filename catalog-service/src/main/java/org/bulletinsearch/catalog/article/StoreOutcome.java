package org.bulletinsearch.catalog.article;

/**
 * What applying a batch of records changed.
 *
 * @param events sightings in the batch
 * @param newArticles article rows created
 * @param newSightings provenance rows created (an event whose (article, upload, file, position) was
 *     already recorded creates none: it is a redelivery)
 * @param ignored sightings ingested before the article's deletion (or before their upload's retraction):
 *     a late producer's, never applied
 * @param deletions articles deleted (tombstones applied for the first time)
 * @param retractions retractions applied for the first time
 */
public record StoreOutcome(int events, int newArticles, int newSightings, int ignored, int deletions, int retractions) {

    public static final StoreOutcome NOTHING = new StoreOutcome(0, 0, 0, 0, 0, 0);

    /** Both outcomes together. */
    public StoreOutcome plus(StoreOutcome other) {
        return new StoreOutcome(events + other.events, newArticles + other.newArticles, newSightings + other.newSightings,
                ignored + other.ignored, deletions + other.deletions, retractions + other.retractions);
    }

    /** Sightings that repeated one already recorded: redeliveries, replays. */
    public int redelivered() {
        return events - ignored - newSightings;
    }

    /** New sightings of articles the catalog already had: the same text in another upload, file or position. */
    public int knownArticleSightings() {
        return newSightings - newArticles;
    }
}
