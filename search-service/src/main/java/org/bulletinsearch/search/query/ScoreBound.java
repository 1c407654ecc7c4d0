package org.bulletinsearch.search.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The highest score the {@link RankedQuery} can give a document that does not match its {@code strict} query (all
 * units with all their words): pure logic on the best score of each clause over the whole index, which the engine
 * finds cheaply (a top-1 search skips the blocks that cannot beat its best hit).
 *
 * <p>A match's score is the sum of the scores of the units it matches plus the boosts it earns; no clause scores
 * above its best score anywhere, so a sum of best scores bounds a sum of scores (the reasoning of the MaxScore
 * algorithm: H. Turtle, J. Flood, "Query evaluation: strategies and optimizations", 1995). A document outside
 * {@code strict} fails at least one unit {@code i}, and then:
 * <ul>
 *   <li>{@link Lacking#WORD}, a unit of one word: it has none of that unit's score, and no phrase or proximity
 *       boost either, since those need every plain word (the analyzers of the phrase fields and of the word fields
 *       agree on whether a word is there);</li>
 *   <li>{@link Lacking#SOME_WORDS}, a vocabulary term or name of several words: it may still match some of them
 *       (the matching query needs only some), so the unit's best score counts, but no boost;</li>
 *   <li>{@link Lacking#CLAUSE}, a phrase, an OR group, a prefix or an acronym searched through its alternatives:
 *       the plain words may all be there, so the boosts' best scores count.</li>
 * </ul>
 * The bound is the largest of these sums over {@code i}. The boosts are only asked when some unit is a clause.
 *
 * @param units   the units of the matching query, in order
 * @param lacking what failing each unit leaves of the score, in the same order
 * @param boosts  the phrase and proximity boosts (empty when the query has fewer than two plain words)
 */
public record ScoreBound(List<ObjectNode> units, List<Lacking> lacking, List<ObjectNode> boosts) {

    /** What a document that fails a unit's strict form can still score through the unit and the boosts. */
    public enum Lacking {
        WORD, SOME_WORDS, CLAUSE
    }

    /** Relative margin above float rounding: the engine sums clause scores as 32-bit floats, in its own order. */
    public static final double ROUNDING = 1e-4;

    public ScoreBound {
        units = List.copyOf(units);
        lacking = List.copyOf(lacking);
        boosts = List.copyOf(boosts);
        if (units.size() != lacking.size()) {
            throw new IllegalArgumentException(units.size() + " units, " + lacking.size() + " kinds");
        }
    }

    /** The clauses whose best scores {@link #of} needs: the units, then the boosts when a unit is a clause. */
    public List<ObjectNode> clauses() {
        List<ObjectNode> clauses = new ArrayList<>(units);
        if (lacking.contains(Lacking.CLAUSE)) {
            clauses.addAll(boosts);
        }
        return clauses;
    }

    /**
     * @param best the best score of each of {@link #clauses()} over the index, in order (0 for a clause matching
     *             nothing)
     * @return the bound, rounded up by {@link #ROUNDING}: a hit scoring above it matches {@code strict}
     * @throws IllegalArgumentException when {@code best} does not have one score per clause
     */
    public double of(List<Float> best) {
        if (best.size() != clauses().size()) {
            throw new IllegalArgumentException(best.size() + " scores for " + clauses().size() + " clauses");
        }
        double allUnits = 0;
        for (int i = 0; i < units.size(); i++) {
            allUnits += best.get(i);
        }
        double allBoosts = 0;
        for (int i = units.size(); i < best.size(); i++) {
            allBoosts += best.get(i);
        }
        double bound = 0;
        for (int i = 0; i < units.size(); i++) {
            double failing = switch (lacking.get(i)) {
                case WORD -> allUnits - best.get(i);
                case SOME_WORDS -> allUnits;
                case CLAUSE -> allUnits - best.get(i) + allBoosts;
            };
            bound = Math.max(bound, failing);
        }
        return bound * (1 + ROUNDING);
    }
}
