package org.bulletinsearch.catalog.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bulletinsearch.events.ArticleEvent;

/**
 * Test articles: invented local news written for these tests, as ingest would publish them
 * (normalized text, content-derived ids). Every article carries a reference that makes it unique
 * to the test that asked for it, so tests sharing one database never see each other's articles.
 */
public final class Bulletins {

    private static final String[] PLACES = {"Alderbrook", "Kestrel Bay", "Millhaven", "Port Sorrel", "Westmere",
            "Tallow Cross", "Brindle Fen", "Oakhurst Quay", "Saltcombe Rise", "Harrowgate Mill"};
    private static final String[] BODIES = {"town council", "harbour board", "water authority", "library trust",
            "school governors", "ferry company", "rowing club", "allotment society", "fire brigade", "bus cooperative"};
    private static final String[] ACTIONS = {"approves", "postpones", "reviews", "extends", "reopens", "funds",
            "questions", "celebrates", "replaces", "consults on"};
    private static final String[] THINGS = {"the footbridge over the canal", "the winter ferry timetable",
            "night opening at the reading room", "repairs to the sea wall", "a second lifeboat mooring",
            "the market square lighting", "flood barriers on the lower road", "the summer regatta course",
            "a village minibus service", "the old granary roof"};
    private static final String[] FOLLOW_UPS = {"Residents can comment at the parish hall until the end of the month.",
            "A decision is expected after the next public meeting.",
            "Work would start in spring if the weather allows.",
            "The cost is to be shared with the neighbouring district.",
            "Volunteers have offered to help with the first phase."};

    private Bulletins() {
    }

    /** A fresh upload id, shaped like the ones ingest issues. */
    public static String newUploadId() {
        return UUID.randomUUID().toString();
    }

    /** The n-th article (n from 0) of a family of articles identified by {@code tag}. */
    public static Article article(String tag, int n) {
        String place = PLACES[n % PLACES.length];
        String body = BODIES[(n / PLACES.length) % BODIES.length];
        String action = ACTIONS[(n / 7) % ACTIONS.length];
        String thing = THINGS[(n / 3) % THINGS.length];
        String title = place + " " + body + " " + action + " " + thing;
        String text = "The " + body + " in " + place + " " + action + " " + thing + " after a long evening meeting"
                + " on Thursday. " + FOLLOW_UPS[n % FOLLOW_UPS.length] + " (Reference " + tag + "-" + n + ".)";
        return new Article(title, text);
    }

    /** {@code count} articles of the family {@code tag}, starting at {@code first}. */
    public static List<Article> articles(String tag, int first, int count) {
        List<Article> articles = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            articles.add(article(tag, i));
        }
        return articles;
    }

    /** The events of one upload: the articles at positions 1, 2, ... */
    public static List<ArticleEvent> upload(String uploadId, String sourceName, Instant ingestedAt, List<Article> articles) {
        List<ArticleEvent> events = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            Article article = articles.get(i);
            events.add(ArticleEvent.of(article.title(), article.body(), sourceName, uploadId, i + 1, ingestedAt));
        }
        return events;
    }

    /** Title and body of an article, as written. */
    public record Article(String title, String body) {
    }
}
