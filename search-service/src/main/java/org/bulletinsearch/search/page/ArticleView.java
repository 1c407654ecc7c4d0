package org.bulletinsearch.search.page;

import java.util.List;

/**
 * Everything the article page ({@code templates/article.html}) shows: the full text, what it is about, where it
 * came from and what is like it.
 *
 * @param paragraphs the body, split at blank lines
 * @param firstSeen when the platform first saw it, for people; firstSeenIso the same for {@code <time>}
 * @param entities what it is about, each a link to a search filtered by that value
 * @param supersedesUrl the page of the article this one corrects; null when it corrects nothing
 * @param provenance every upload, file and position it appeared at, oldest first
 * @param otherVersions the same news as told by other articles (its story's other versions), first seen first
 * @param related articles like it, most similar first
 * @param relatedError why related articles cannot be listed now; null when they could
 */
public record ArticleView(String id, String title, List<String> paragraphs, String firstSeen, String firstSeenIso,
        List<EntityLink> entities, String supersedesUrl, List<ProvenanceRow> provenance, List<VersionRow> otherVersions,
        List<HitView> related, String relatedError) implements PageView {

    /** One thing the article is about. */
    public record EntityLink(String facet, String value, String url) {
    }

    /**
     * One sighting of the article.
     *
     * @param sourceUrl a search for everything from that file
     */
    public record ProvenanceRow(String uploadId, String sourceName, String sourceUrl, int position, String time,
            String isoTime) {
    }

    /**
     * Another version of the article's story.
     *
     * @param url its article page
     * @param sources the files it was seen in, comma-separated
     */
    public record VersionRow(String title, String url, String sources, String time, String isoTime) {
    }

    /** The page of article {@code id}. */
    public static String url(String id) {
        return "/articles/" + id;
    }

    /** This page's own URL. */
    public String url() {
        return url(id);
    }

    @Override
    public String announcement() {
        return title;
    }

    @Override
    public int status() {
        return 200;
    }
}
