package org.bulletinsearch.catalog.story;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bulletinsearch.catalog.article.Article;
import org.bulletinsearch.catalog.article.ArticleRepository;
import org.bulletinsearch.catalog.article.ArticleSighting;
import org.bulletinsearch.catalog.article.ArticleSightingRepository;
import org.bulletinsearch.catalog.article.Sighting;
import org.bulletinsearch.catalog.database.ReadsDatabase;
import org.bulletinsearch.edge.ResourceNotFoundException;
import org.hibernate.Session;

/** What {@code GET /stories/{id}} and {@code GET /stories?articleId=…} answer, read from the database. */
@ApplicationScoped
@ReadsDatabase
public class StoryCatalog {

    /** Versions listed per story by {@link #memberships} (besides the articles asked about): what a hit shows. */
    public static final int LISTED_VERSIONS = 20;

    // Two index look-ups: the stories of the asked articles (primary key), then their versions (story_id index).
    // Corrected articles are hidden everywhere else (listings, the export, search): so they are here.
    private static final String STORIES_OF = "SELECT DISTINCT story_id FROM article WHERE id = ANY (?::bpchar[])";

    private static final String MEMBERSHIPS = """
            SELECT story_id, id, versions, story_pending FROM (
                SELECT a.story_id, a.id, a.first_seen_at, a.story_pending,
                       row_number() OVER (PARTITION BY a.story_id ORDER BY a.first_seen_at, a.id) AS position,
                       count(*) OVER (PARTITION BY a.story_id) AS versions
                FROM article a
                WHERE a.story_id = ANY (?::bpchar[])
                  AND NOT EXISTS (SELECT 1 FROM article_supersession p WHERE p.superseded_id = a.id)) listed
            WHERE position <= ? OR id = ANY (?::bpchar[])
            ORDER BY story_id, first_seen_at, id
            """;

    private final ArticleRepository articles;
    private final ArticleSightingRepository sightings;
    private final Session session;

    public StoryCatalog(ArticleRepository articles, ArticleSightingRepository sightings, Session session) {
        this.articles = articles;
        this.sightings = sightings;
        this.session = session;
    }

    /**
     * The stories of these articles.
     *
     * @param articleIds well-formed article ids, at most a few hundred
     */
    public StoryMemberships memberships(List<String> articleIds) {
        return new StoryMemberships(session.doReturningWork(connection -> {
            Array ids = connection.createArrayOf("text", articleIds.toArray());
            List<String> storyIds = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(STORIES_OF)) {
                statement.setArray(1, ids);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        storyIds.add(rows.getString(1));
                    }
                }
            }
            if (storyIds.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement statement = connection.prepareStatement(MEMBERSHIPS)) {
                statement.setArray(1, connection.createArrayOf("text", storyIds.toArray()));
                statement.setInt(2, LISTED_VERSIONS);
                statement.setArray(3, ids);
                return members(statement.executeQuery());
            }
        }));
    }

    private static List<StoryMembers> members(ResultSet rows) throws SQLException {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        Set<String> pending = new HashSet<>();
        while (rows.next()) {
            ids.computeIfAbsent(rows.getString(1), story -> new ArrayList<>()).add(rows.getString(2));
            counts.put(rows.getString(1), rows.getInt(3));
            if (rows.getBoolean(4)) {
                pending.add(rows.getString(1));
            }
        }
        return ids.entrySet().stream().map(story -> new StoryMembers(story.getKey(), counts.get(story.getKey()),
                List.copyOf(story.getValue()), pending.contains(story.getKey()))).toList();
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
        List<Article> versions = articles.list("storyId = ?1 and id not in (select p.supersededId from ArticleSupersession p)"
                + " order by firstSeenAt, id", id);
        if (versions.isEmpty()) {
            // an article of another story now: this story merged into that one (not a story of corrected articles only)
            Optional<Article> article = articles.findByIdOptional(id).filter(found -> !found.getStoryId().equals(id));
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
