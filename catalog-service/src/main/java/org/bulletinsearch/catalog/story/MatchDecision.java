package org.bulletinsearch.catalog.story;

/**
 * The outcome of comparing an article with one candidate.
 *
 * @param articleId        the new article
 * @param candidateId      the candidate it was compared with
 * @param estimatedJaccard the signatures' {@link StorySignature#estimatedJaccard estimated Jaccard
 *                         similarity}, in [0, 1]
 * @param verdict          what the matcher decided
 */
public record MatchDecision(String articleId, String candidateId, double estimatedJaccard, Verdict verdict) {

    /** Why two articles are, or are not, the same story. */
    public enum Verdict {
        /** Similar enough and no key-term contradiction: one story. */
        SAME_STORY,
        /** Estimated Jaccard similarity below the threshold. */
        BELOW_THRESHOLD,
        /** Similar text, but {@link KeyTerms#contradict} found a different place, date or name. */
        KEY_TERMS_CONTRADICT
    }

    /** Whether the verdict is {@link Verdict#SAME_STORY}. */
    public boolean sameStory() {
        return verdict == Verdict.SAME_STORY;
    }
}
