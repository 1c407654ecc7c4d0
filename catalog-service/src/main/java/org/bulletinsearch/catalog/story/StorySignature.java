package org.bulletinsearch.catalog.story;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The MinHash signature of an article (Broder 1997, "On the resemblance and containment of
 * documents"; Broder, Charikar, Frieze, Mitzenmacher 1998, "Min-wise independent permutations"):
 * {@value #PERMUTATIONS} minima of hashed word shingles, whose agreement rate estimates the Jaccard
 * similarity of two articles' shingle sets (standard error √(J(1−J)/128), 0.04 at J = 0.3).
 *
 * <p><b>Shingles</b> ({@code Shingles}): text normalized as in {@link StoryText} (invisible format
 * characters removed, NFKD, accents and case folded, punctuation dropped), the name of the World Customs
 * Organization removed (boilerplate of nearly every article), then every 3 consecutive words within one
 * sentence, stop words kept. <b>Title weight 0:</b> only the body is shingled, because re-tellings
 * rewrite titles (the title counts in the {@link KeyTerms} guard instead). These choices were measured
 * on the labelled set ({@code StoryParameterSweepTest}): k = 3 with stop words kept and no title gives
 * the best gap between re-tellings (10th percentile of exact Jaccard 0.38) and unrelated pairs (95th
 * percentile 0.018); k = 2 raises that 95th percentile to 0.046, k = 4 loses 0.1 on re-tellings,
 * adding the title loses 0.04 on re-tellings, and keeping the organisation's name puts every unrelated
 * pair at about 0.02.
 *
 * <p><b>Hash family</b> (fixed, so that signatures compare across JVMs and releases): each shingle has a
 * 64-bit hash s ({@code StoryHashing}: FNV-1a of each word's UTF-8 bytes, MurmurHash3 fmix64, chained);
 * permutation i maps it to the upper 32 bits of {@code fmix64(s XOR seed[i])}, where seed[0..127] is
 * the SplitMix64 sequence from {@code 0x53544F5259534947} ("STORYSIG"); minima compare as unsigned
 * 32-bit values. fmix64 is a bijection, so each h_i is a permutation of the 64-bit shingle hashes
 * before truncation; 32 bits leave a chance collision between two different minima at 2⁻³².
 *
 * <p><b>Serialized form</b> ({@value #SERIALIZED_BYTES} bytes, e.g. a PostgreSQL {@code bytea}):
 * byte {@value #FORMAT} (format version), the shingle count (4 bytes, big-endian), then the 128 minima
 * (4 bytes each, big-endian). Any change to normalization, shingling or hashing must change
 * {@link #FORMAT}: signatures of different formats must not be compared (recompute old ones).
 *
 * <p>Immutable and thread-safe.
 */
public final class StorySignature {

    /** Number of hash functions (minima) per signature. */
    public static final int PERMUTATIONS = 128;
    /** Version of the signature definition, first byte of the serialized form. */
    public static final byte FORMAT = 1;
    /** Length of {@link #toBytes()}: 1 version byte, 4 count bytes, 4 bytes per minimum. */
    public static final int SERIALIZED_BYTES = 1 + Integer.BYTES + Integer.BYTES * PERMUTATIONS;

    /** Seed of the permutation seeds: the ASCII bytes of "STORYSIG". */
    static final long SEED = 0x53544f5259534947L;
    private static final long[] PERMUTATION_SEEDS = StoryHashing.splitMix64(SEED, PERMUTATIONS);
    /** The minimum of an empty shingle set: the largest unsigned 32-bit value. */
    private static final int NO_SHINGLE = -1;

    private final int shingleCount;
    private final int[] minima;

    private StorySignature(int shingleCount, int[] minima) {
        this.shingleCount = shingleCount;
        this.minima = minima;
    }

    /**
     * The signature of an article.
     *
     * @param title the title line (not shingled, see the class comment; accepted so that callers need
     *              not know, and so that a future format can use it), never null
     * @param body  the body paragraph, never null
     * @return the signature; {@link #isEmpty()} when the body has no words
     */
    public static StorySignature of(String title, String body) {
        return ofShingles(Shingles.of(title, body, Shingles.Options.DEFAULT));
    }

    /** The signature of a set of distinct shingle hashes. */
    static StorySignature ofShingles(long[] shingles) {
        int[] minima = new int[PERMUTATIONS];
        Arrays.fill(minima, NO_SHINGLE);
        for (long shingle : shingles) {
            for (int i = 0; i < PERMUTATIONS; i++) {
                int value = (int) (StoryHashing.mix(shingle ^ PERMUTATION_SEEDS[i]) >>> 32);
                if (Integer.compareUnsigned(value, minima[i]) < 0) {
                    minima[i] = value;
                }
            }
        }
        return new StorySignature(shingles.length, minima);
    }

    /** Number of distinct shingles the signature was computed from; 0 for an empty body. */
    public int shingleCount() {
        return shingleCount;
    }

    /** Whether the article had no shingle: such a signature resembles nothing, itself included. */
    public boolean isEmpty() {
        return shingleCount == 0;
    }

    /**
     * The estimated Jaccard similarity of the two articles' shingle sets: the fraction of the
     * {@value #PERMUTATIONS} minima that are equal, a multiple of 1/128.
     *
     * @param other another signature of the same {@link #FORMAT}
     * @return in [0, 1]; 0 when either signature is empty; symmetric
     */
    public double estimatedJaccard(StorySignature other) {
        if (isEmpty() || other.isEmpty()) {
            return 0.0;
        }
        int equal = 0;
        for (int i = 0; i < PERMUTATIONS; i++) {
            equal += minima[i] == other.minima[i] ? 1 : 0;
        }
        return equal / (double) PERMUTATIONS;
    }

    /**
     * The LSH band keys of this signature ({@link LshBands}): index them, and look up articles sharing
     * at least one key to find the candidates of {@link StoryMatcher}.
     *
     * @return {@value LshBands#BANDS} keys such as {@code "b07:3f9a1c2e0b4d5f6a"}, none when empty
     */
    public List<String> bandKeys() {
        return LshBands.keys(this);
    }

    /** Minimum i (0 ≤ i &lt; {@value #PERMUTATIONS}) as an unsigned 32-bit value held in an int. */
    int minimum(int i) {
        return minima[i];
    }

    /**
     * The serialized form described in the class comment.
     *
     * @return a new array of {@value #SERIALIZED_BYTES} bytes
     */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(SERIALIZED_BYTES);
        buffer.put(FORMAT).putInt(shingleCount);
        for (int minimum : minima) {
            buffer.putInt(minimum);
        }
        return buffer.array();
    }

    /**
     * Reads {@link #toBytes()}.
     *
     * @param bytes exactly {@value #SERIALIZED_BYTES} bytes starting with {@link #FORMAT}
     * @return the signature
     * @throws IllegalArgumentException for another length, another format version or a negative count
     */
    public static StorySignature fromBytes(byte[] bytes) {
        if (bytes.length != SERIALIZED_BYTES) {
            throw new IllegalArgumentException("a story signature has " + SERIALIZED_BYTES + " bytes, not " + bytes.length);
        }
        if (bytes[0] != FORMAT) {
            throw new IllegalArgumentException("story signature format " + bytes[0] + " is not " + FORMAT);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        int count = buffer.getInt();
        if (count < 0) {
            throw new IllegalArgumentException("negative shingle count " + count);
        }
        int[] minima = new int[PERMUTATIONS];
        for (int i = 0; i < PERMUTATIONS; i++) {
            minima[i] = buffer.getInt();
        }
        return new StorySignature(count, minima);
    }

    /** {@link #toBytes()} in standard base64 with padding (692 characters), for text columns or JSON. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(toBytes());
    }

    /**
     * Reads {@link #toBase64()}.
     *
     * @throws IllegalArgumentException when the text is not base64 or not a signature
     */
    public static StorySignature fromBase64(String base64) {
        return fromBytes(Base64.getDecoder().decode(base64));
    }

    /** Equal when the shingle counts and all minima are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof StorySignature that && shingleCount == that.shingleCount
                && Arrays.equals(minima, that.minima);
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return 31 * shingleCount + Arrays.hashCode(minima);
    }

    /** Short form for logs: the count and the first minima. */
    @Override
    public String toString() {
        return String.format("StorySignature[shingles=%d, minima=%08x %08x %08x ...]",
                shingleCount, minima[0], minima[1], minima[2]);
    }
}
