package org.bulletinsearch.search.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.servicetesting.ArticlesTopic;

/**
 * The hand-written relevance fixtures: the two bulletins in {@code src/test/resources/bulletins} (the
 * team's own text), each article written to prove one search behaviour (phrases, exclusion, stemming,
 * folding, hyphens, weighting, HTML escaping, ...). Not generated and not to be replaced by generated
 * text: the tests name the articles they expect.
 *
 * <p>{@link #published()} uploads them once per test JVM through Kafka, under source names and upload
 * ids unique to the run, so that facet counts are exact although other test classes share the index;
 * {@link #events()} gives them as events with fixed names, for tests that index without Kafka.
 */
public final class RelevanceFixtures {

    public static final String WEEKLY_SOURCE = "customs-weekly.txt";
    public static final String MONTHLY_SOURCE = "customs-monthly.txt";
    private static final Instant WEEKLY_AT = Instant.parse("2024-10-07T08:30:00Z");
    private static final Instant MONTHLY_AT = Instant.parse("2024-11-04T09:00:00Z");
    private static RelevanceFixtures published;

    public final String run = UUID.randomUUID().toString().substring(0, 8);
    public final String weeklySource = "customs-weekly-" + run + ".txt";
    public final String monthlySource = "customs-monthly-" + run + ".txt";
    public final String weeklyUpload = "weekly-" + UUID.randomUUID();
    public final String monthlyUpload = "monthly-" + UUID.randomUUID();
    public final List<ArticleEvent> weekly;
    public final List<ArticleEvent> monthly;

    /** @param unique source names and upload ids of this run (else the fixed ones) */
    private RelevanceFixtures(boolean unique) {
        weekly = Bulletin.fromResource("/bulletins/customs-weekly.txt").events(unique ? weeklySource : WEEKLY_SOURCE,
                unique ? weeklyUpload : "weekly", WEEKLY_AT);
        monthly = Bulletin.fromResource("/bulletins/customs-monthly.txt").events(unique ? monthlySource : MONTHLY_SOURCE,
                unique ? monthlyUpload : "monthly", MONTHLY_AT);
    }

    /** The fixtures as events with the fixed source names {@link #WEEKLY_SOURCE} and {@link #MONTHLY_SOURCE}. */
    public static List<ArticleEvent> events() {
        return new RelevanceFixtures(false).all();
    }

    /** The fixtures, published through Kafka and searchable. */
    public static synchronized RelevanceFixtures published() {
        if (published == null) {
            RelevanceFixtures fixtures = new RelevanceFixtures(true);
            ArticlesTopic.publish(fixtures.weekly);
            ArticlesTopic.publish(fixtures.monthly);
            SearchApi.awaitIndexed(fixtures.uploads(), fixtures.all().size());
            published = fixtures;
        }
        return published;
    }

    public List<String> uploads() {
        return List.of(weeklyUpload, monthlyUpload);
    }

    public List<ArticleEvent> all() {
        List<ArticleEvent> all = new ArrayList<>(weekly);
        all.addAll(monthly);
        return all;
    }

    /** The id of the article whose title starts with {@code prefix}. */
    public String id(String titlePrefix) {
        return all().stream().filter(e -> e.title().startsWith(titlePrefix)).map(ArticleEvent::articleId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no article titled " + titlePrefix + "..."));
    }
}
