package org.bulletinsearch.catalog.story;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether two articles tell the same story: estimated Jaccard similarity of their
 * {@link StorySignature}s at least {@link #threshold()}, and no contradiction between their
 * {@link KeyTerms} (a template re-used for another country, year or place is a different story).
 *
 * <p>The decision is a symmetric predicate on a pair ({@code decide(a, b)} and {@code decide(b, a)}
 * agree), which is what makes story assignment independent of arrival order: see {@link StoryClustering}
 * for the story id rule. Candidates come from {@link StorySignature#bandKeys()}; {@link LshBands}
 * guarantees that pairs at the threshold are candidates with probability ≥ 0.99.
 *
 * <p>Immutable and thread-safe when its {@link KeyTerms} is.
 */
public final class StoryMatcher {

    /**
     * Default threshold on the estimated Jaccard similarity (of 3-word body shingles). Measured on the
     * labelled set ({@code StoryEvaluationTest} prints the sweep; exact Jaccard): re-tellings 0.25-0.88
     * (5th percentile 0.29, 10th 0.38), follow-up articles about the same project at most 0.15, template
     * twins 0.17-0.85, which only the key-term guard separates (without it precision is 0.62 at any
     * threshold that keeps recall above 0.9). The threshold is as low as the 64 × 2 banding allows
     * (P(candidate) ≥ 0.99 from s = 0.2635), to keep heavily rewritten re-tellings; 0.25 would lose
     * about 2% of matching pairs in candidate generation, 0.30 loses 6% of the labelled re-tellings.
     */
    public static final double DEFAULT_THRESHOLD = 0.27;

    private final double threshold;
    private final KeyTerms keyTerms;

    /**
     * A matcher.
     *
     * @param threshold minimum estimated Jaccard similarity for one story, in (0, 1]; below
     *                  0.2635 the banding misses more than 1% of the pairs at the threshold
     * @param keyTerms  the guard; {@link KeyTerms#none()} for none
     * @throws IllegalArgumentException for a threshold outside (0, 1]
     */
    public StoryMatcher(double threshold, KeyTerms keyTerms) {
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        this.threshold = threshold;
        this.keyTerms = Objects.requireNonNull(keyTerms, "keyTerms");
    }

    /** The production matcher: {@link #DEFAULT_THRESHOLD} and {@link KeyTerms#defaults()}. */
    public static StoryMatcher defaults() {
        return new StoryMatcher(DEFAULT_THRESHOLD, KeyTerms.defaults());
    }

    /** Minimum estimated Jaccard similarity for one story. */
    public double threshold() {
        return threshold;
    }

    /** The key-term guard. */
    public KeyTerms keyTerms() {
        return keyTerms;
    }

    /**
     * The features of an article as this matcher compares them.
     *
     * @see StoryFeatures#of
     */
    public StoryFeatures features(String articleId, String title, String body) {
        return StoryFeatures.of(articleId, title, body, keyTerms);
    }

    /**
     * Compares two articles. Symmetric up to the order of the ids in the result.
     *
     * @param article   the new article
     * @param candidate an article it may re-tell
     * @return the decision; the key terms are only compared when the similarity reaches the threshold
     */
    public MatchDecision decide(StoryFeatures article, StoryFeatures candidate) {
        double jaccard = article.signature().estimatedJaccard(candidate.signature());
        MatchDecision.Verdict verdict;
        if (jaccard < threshold) {
            verdict = MatchDecision.Verdict.BELOW_THRESHOLD;
        } else if (keyTerms.contradict(article.keyTerms(), candidate.keyTerms())) {
            verdict = MatchDecision.Verdict.KEY_TERMS_CONTRADICT;
        } else {
            verdict = MatchDecision.Verdict.SAME_STORY;
        }
        return new MatchDecision(article.articleId(), candidate.articleId(), jaccard, verdict);
    }

    /**
     * The candidates that are the same story as the article.
     *
     * @param article    the new article
     * @param candidates articles sharing a band key with it (others may be passed; the article itself
     *                   and duplicates of it are skipped)
     * @return the {@link MatchDecision.Verdict#SAME_STORY} decisions, sorted by candidate id
     */
    public List<MatchDecision> matches(StoryFeatures article, Collection<StoryFeatures> candidates) {
        List<MatchDecision> matches = new ArrayList<>();
        for (StoryFeatures candidate : candidates) {
            if (!candidate.articleId().equals(article.articleId())) {
                MatchDecision decision = decide(article, candidate);
                if (decision.sameStory()) {
                    matches.add(decision);
                }
            }
        }
        matches.sort(Comparator.comparing(MatchDecision::candidateId));
        return matches;
    }
}
