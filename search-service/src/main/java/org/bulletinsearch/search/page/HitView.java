package org.bulletinsearch.search.page;

import io.quarkus.qute.RawString;
import java.time.Instant;
import org.bulletinsearch.search.query.SearchHit;

/**
 * One result as the page lists it ({@code templates/tags/hit.html}).
 *
 * @param url the article page
 * @param titleHtml the title, matches in {@code <em>} (see {@link HighlightHtml})
 * @param snippetHtml the best passage of the body, matches in {@code <em>}
 * @param sourceUrl a search for everything from the same source file
 * @param date the ingestion day for people ({@code 25 Nov 2026}); isoDate the same for {@code <time datetime>}
 * @param otherVersions how many other articles tell the same story (listed on the article page); 0 for none
 */
public record HitView(String id, String url, RawString titleHtml, RawString snippetHtml, String sourceName,
        String sourceUrl, String date, String isoDate, int otherVersions) {

    /** The view of a hit of the search API. */
    public static HitView of(SearchHit hit) {
        Instant at = hit.ingestedAt();
        return new HitView(hit.id(), ArticleView.url(hit.id()), HighlightHtml.of(hit.titleHighlight()),
                HighlightHtml.of(hit.snippet()), hit.sourceName(),
                hit.sourceName() == null ? null : SearchState.filtered("source", hit.sourceName()),
                at == null ? null : Dates.day(at), at == null ? null : Dates.isoDay(at), hit.otherVersionCount());
    }
}
