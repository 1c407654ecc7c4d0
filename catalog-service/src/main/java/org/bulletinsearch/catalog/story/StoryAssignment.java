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
 * The database version of {@link StoryClustering}: gives pending articles their story (see {@link StoryAssigner}),
 * merges the stories a new article bridges, and splits a story when one of its articles is deleted. Runs on the
 * caller's connection, inside the caller's transaction.
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
 * <p>Cost per new article: its features (one signature, key terms), {@value LshBands#BANDS} index look-ups of
 * the stored articles sharing a band key, its features row and {@value LshBands#BANDS} band rows; all statements
 * are per batch, not per article.
 */
public final class StoryAssignment {

    /** The matcher of every assignment (thresholds and their sources in {@link StoryMatcher}). */
    public static final StoryMatcher MATCHER = StoryMatcher.defaults();

    // Any constant both catalog replicas agree on; hashtext keeps it readable.
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('bulletin-search.stories'))";

    /**
     * A band key shared by more stored articles than this is boilerplate (a notice repeated week after week with
     * another date, a template), not a sign of one story: it brings no candidates, so the cost of an arrival
     * stays bounded (each key is read with this limit). The pairs it would have brought were compared while it
     * was rarer; articles sharing only such keys with a newcomer are not compared with it, the one place where
     * the order of arrival can matter.
     */
    public static final int MAX_ARTICLES_PER_BAND_KEY = 200;

    private static final String CANDIDATE_IDS = """
            SELECT k.band_key, c.article_key
            FROM unnest(?::bigint[]) AS k(band_key)
            CROSS JOIN LATERAL (SELECT b.article_key FROM story_band b WHERE b.band_key = k.band_key LIMIT ?) c
            """;

    private static final String CANDIDATES = """
            SELECT f.article_id, f.signature, f.key_terms, a.story_id
            FROM article_story_features f JOIN article a ON a.id = f.article_id
            WHERE story_article_key(f.article_id) = ANY (?::bigint[])
            """;

    private static final String MEMBERS = """
            SELECT f.article_id, f.signature, f.key_terms
            FROM article_story_features f JOIN article a ON a.id = f.article_id
            WHERE a.story_id = ?
            """;

    private static final String INSERT_FEATURES = """
            INSERT INTO article_story_features (article_id, signature, key_terms)
            SELECT e.id, decode(e.signature, 'base64'), e.key_terms::text[]
            FROM unnest(?::bpchar[], ?::text[], ?::text[]) AS e(id, signature, key_terms)
            ON CONFLICT (article_id) DO NOTHING
            """;

    private static final String INSERT_BANDS = """
            INSERT INTO story_band (band_key, article_key)
            SELECT e.band_key, story_article_key(e.article_id) FROM unnest(?::bigint[], ?::bpchar[]) AS e(band_key, article_id)
            ON CONFLICT DO NOTHING
            """;

    private static final String FORGET = """
            SELECT a.story_id, f.signature FROM article a LEFT JOIN article_story_features f ON f.article_id = a.id
            WHERE a.id = ?
            """;

    private static final String DELETE_BANDS = """
            DELETE FROM story_band WHERE band_key = ANY (?::bigint[]) AND article_key = story_article_key(?)
            """;

    private static final String SET_STORY = """
            UPDATE article a SET story_id = e.story_id
            FROM unnest(?::bpchar[], ?::bpchar[]) AS e(id, story_id)
            WHERE a.id = e.id AND a.story_id IS DISTINCT FROM e.story_id
            """;

    private static final String DONE = "UPDATE article SET story_pending = false WHERE id = ANY (?::bpchar[]) AND story_pending";

    private static final String PENDING = """
            SELECT id, title, body FROM article WHERE story_pending ORDER BY first_seen_at DESC, id DESC LIMIT ?
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
     * Groups the newest pending articles (stored, not yet compared with the others): what was just uploaded is
     * grouped first, a backlog behind it.
     *
     * @param connection the transaction's connection
     * @param limit      most articles to group
     * @return how many were grouped; fewer than {@code limit} when no more were pending
     * @throws SQLException what the database throws; the caller's transaction then rolls back
     */
    public static int assignPending(Connection connection, int limit) throws SQLException {
        lock(connection);
        List<Text> pending = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(PENDING)) {
            statement.setInt(1, limit);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    pending.add(new Text(result.getString(1), result.getString(2), result.getString(3)));
                }
            }
        }
        assign(connection, pending);
        return pending.size();
    }

    /**
     * Gives each article its story, merging the stories it bridges, and marks it grouped.
     *
     * @param connection the transaction's connection, holding the lock
     * @param articles   articles whose rows exist and have no features yet (a row that has them is skipped)
     * @throws SQLException what the database throws; the caller's transaction then rolls back
     */
    private static void assign(Connection connection, List<Text> articles) throws SQLException {
        if (articles.isEmpty()) {
            return;
        }
        Map<String, StoryFeatures> incoming = new LinkedHashMap<>();
        for (Text text : articles) {
            incoming.putIfAbsent(text.id(), MATCHER.features(text.id(), text.title(), text.body()));
        }
        Map<String, Stored> known = candidates(connection, incoming.values());
        incoming.keySet().removeAll(known.keySet());
        MinRootUnion stories = new MinRootUnion();
        Map<Long, List<String>> byKey = new HashMap<>();
        known.values().forEach(stored -> index(byKey, stored.features().articleId(), stored.bandKeys()));
        for (StoryFeatures article : incoming.values()) {
            stories.add(article.articleId());
            long[] keys = LshBands.numericKeys(article.signature());
            Set<String> seen = new HashSet<>();
            for (long key : keys) {
                for (String other : byKey.getOrDefault(key, List.of())) {
                    if (seen.add(other) && MATCHER.decide(article, features(other, known, incoming)).sameStory()) {
                        Stored stored = known.get(other);
                        stories.union(article.articleId(), stored == null ? other : stories.add(stored.storyId()));
                    }
                }
            }
            index(byKey, article.articleId(), keys);
        }
        write(connection, incoming.values(), known.values(), stories);
        try (PreparedStatement statement = connection.prepareStatement(DONE)) {
            statement.setArray(1, connection.createArrayOf("text", articles.stream().map(Text::id).toArray()));
            statement.executeUpdate();
        }
    }

    /**
     * Takes an article out of candidate generation before it is deleted (its band keys go; its features go with
     * its row) and says which story it was in, for {@link #regroup}.
     *
     * @return its story id, null when the catalog does not hold it
     */
    public static String forget(Connection connection, String articleId) throws SQLException {
        String story;
        byte[] signature;
        try (PreparedStatement statement = connection.prepareStatement(FORGET)) {
            statement.setString(1, articleId);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return null;
                }
                story = result.getString(1);
                signature = result.getBytes(2);
            }
        }
        if (signature != null) {
            try (PreparedStatement statement = connection.prepareStatement(DELETE_BANDS)) {
                long[] keys = LshBands.numericKeys(StorySignature.fromBytes(signature));
                statement.setArray(1, connection.createArrayOf("bigint", Arrays.stream(keys).boxed().toArray()));
                statement.setString(2, articleId);
                statement.executeUpdate();
            }
        }
        return story;
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
                    clustering.add(read(result));
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

    /**
     * The stored articles sharing a band key with any of the new ones (and any of the new ones already stored),
     * each with the keys it shares; keys shared by more than {@link #MAX_ARTICLES_PER_BAND_KEY} bring none.
     * {@code story_band} names articles by {@code story_article_key} (64 bits of the id, see migration V6), so the
     * keys a candidate shares are recomputed from its signature ({@link LshBands#numericKeys} must stay the same for
     * a stored signature format, as {@link #forget} needs too): an article that only shares a 64-bit key with a
     * candidate is read and dropped.
     */
    private static Map<String, Stored> candidates(Connection connection, Iterable<StoryFeatures> incoming) throws SQLException {
        Set<Long> keys = new HashSet<>();
        incoming.forEach(article -> Arrays.stream(LshBands.numericKeys(article.signature())).forEach(keys::add));
        Map<Long, List<Long>> articlesByKey = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(CANDIDATE_IDS)) {
            statement.setArray(1, connection.createArrayOf("bigint", keys.toArray()));
            statement.setInt(2, MAX_ARTICLES_PER_BAND_KEY + 1);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    articlesByKey.computeIfAbsent(result.getLong(1), key -> new ArrayList<>()).add(result.getLong(2));
                }
            }
        }
        articlesByKey.values().removeIf(articles -> articles.size() > MAX_ARTICLES_PER_BAND_KEY);
        Map<String, Stored> found = new HashMap<>();
        if (articlesByKey.isEmpty()) {
            return found;
        }
        Set<Long> articleKeys = new HashSet<>();
        articlesByKey.values().forEach(articleKeys::addAll);
        try (PreparedStatement statement = connection.prepareStatement(CANDIDATES)) {
            statement.setArray(1, connection.createArrayOf("bigint", articleKeys.toArray()));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    StoryFeatures features = read(result);
                    long[] shared = Arrays.stream(LshBands.numericKeys(features.signature()))
                            .filter(articlesByKey::containsKey).toArray();
                    if (shared.length > 0) {
                        found.put(features.articleId(), new Stored(features, result.getString(4), shared));
                    }
                }
            }
        }
        return found;
    }

    private static StoryFeatures read(ResultSet result) throws SQLException {
        Array terms = result.getArray(3);
        return new StoryFeatures(result.getString(1), StorySignature.fromBytes(result.getBytes(2)),
                new TreeSet<>(Arrays.asList((String[]) terms.getArray())));
    }

    private static void index(Map<Long, List<String>> byKey, String articleId, long[] keys) {
        for (long key : keys) {
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(articleId);
        }
    }

    private static StoryFeatures features(String id, Map<String, Stored> known, Map<String, StoryFeatures> incoming) {
        Stored stored = known.get(id);
        return stored == null ? incoming.get(id) : stored.features();
    }

    private static void write(Connection connection, Iterable<StoryFeatures> incoming, Iterable<Stored> known,
            MinRootUnion stories) throws SQLException {
        List<String> ids = new ArrayList<>();
        List<String> signatures = new ArrayList<>();
        List<String> keyTerms = new ArrayList<>();
        List<Long> bandKeys = new ArrayList<>();
        List<String> bandArticles = new ArrayList<>();
        List<String> storyIds = new ArrayList<>();
        for (StoryFeatures article : incoming) {
            ids.add(article.articleId());
            signatures.add(article.signature().toBase64());
            keyTerms.add(arrayLiteral(article.keyTerms().stream().map(StoryAssignment::quoted).toList()));
            for (long key : LshBands.numericKeys(article.signature())) {
                bandKeys.add(key);
                bandArticles.add(article.articleId());
            }
            storyIds.add(stories.find(article.articleId()));
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT_FEATURES)) {
            statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
            statement.setArray(2, connection.createArrayOf("text", signatures.toArray()));
            statement.setArray(3, connection.createArrayOf("text", keyTerms.toArray()));
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT_BANDS)) {
            statement.setArray(1, connection.createArrayOf("bigint", bandKeys.toArray()));
            statement.setArray(2, connection.createArrayOf("text", bandArticles.toArray()));
            statement.executeUpdate();
        }
        setStories(connection, ids, storyIds);
        merge(connection, known, stories);
    }

    /** A PostgreSQL array literal of already quoted or numeric elements: one text that casts to an array. */
    private static String arrayLiteral(List<String> elements) {
        return "{" + String.join(",", elements) + "}";
    }

    /** An element of an array literal: in double quotes, backslash and double quote escaped. */
    private static String quoted(String element) {
        return '"' + element.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
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

    /** A stored article's features, its current story and its band keys ({@link LshBands#numericKeys}). */
    private record Stored(StoryFeatures features, String storyId, long[] bandKeys) {
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
