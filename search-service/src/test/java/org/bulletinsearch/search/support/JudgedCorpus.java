package org.bulletinsearch.search.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.Entities;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.bulletinsearch.vocabulary.ArticleEntities;
import org.bulletinsearch.vocabulary.EntityExtractor;

/**
 * The team's own judged corpus ({@code src/test/resources/relevance}: customs-domain articles in the bulletin format,
 * written for these tests), published through Kafka as ingest publishes it (entities extracted by the shared
 * gazetteer), one upload per bulletin with fresh upload ids, and awaited until searchable.
 *
 * @param uploads   the upload ids, to restrict searches to this copy of the corpus
 * @param idsByTitle article id per exact title
 */
public record JudgedCorpus(List<String> uploads, Map<String, String> idsByTitle) {

    public static final List<String> BULLETINS = List.of("training.txt", "instruments.txt", "disasters-regions.txt",
            "enforcement-trade.txt");

    /** Publishes the corpus once more and waits until all of it is searchable. */
    public static JudgedCorpus published() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> idsByTitle = new HashMap<>();
        List<String> uploads = new ArrayList<>();
        int articles = 0;
        for (String file : BULLETINS) {
            String upload = "relevance-" + run + "-" + file;
            List<ArticleEvent> events = Bulletin.fromResource("/relevance/" + file)
                    .events(file, upload, Instant.parse("2026-11-02T10:00:00Z")).stream()
                    .map(JudgedCorpus::withEntities).toList();
            events.forEach(event -> assertThat(idsByTitle.put(event.title(), event.articleId()))
                    .as("titles are unique: %s", event.title()).isNull());
            ArticlesTopic.publish(events);
            uploads.add(upload);
            articles += events.size();
        }
        SearchApi.awaitIndexed(uploads, articles);
        return new JudgedCorpus(List.copyOf(uploads), Map.copyOf(idsByTitle));
    }

    /** The event as ingest publishes it: entities extracted once, by the shared gazetteer. */
    private static ArticleEvent withEntities(ArticleEvent event) {
        ArticleEntities found = EntityExtractor.shared().extract(event.title(), event.body());
        return event.withEntities(new Entities(found.countries(), found.regions(), found.organizations(),
                found.programmes(), found.years()));
    }

    /** The id of the article with this exact title. */
    public String id(String title) {
        String id = idsByTitle.get(title);
        assertThat(id).as("title is in the corpus: %s", title).isNotNull();
        return id;
    }

    /** The number of articles. */
    public int size() {
        return idsByTitle.size();
    }
}
