package org.bulletinsearch.catalog.story;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The database version of {@link StoryClustering}: gives new articles their story, merges the stories a new
 * article bridges, and splits a story when one of its articles is deleted. Runs on the caller's connection,
 * inside the caller's transaction (the one that stores or deletes the articles), so an article is never
 * stored without its story.
 *
 * <p><b>Why the result does not depend on order.</b> A story is a connected component of the graph of
 * {@link StoryMatcher same-story} pairs that share a band key, and its id is the smallest article id of the
 * component ({@link StoryClustering} states the rule). Every pair is compared once, when the later of the two
 * arrives, with a symmetric predicate, so any arrival order, replay or redelivery of the same articles yields
 * the same components and the same ids (up to {@link #MAX_ARTICLES_PER_BAND_KEY}). Assignments are serialized
 * across transactions and replicas by a PostgreSQL advisory lock held until commit, so two batches never
 * miss each other's articles. A story id changes only when the set of articles changes: an arrival that
 * bridges stories merges them under the smallest id, a deletion regroups the rest of its story.
 *
 * <p>Cost per new article: its features (one signature, key terms), one look-up of the articles sharing its
 * band keys, and {@value LshBands#BANDS} band rows; all statements are per batch, not per article.
 */
public final class StoryAssignment {

    /** The matcher of every assignment (thresholds and their sources in {@link StoryMatcher}). */
    public static final StoryMatcher MATCHER = StoryMatcher.defaults();

    // Any constant both catalog replicas agree on; hashtext keeps it readable.
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('bulletin-search.stories'))";

    /**
     * A band key shared by more stored articles than this is boilerplate (a notice repeated week after week
     * with another date), not a sign of one story: it no longer brings candidates, so the cost of an arrival
     * stays bounded. The pairs it would have brought were compared while it was rarer; articles sharing only
     * such keys with a newcomer are not compared with it (the one place where order can matter).
     */
    public static final int MAX_ARTICLES_PER_BAND_KEY = 500;

    private static final String CANDIDATES = """
            WITH shared AS (SELECT b.band_key FROM story_band b WHERE b.band_key = ANY (?::text[])
                            GROUP BY b.band_key HAVING count(*) <= ?)
            SELECT f.article_id, f.signature, f.key_terms, a.story_id
            FROM article_story_features f JOIN article a ON a.id = f.article_id
            WHERE f.article_id IN (SELECT b.article_id FROM story_band b JOIN shared s ON s.band_key = b.band_key)
            """;

    private static final String MEMBERS = """
            SELECT f.article_id, f.signature, f.key_terms
            FROM article_story_features f JOIN article a ON a.id = f.article_id
            WHERE a.story_id = ?
            """;

    private static final String INSERT_FEATURES = """
            INSERT INTO article_story_features (article_id, signature, key_terms) VALUES (?, ?, ?)
            ON CONFLICT (article_id) DO NOTHING
            """;

    private static final String INSERT_BANDS = """
            INSERT INTO story_band (band_key, article_id)
            SELECT * FROM unnest(?::text[], ?::bpchar[]) ON CONFLICT DO NOTHING
            """;

    private static final String SET_STORY = """
            UPDATE article a SET story_id = e.story_id
            FROM unnest(?::bpchar[], ?::bpchar[]) AS e(id, story_id)
            WHERE a.id = e.id AND a.story_id IS DISTINCT FROM e.story_id
            """;

    private static final String MERGE = """
            UPDATE article a SET story_id = e.merged_into
            FROM unnest(?::bpchar[], ?::bpchar[]) AS e(story_id, merged_into)
            WHERE a.story_id = e.story_id
            """;

    private StoryAssignment() {
    }

    /** An article to group: its id and text as stored. */
    public record Text(String id, String title, String body) {
    }

    /**
     * Gives each new article its story, merging the stories it bridges.
     *
     * @param connection the transaction's connection
     * @param articles   articles whose rows exist and have no features yet (a row that has them is skipped)
     * @throws SQLException what the database throws; the caller's transaction then rolls back
     */
    public static void assign(Connection connection, List<Text> articles) throws SQLException {
        if (articles.isEmpty()) {
            return;
        }
        lock(connection);
        Map<String, StoryFeatures> incoming = new LinkedHashMap<>();
        for (Text text : articles) {
            incoming.putIfAbsent(text.id(), MATCHER.features(text.id(), text.title(), text.body()));
        }
        Map<String, Stored> known = candidates(connection, incoming.values());
        incoming.keySet().removeAll(known.keySet());
        MinRootUnion stories = new MinRootUnion();
        Map<String, List<String>> byKey = new HashMap<>();
        known.values().forEach(stored -> index(byKey, stored.features()));
        for (StoryFeatures article : incoming.values()) {
            stories.add(article.articleId());
            Set<String> seen = new HashSet<>();
            for (String key : article.signature().bandKeys()) {
                for (String other : byKey.getOrDefault(key, List.of())) {
                    if (seen.add(other) && MATCHER.decide(article, features(other, known, incoming)).sameStory()) {
                        Stored stored = known.get(other);
                        stories.union(article.articleId(), stored == null ? other : stories.add(stored.storyId()));
                    }
                }
            }
            index(byKey, article);
        }
        write(connection, incoming.values(), known.values(), stories);
    }

    /**
     * The story of an article, before it is deleted.
     *
     * @return its story id, null when the catalog does not hold it
     */
    public static String storyOf(Connection connection, String articleId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT story_id FROM article WHERE id = ?")) {
            statement.setString(1, articleId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    /**
     * Regroups what is left of a story after one of its articles was deleted: the remaining articles may
     * fall apart into several stories (the deleted one bridged them), each named by its smallest id.
     *
     * @param storyId the story the deleted article belonged to; null does nothing
     */
    public static void regroup(Connection connection, String storyId) throws SQLException {
        if (storyId == null) {
            return;
        }
        lock(connection);
        StoryClustering clustering = new StoryClustering(MATCHER);
        try (PreparedStatement statement = connection.prepareStatement(MEMBERS)) {
            statement.setString(1, storyId);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    clustering.add(read(result).features());
                }
            }
        }
        Map<String, String> ids = clustering.storyIds();
        setStories(connection, List.copyOf(ids.keySet()), List.copyOf(ids.values()));
    }

    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
            statement.execute();
        }
    }

    /** The stored articles sharing a band key with any of the new ones (and any of the new ones already stored). */
    private static Map<String, Stored> candidates(Connection connection, Iterable<StoryFeatures> incoming) throws SQLException {
        Set<String> keys = new TreeSet<>();
        incoming.forEach(article -> keys.addAll(article.signature().bandKeys()));
        Map<String, Stored> found = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(CANDIDATES)) {
            statement.setArray(1, connection.createArrayOf("text", keys.toArray()));
            statement.setInt(2, MAX_ARTICLES_PER_BAND_KEY);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Stored stored = read(result);
                    found.put(stored.features().articleId(), stored);
                }
            }
        }
        return found;
    }

    private static Stored read(ResultSet result) throws SQLException {
        Array terms = result.getArray(3);
        StoryFeatures features = new StoryFeatures(result.getString(1), StorySignature.fromBytes(result.getBytes(2)),
                new TreeSet<>(Arrays.asList((String[]) terms.getArray())));
        return new Stored(features, result.getMetaData().getColumnCount() > 3 ? result.getString(4) : null);
    }

    private static void index(Map<String, List<String>> byKey, StoryFeatures article) {
        for (String key : article.signature().bandKeys()) {
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(article.articleId());
        }
    }

    private static StoryFeatures features(String id, Map<String, Stored> known, Map<String, StoryFeatures> incoming) {
        Stored stored = known.get(id);
        return stored == null ? incoming.get(id) : stored.features();
    }

    private static void write(Connection connection, Iterable<StoryFeatures> incoming, Iterable<Stored> known,
            MinRootUnion stories) throws SQLException {
        List<String> bandKeys = new ArrayList<>();
        List<String> bandArticles = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> storyIds = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(INSERT_FEATURES)) {
            for (StoryFeatures article : incoming) {
                statement.setString(1, article.articleId());
                statement.setBytes(2, article.signature().toBytes());
                statement.setArray(3, connection.createArrayOf("text", article.keyTerms().toArray()));
                statement.addBatch();
                for (String key : article.signature().bandKeys()) {
                    bandKeys.add(key);
                    bandArticles.add(article.articleId());
                }
                ids.add(article.articleId());
                storyIds.add(stories.find(article.articleId()));
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT_BANDS)) {
            statement.setArray(1, connection.createArrayOf("text", bandKeys.toArray()));
            statement.setArray(2, connection.createArrayOf("text", bandArticles.toArray()));
            statement.executeUpdate();
        }
        setStories(connection, ids, storyIds);
        merge(connection, known, stories);
    }

    /** Stored stories that a new article joined to a story with a smaller id are renamed to it. */
    private static void merge(Connection connection, Iterable<Stored> known, MinRootUnion stories) throws SQLException {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Stored stored : known) {
            String into = stories.contains(stored.storyId()) ? stories.find(stored.storyId()) : stored.storyId();
            if (!into.equals(stored.storyId())) {
                merged.put(stored.storyId(), into);
            }
        }
        if (!merged.isEmpty()) {
            update(connection, MERGE, List.copyOf(merged.keySet()), List.copyOf(merged.values()));
        }
    }

    private static void setStories(Connection connection, List<String> ids, List<String> storyIds) throws SQLException {
        update(connection, SET_STORY, ids, storyIds);
    }

    private static void update(Connection connection, String sql, List<String> first, List<String> second)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", first.toArray()));
            statement.setArray(2, connection.createArrayOf("text", second.toArray()));
            statement.executeUpdate();
        }
    }

    /** A stored article's features and its current story (null when read without it). */
    private record Stored(StoryFeatures features, String storyId) {
    }

    /** Union-find over ids whose every root is the smallest id of its set, as story ids are. */
    private static final class MinRootUnion {

        private final Map<String, String> parent = new HashMap<>();

        String add(String id) {
            parent.putIfAbsent(id, id);
            return id;
        }

        boolean contains(String id) {
            return parent.containsKey(id);
        }

        String find(String id) {
            String root = id;
            while (!parent.get(root).equals(root)) {
                root = parent.get(root);
            }
            parent.put(id, root);
            return root;
        }

        void union(String a, String b) {
            String rootA = find(a);
            String rootB = find(b);
            if (rootA.compareTo(rootB) < 0) {
                parent.put(rootB, rootA);
            } else if (rootB.compareTo(rootA) < 0) {
                parent.put(rootA, rootB);
            }
        }
    }
}
