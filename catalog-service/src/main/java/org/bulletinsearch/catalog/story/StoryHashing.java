package org.bulletinsearch.catalog.story;

import java.nio.charset.StandardCharsets;

/**
 * The fixed 64-bit hash functions behind signatures and band keys, spelled out here rather than
 * taken from {@link String#hashCode} or a library so that a signature stored today can be compared
 * with one computed by any later release on any JVM. Changing anything here changes every stored
 * signature: bump {@link StorySignature#FORMAT} and recompute.
 *
 * <ul>
 *   <li>word hash: FNV-1a 64 (Fowler, Noll, Vo; offset basis 0xcbf29ce484222325, prime 0x100000001b3)
 *       over the UTF-8 bytes of the folded word, then {@link #mix};</li>
 *   <li>{@link #mix}: the 64-bit finalizer "fmix64" of MurmurHash3 (Austin Appleby), a bijection on
 *       64-bit values with full avalanche;</li>
 *   <li>seeds: the SplitMix64 sequence (Steele, Lea, Flood 2014, as in {@code java.util.SplittableRandom})
 *       from a fixed seed.</li>
 * </ul>
 */
final class StoryHashing {

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** The SplitMix64 increment ("golden gamma"), also the start value of a shingle hash. */
    static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private StoryHashing() {
    }

    /** MurmurHash3's fmix64: a bijective 64-bit mixer (each input bit flips each output bit with p≈½). */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** {@code mix(FNV-1a-64(UTF-8 bytes of word)))}. */
    static long wordHash(String word) {
        long h = FNV_OFFSET_BASIS;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 0x80) {
                return mix(fnv(word.getBytes(StandardCharsets.UTF_8)));
            }
            h = (h ^ c) * FNV_PRIME;
        }
        return mix(h);
    }

    private static long fnv(byte[] bytes) {
        long h = FNV_OFFSET_BASIS;
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        return h;
    }

    /**
     * {@code count} values of the SplitMix64 sequence started at {@code seed}: element i is
     * {@code mix64(seed + (i + 1) * GOLDEN_GAMMA)} with SplitMix64's own mixer (Stafford variant 13).
     */
    static long[] splitMix64(long seed, int count) {
        long[] values = new long[count];
        long state = seed;
        for (int i = 0; i < count; i++) {
            state += GOLDEN_GAMMA;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            values[i] = z ^ (z >>> 31);
        }
        return values;
    }
}
