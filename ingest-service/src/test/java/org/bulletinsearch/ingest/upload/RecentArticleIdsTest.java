package org.bulletinsearch.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.bulletinsearch.events.ArticleId;
import org.junit.jupiter.api.Test;

class RecentArticleIdsTest {

    @Test
    void remembersPublishedIds() {
        RecentArticleIds ids = new RecentArticleIds(10);
        long known = RecentArticleIds.fingerprint(ArticleId.of("Title", "Body"));
        long other = RecentArticleIds.fingerprint(ArticleId.of("Title", "Another body"));

        ids.add(known);

        assertThat(ids.contains(known)).isTrue();
        assertThat(ids.contains(other)).isFalse();
    }

    @Test
    void forgetsTheOldestBeyondItsCapacity() {
        RecentArticleIds ids = new RecentArticleIds(3);
        for (long id = 1; id <= 5; id++) {
            ids.add(id);
        }

        assertThat(ids.contains(1)).isFalse();
        assertThat(ids.contains(2)).isFalse();
        assertThat(ids.contains(3)).isTrue();
        assertThat(ids.contains(4)).isTrue();
        assertThat(ids.contains(5)).isTrue();
    }

    @Test
    void staysConsistentUnderHeavyEvictionWithCollidingSlots() {
        // Many ids, a small table: collisions and backward-shift deletions everywhere.
        int capacity = 1000;
        RecentArticleIds ids = new RecentArticleIds(capacity);
        Random random = new Random(1);
        long[] added = new long[20_000];
        for (int i = 0; i < added.length; i++) {
            added[i] = random.nextLong() | 1;
            ids.add(added[i]);
        }
        Set<Long> expected = new HashSet<>();
        for (int i = added.length - capacity; i < added.length; i++) {
            expected.add(added[i]);
        }
        for (int i = 0; i < added.length; i++) {
            assertThat(ids.contains(added[i])).as("id %d", i).isEqualTo(expected.contains(added[i]));
        }
    }
}
