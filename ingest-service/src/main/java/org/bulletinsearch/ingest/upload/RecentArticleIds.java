package org.bulletinsearch.ingest.upload;

import java.util.HexFormat;

/**
 * The ids of the articles this instance published most recently, to tell clients which articles of an
 * upload were "already known". Best effort by design: the memory is bounded (the oldest ids are
 * forgotten first), per instance, and empty after a restart; the consumers' stores stay the authority.
 *
 * <p>Each id is kept as its first 64 bits (ids are SHA-256 prefixes, so 64 bits tell them apart in any
 * realistic volume) in primitive arrays: about 24 bytes per id instead of the ~150 of a {@code
 * HashSet<String>}. Thread-safe.
 */
final class RecentArticleIds {

    private final long[] ring;
    private final long[] table;
    private final int mask;
    private int next;
    private int size;

    RecentArticleIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        ring = new long[capacity];
        int tableSize = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
        table = new long[tableSize];
        mask = tableSize - 1;
    }

    /** The 64-bit fingerprint of an article id (32 hex characters). */
    static long fingerprint(String articleId) {
        long value = HexFormat.fromHexDigitsToLong(articleId, 0, 16);
        return value == 0 ? 1 : value; // 0 marks an empty slot
    }

    synchronized boolean contains(long fingerprint) {
        return slotOf(fingerprint) >= 0;
    }

    synchronized void add(long fingerprint) {
        if (slotOf(fingerprint) >= 0) {
            return;
        }
        if (size == ring.length) {
            delete(ring[next]);
            size--;
        }
        ring[next] = fingerprint;
        next = (next + 1) % ring.length;
        size++;
        int slot = home(fingerprint);
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = fingerprint;
    }

    private int home(long fingerprint) {
        return (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
    }

    private int slotOf(long fingerprint) {
        int slot = home(fingerprint);
        while (table[slot] != 0) {
            if (table[slot] == fingerprint) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Linear-probing deletion by backward shift: no tombstones, so lookups stay short. */
    private void delete(long fingerprint) {
        int hole = slotOf(fingerprint);
        if (hole < 0) {
            return;
        }
        int probe = hole;
        while (true) {
            probe = (probe + 1) & mask;
            long candidate = table[probe];
            if (candidate == 0) {
                break;
            }
            int home = home(candidate);
            boolean staysPut = hole <= probe ? (hole < home && home <= probe) : (hole < home || home <= probe);
            if (!staysPut) {
                table[hole] = candidate;
                hole = probe;
            }
        }
        table[hole] = 0;
    }
}
