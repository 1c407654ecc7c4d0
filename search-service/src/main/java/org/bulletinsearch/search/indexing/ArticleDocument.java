package org.bulletinsearch.search.indexing;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.Entities;
import org.bulletinsearch.events.SightingRetraction.Sighting;
import org.bulletinsearch.events.TextForms;
import org.bulletinsearch.vocabulary.ArticleEntities;
import org.bulletinsearch.vocabulary.EntityExtractor;

/**
 * An article as the index stores it (mapping version 3, {@code search/articles-index.json}). {@code id}
 * repeats the document {@code _id} as a keyword field: newer Elasticsearch versions refuse to sort on
 * {@code _id}, and cursors tie-break on it. {@code suggest} is the title again, in the search-as-you-type
 * field. The sighting fields ({@code sourceName}, {@code uploadId}, {@code position}, {@code ingestedAt})
 * are those of the article's latest sighting: the index holds one per article.
 *
 * <p>Title and body are stored in NFC, the form queries are normalized to: the engine has no Unicode
 * normalization of its own without the ICU plugin, and events published before ingest normalized
 * text (still on the topic, replayed by a new consumer group) may be decomposed. Invisible format
 * characters stay in the stored text (a soft hyphen still hints where to break a line); the index's
 * analyzers drop them.
 *
 * <p>The entity fields ({@code country}, {@code region}, {@code organization}, {@code programme}: canonical
 * names, keyword fields with a lowercase-folded {@code .folded} subfield; {@code year}: integers) come from
 * the event or the catalog export; where the source predates entities they are derived from title and body
 * by {@link EntityExtractor#shared()}, the extractor ingest uses, so the result is the same.
 */
public record ArticleDocument(
        String id,
        String title,
        String body,
        String suggest,
        String sourceName,
        String uploadId,
        int position,
        Instant ingestedAt,
        List<String> country,
        List<String> region,
        List<String> organization,
        List<String> programme,
        List<Integer> year) {

    /** The top-level fields every document has: an index whose mapping lacks some was built by an earlier version. */
    public static final Set<String> FIELDS = Arrays.stream(ArticleDocument.class.getRecordComponents())
            .map(component -> component.getName()).collect(Collectors.toUnmodifiableSet());

    /** The document of an article event (its entities, or derived ones when the event has none). */
    public static ArticleDocument of(ArticleEvent event) {
        return of(event.articleId(), event.title(), event.body(), new Sighting(event.uploadId(), event.sourceName(),
                event.position(), event.ingestedAt()), event.entities());
    }

    /**
     * The document of an article from its text, latest sighting and entities.
     *
     * @param entities as extracted at ingest; null derives them from {@code title} and {@code body}
     */
    public static ArticleDocument of(String id, String title, String body, Sighting sighting, Entities entities) {
        String nfcTitle = TextForms.nfc(title);
        String nfcBody = TextForms.nfc(body);
        Entities found = entities != null ? entities : derived(nfcTitle, nfcBody);
        return new ArticleDocument(id, nfcTitle, nfcBody, nfcTitle, TextForms.nfc(sighting.sourceName()),
                sighting.uploadId(), sighting.position(), sighting.ingestedAt(), found.country(), found.region(),
                found.organization(), found.programme(), found.year());
    }

    /** This article seen at {@code sighting} instead (a retraction re-points it to its latest remaining one). */
    public ArticleDocument withSighting(Sighting sighting) {
        return new ArticleDocument(id, title, body, suggest, TextForms.nfc(sighting.sourceName()), sighting.uploadId(),
                sighting.position(), sighting.ingestedAt(), country, region, organization, programme, year);
    }

    private static Entities derived(String title, String body) {
        ArticleEntities found = EntityExtractor.shared().extract(title, body);
        return new Entities(found.countries(), found.regions(), found.organizations(), found.programmes(), found.years());
    }
}
