package org.bulletinsearch.search.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bulletinsearch.events.ArticleEvent;

/**
 * The test bulletins in {@code src/test/resources/bulletins} (the team's own text), uploaded once per
 * test JVM as two uploads with source names unique to the run, so that facet counts are exact even
 * though other test classes share the index.
 */
public final class CustomsCorpus {

    private static CustomsCorpus published;

    public final String run = UUID.randomUUID().toString().substring(0, 8);
    public final String weeklySource = "customs-weekly-" + run + ".txt";
    public final String monthlySource = "customs-monthly-" + run + ".txt";
    public final String weeklyUpload = "weekly-" + UUID.randomUUID();
    public final String monthlyUpload = "monthly-" + UUID.randomUUID();
    public final Instant weeklyAt = Instant.parse("2024-10-07T08:30:00Z");
    public final Instant monthlyAt = Instant.parse("2024-11-04T09:00:00Z");
    public final List<ArticleEvent> weekly;
    public final List<ArticleEvent> monthly;

    private CustomsCorpus() {
        weekly = Bulletin.fromResource("/bulletins/customs-weekly.txt").events(weeklySource, weeklyUpload, weeklyAt);
        monthly = Bulletin.fromResource("/bulletins/customs-monthly.txt").events(monthlySource, monthlyUpload, monthlyAt);
    }

    /** The corpus, published and searchable. */
    public static synchronized CustomsCorpus published() {
        if (published == null) {
            CustomsCorpus corpus = new CustomsCorpus();
            try (ArticlePublisher publisher = new ArticlePublisher()) {
                publisher.publish(corpus.weekly);
                publisher.publish(corpus.monthly);
            }
            SearchApi.awaitIndexed(corpus.uploads(), corpus.all().size());
            published = corpus;
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
