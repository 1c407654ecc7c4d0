package org.bulletinsearch.catalog.story;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.events.ArticleId;

/**
 * The labelled test corpus in {@code src/test/resources/stories/}: articles written for these tests
 * ({@code articles.txt}, and {@code holdout-articles.txt} written after the parameters were frozen) and
 * labelled pairs ({@code pairs.tsv}, {@code holdout-pairs.tsv}).
 */
final class StoryCorpus {

    /**
     * One article.
     *
     * @param label "story.n", e.g. "trs-samoa.2"
     * @param story the story label, e.g. "trs-samoa": equal labels = same story
     * @param id    its real {@link ArticleId}
     */
    record Article(String label, String story, String title, String body, String id) {
    }

    /**
     * One labelled pair.
     *
     * @param same whether the two articles are one story
     * @param kind the kind of re-telling or of hard negative
     */
    record Pair(Article left, Article right, boolean same, String kind) {
    }

    static final String MAIN_ARTICLES = "articles.txt";
    static final String HOLDOUT_ARTICLES = "holdout-articles.txt";
    static final String MAIN_PAIRS = "pairs.tsv";
    static final String HOLDOUT_PAIRS = "holdout-pairs.tsv";

    private final Map<String, Article> byLabel;

    private StoryCorpus(Map<String, Article> byLabel) {
        this.byLabel = byLabel;
    }

    /** Both article files. */
    static StoryCorpus load() {
        Map<String, Article> articles = new LinkedHashMap<>();
        readArticles(MAIN_ARTICLES, articles);
        readArticles(HOLDOUT_ARTICLES, articles);
        return new StoryCorpus(articles);
    }

    /** All articles in file order. */
    List<Article> articles() {
        return List.copyOf(byLabel.values());
    }

    /** The articles of one file, in file order. */
    List<Article> articles(String file) {
        List<Article> articles = new ArrayList<>();
        Map<String, Article> fromFile = new LinkedHashMap<>();
        readArticles(file, fromFile);
        fromFile.keySet().forEach(label -> articles.add(byLabel.get(label)));
        return articles;
    }

    Article article(String label) {
        Article article = byLabel.get(label);
        if (article == null) {
            throw new IllegalArgumentException("no article " + label);
        }
        return article;
    }

    /** The labelled pairs of a pairs file. */
    List<Pair> pairs(String file) {
        List<Pair> pairs = new ArrayList<>();
        for (String line : lines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length != 4 || !(columns[2].equals("same") || columns[2].equals("different"))) {
                throw new IllegalStateException(file + ": bad line " + line);
            }
            pairs.add(new Pair(article(columns[0]), article(columns[1]), columns[2].equals("same"), columns[3]));
        }
        return Collections.unmodifiableList(pairs);
    }

    private static void readArticles(String file, Map<String, Article> into) {
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("@ ")) {
                continue;
            }
            String label = line.substring(2).strip();
            String title = lines.get(i + 1);
            String body = lines.get(i + 2);
            if (title.isBlank() || body.isBlank() || !label.matches("[a-z0-9-]+\\.\\d+")) {
                throw new IllegalStateException(file + ": malformed article " + label);
            }
            String story = label.substring(0, label.lastIndexOf('.'));
            if (into.put(label, new Article(label, story, title, body, ArticleId.of(title, body))) != null) {
                throw new IllegalStateException(file + ": duplicate label " + label);
            }
        }
    }

    private static List<String> lines(String file) {
        try (InputStream in = StoryCorpus.class.getResourceAsStream("/stories/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource stories/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
