package org.bulletinsearch.catalog.story;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * In-memory story assignment, the reference for the database version: articles arrive one at a time,
 * each is compared with the earlier articles sharing one of its {@link StorySignature#bandKeys() band
 * keys}, and every {@link StoryMatcher same-story} pair joins their stories (union-find).
 *
 * <p><b>Story id rule.</b> A story is a connected component of the graph whose nodes are articles and
 * whose edges are the pairs that share a band key and that {@link StoryMatcher#decide} calls
 * {@link MatchDecision.Verdict#SAME_STORY}; the story id is the smallest article id of the component
 * ({@link String#compareTo}, i.e. lowercase hex order for {@code ArticleId}s). Both the edge predicate
 * (band keys and the decision are symmetric and depend only on the two articles) and the minimum are
 * independent of order, so any arrival order of the same articles gives the same stories and ids.
 *
 * <p><b>What an arrival changes.</b> A new article that matches nothing starts a story whose id is its
 * own. One that matches articles of one story joins it; the story id becomes the new article's id if
 * that is smaller. One that matches articles of several stories <em>bridges</em> them: they merge into
 * one story whose id is the smallest id of all of them (and of the new article). So a story id is stable
 * for a given set of articles but may change when articles arrive: a database implementation updates the
 * {@code story_id} of every article of the merged stories (in the same transaction as the arrival) and
 * should keep old ids as aliases for clients. Merging is transitive (single linkage): A ~ B and B ~ C put
 * A and C in one story even if A and C do not match. Removing an article is not supported (it could
 * split a story).
 *
 * <p>Not thread-safe.
 */
public final class StoryClustering {

    private final StoryMatcher matcher;
    private final Map<String, StoryFeatures> articles = new HashMap<>();
    /** Union-find parent links; a root is always the smallest id of its component. */
    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, List<String>> articlesByBandKey = new HashMap<>();

    /**
     * An empty clustering.
     *
     * @param matcher decides whether two articles are one story
     */
    public StoryClustering(StoryMatcher matcher) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
    }

    /**
     * Adds an article and joins it to the stories of the earlier articles it matches.
     *
     * @param article the article's features; adding an id that is already present does nothing
     * @return the decisions for its candidates that were the same story (sorted by candidate id)
     */
    public List<MatchDecision> add(StoryFeatures article) {
        String id = article.articleId();
        if (articles.containsKey(id)) {
            return List.of();
        }
        List<StoryFeatures> candidates = new ArrayList<>();
        for (String candidateId : candidateIds(article)) {
            candidates.add(articles.get(candidateId));
        }
        articles.put(id, article);
        parent.put(id, id);
        for (String key : article.signature().bandKeys()) {
            articlesByBandKey.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
        }
        List<MatchDecision> matches = matcher.matches(article, candidates);
        for (MatchDecision match : matches) {
            union(id, match.candidateId());
        }
        return matches;
    }

    /** Adds articles in the given order; see {@link #add}. */
    public void addAll(Collection<StoryFeatures> articles) {
        articles.forEach(this::add);
    }

    /** The ids of earlier articles sharing at least one band key with the article, sorted. */
    private SortedSet<String> candidateIds(StoryFeatures article) {
        SortedSet<String> ids = new TreeSet<>();
        for (String key : article.signature().bandKeys()) {
            ids.addAll(articlesByBandKey.getOrDefault(key, List.of()));
        }
        return ids;
    }

    /**
     * The story id of an article: the smallest article id of its story.
     *
     * @throws IllegalArgumentException when the article was never added
     */
    public String storyId(String articleId) {
        if (!parent.containsKey(articleId)) {
            throw new IllegalArgumentException("unknown article " + articleId);
        }
        return find(articleId);
    }

    /** Every article's story id, by article id. */
    public SortedMap<String, String> storyIds() {
        SortedMap<String, String> ids = new TreeMap<>();
        for (String id : parent.keySet()) {
            ids.put(id, find(id));
        }
        return ids;
    }

    /** The stories: story id → its article ids, both sorted. */
    public SortedMap<String, SortedSet<String>> stories() {
        SortedMap<String, SortedSet<String>> stories = new TreeMap<>();
        for (Map.Entry<String, String> entry : storyIds().entrySet()) {
            stories.computeIfAbsent(entry.getValue(), s -> new TreeSet<>()).add(entry.getKey());
        }
        return stories;
    }

    private String find(String id) {
        String root = id;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        String node = id;
        while (!node.equals(root)) { // path compression
            String next = parent.get(node);
            parent.put(node, root);
            node = next;
        }
        return root;
    }

    /** Joins two components under the smaller root, so every root stays its component's minimum. */
    private void union(String a, String b) {
        String rootA = find(a);
        String rootB = find(b);
        int order = rootA.compareTo(rootB);
        if (order < 0) {
            parent.put(rootB, rootA);
        } else if (order > 0) {
            parent.put(rootA, rootB);
        }
    }
}
