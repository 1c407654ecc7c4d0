package org.bulletinsearch.catalog.story;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What story matching needs to know about one article, all of it storable with the article: its id,
 * its {@link StorySignature} and its {@link KeyTerms key terms}.
 *
 * @param articleId the article's id ({@code ArticleId}, 32 lowercase hex characters; any non-empty
 *                  string works here, ids are only compared)
 * @param signature the article's signature
 * @param keyTerms  the article's key terms from the matcher's {@link KeyTerms#extract}; copied into an
 *                  unmodifiable sorted set
 */
public record StoryFeatures(String articleId, StorySignature signature, Set<String> keyTerms) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException     when any component is null
     * @throws IllegalArgumentException when the article id is empty
     */
    public StoryFeatures {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(signature, "signature");
        if (articleId.isEmpty()) {
            throw new IllegalArgumentException("empty article id");
        }
        SortedSet<String> copy = new TreeSet<>(keyTerms);
        keyTerms = Collections.unmodifiableSortedSet(copy);
    }

    /**
     * Computes the features of an article.
     *
     * @param articleId the article's id
     * @param title     its title line
     * @param body      its body paragraph
     * @param keyTerms  the key-term extractor the matcher uses
     */
    public static StoryFeatures of(String articleId, String title, String body, KeyTerms keyTerms) {
        return new StoryFeatures(articleId, StorySignature.of(title, body), keyTerms.extract(title, body));
    }
}
