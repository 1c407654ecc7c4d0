package org.bulletinsearch.catalog.story;

import java.util.ArrayList;
import java.util.List;

/**
 * Locality-sensitive hashing of {@link StorySignature}s by banding (Leskovec, Rajaraman, Ullman,
 * "Mining of Massive Datasets", ch. 3.4): the {@value StorySignature#PERMUTATIONS} minima are cut into
 * {@value #BANDS} bands of {@value #ROWS} rows; two articles are candidates when all rows of at least
 * one band are equal, which happens with probability {@code P(s) = 1 − (1 − s^ROWS)^BANDS} for Jaccard
 * similarity s.
 *
 * <p>The S-curve of 64 × 2 (the threshold of {@link StoryMatcher#DEFAULT_THRESHOLD} is 0.27):
 * <pre>
 *   s     0.01   0.02   0.05   0.10   0.15   0.20   0.25   0.264  0.27   0.30   0.40
 *   P(s)  0.006  0.025  0.148  0.474  0.767  0.927  0.984  0.990  0.992  0.998  1.000
 * </pre>
 * Pairs at or above the threshold are candidates with probability ≥ 0.99 (the curve reaches 0.99 at
 * s = 0.2635). Candidate count: after the boilerplate removal of {@code Shingles}, half of the
 * different-story pairs of the test corpus have s = 0 (never candidates) and 95% have s ≤ 0.018
 * (P ≤ 0.021); measured, 95 of its 5,714 different-story pairs (1.7%) share a key, three quarters of them
 * template twins or articles about the same project, which the matcher then rejects
 * ({@code StoryEvaluationTest} prints the rate). Three rows (42 × 3) would cut the candidates at s =
 * 0.018 about 80-fold but only reach 0.99 at s = 0.47, missing most re-tellings; 128 permutations is
 * the budget (more rows need more permutations for the same threshold).
 *
 * <p>A key is {@code "b" + two-digit band index + ":" + the band's minima as 8 hex digits each}, e.g.
 * {@code "b07:3f9a1c2e0b4d5f6a"} (20 characters): exact, so keys of different bands or different values
 * never collide. Keys depend on {@link StorySignature#FORMAT}.
 */
public final class LshBands {

    /** Number of bands. */
    public static final int BANDS = 64;
    /** Minima per band; {@code BANDS * ROWS == StorySignature.PERMUTATIONS}. */
    public static final int ROWS = 2;

    static {
        if (BANDS * ROWS != StorySignature.PERMUTATIONS) {
            throw new ExceptionInInitializerError("bands × rows must equal the permutations");
        }
    }

    private LshBands() {
    }

    /**
     * The probability that two articles of Jaccard similarity {@code jaccard} share at least one key.
     *
     * @param jaccard in [0, 1]
     * @return {@code 1 − (1 − jaccard^ROWS)^BANDS}
     * @throws IllegalArgumentException outside [0, 1]
     */
    public static double candidateProbability(double jaccard) {
        if (!(jaccard >= 0.0 && jaccard <= 1.0)) {
            throw new IllegalArgumentException("a Jaccard similarity is in [0, 1], not " + jaccard);
        }
        return 1.0 - Math.pow(1.0 - Math.pow(jaccard, ROWS), BANDS);
    }

    /**
     * The band keys of a signature, in band order.
     *
     * @param signature any signature
     * @return {@value #BANDS} keys, or an empty list for an empty signature (an article without words
     *         must not become everyone's candidate)
     */
    public static List<String> keys(StorySignature signature) {
        if (signature.isEmpty()) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(BANDS);
        StringBuilder key = new StringBuilder(4 + 8 * ROWS);
        for (int band = 0; band < BANDS; band++) {
            key.setLength(0);
            key.append('b').append((char) ('0' + band / 10)).append((char) ('0' + band % 10)).append(':');
            for (int row = 0; row < ROWS; row++) {
                appendHex(key, signature.minimum(band * ROWS + row));
            }
            keys.add(key.toString());
        }
        return List.copyOf(keys);
    }

    /**
     * The band keys as 64-bit numbers, for a database index of numbers (PostgreSQL GIN over {@code bigint[]}):
     * key b is {@link StoryHashing#mix}{@code ((minimum(2b) << 32 | minimum(2b+1)) + b × golden gamma)}. Unlike
     * {@link #keys} two different bands can share a number, with probability about 2^-64 per pair; that only
     * adds a candidate, which {@link StoryMatcher} then judges.
     *
     * @return {@value #BANDS} numbers in band order, none for an empty signature
     */
    public static long[] numericKeys(StorySignature signature) {
        if (signature.isEmpty()) {
            return new long[0];
        }
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long rows = ((long) signature.minimum(band * ROWS) << 32) | (signature.minimum(band * ROWS + 1) & 0xffffffffL);
            keys[band] = StoryHashing.mix(rows + band * StoryHashing.GOLDEN_GAMMA);
        }
        return keys;
    }

    private static void appendHex(StringBuilder into, int value) {
        for (int shift = 28; shift >= 0; shift -= 4) {
            into.append(Character.forDigit((value >>> shift) & 0xf, 16));
        }
    }
}
