package org.bulletinsearch.catalog.story;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bulletinsearch.catalog.article.Article;
import org.bulletinsearch.catalog.article.ArticleRepository;
import org.bulletinsearch.catalog.article.ArticleSighting;
import org.bulletinsearch.catalog.article.ArticleSightingRepository;
import org.bulletinsearch.catalog.article.Sighting;
import org.bulletinsearch.catalog.database.ReadsDatabase;
import org.bulletinsearch.edge.ResourceNotFoundException;

/** What {@code GET /stories/{id}} answers, read from the database. */
@ApplicationScoped
@ReadsDatabase
public class StoryCatalog {

    private final ArticleRepository articles;
    private final ArticleSightingRepository sightings;

    public StoryCatalog(ArticleRepository articles, ArticleSightingRepository sightings) {
        this.articles = articles;
        this.sightings = sightings;
    }

    /** What a story id names now: the story, or the story it was merged into. */
    public sealed interface StoryLookup {
        /** The story and its versions. */
        record Found(StoryDetails story) implements StoryLookup {
        }

        /** The id named a story that has since merged into {@code storyId} (its articles are there). */
        record Merged(String storyId) implements StoryLookup {
        }
    }

    /**
     * The story with this id, or where a former story of this id went.
     *
     * @throws ResourceNotFoundException 404 when no story has the id and no article of it is held
     */
    public StoryLookup lookup(String id) {
        List<Article> versions = articles.list("storyId = ?1 order by firstSeenAt, id", id);
        if (versions.isEmpty()) {
            Optional<Article> article = articles.findByIdOptional(id);
            return article.map(found -> (StoryLookup) new StoryLookup.Merged(found.getStoryId()))
                    .orElseThrow(() -> new ResourceNotFoundException("story", id));
        }
        Map<String, List<Sighting>> provenance = sightings.provenanceOf(versions.stream().map(Article::getId).toList())
                .stream().collect(Collectors.groupingBy(sighting -> sighting.getArticle().getId(),
                        Collectors.mapping(Sighting::of, Collectors.toList())));
        return new StoryLookup.Found(new StoryDetails(id, versions.size(), versions.stream()
                .map(article -> new StoryVersion(article.getId(), article.getTitle(), article.getFirstSeenAt(),
                        article.getLastSeenAt(), provenance.getOrDefault(article.getId(), List.of())))
                .toList()));
    }
}
