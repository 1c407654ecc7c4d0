package org.bulletinsearch.search.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bulletinsearch.events.ArticleEvent;

/** The test bulletins as events, without Kafka: for tests that index through the service's classes directly. */
public final class CustomsCorpusText {

    public static final String WEEKLY_SOURCE = "customs-weekly.txt";
    public static final String MONTHLY_SOURCE = "customs-monthly.txt";

    private CustomsCorpusText() {
    }

    public static List<ArticleEvent> events() {
        List<ArticleEvent> events = new ArrayList<>(Bulletin.fromResource("/bulletins/customs-weekly.txt")
                .events(WEEKLY_SOURCE, "weekly", Instant.parse("2024-10-07T08:30:00Z")));
        events.addAll(Bulletin.fromResource("/bulletins/customs-monthly.txt")
                .events(MONTHLY_SOURCE, "monthly", Instant.parse("2024-11-04T09:00:00Z")));
        return events;
    }
}
