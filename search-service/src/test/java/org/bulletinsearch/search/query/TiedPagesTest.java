package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TiedPagesTest {

    private static final SearchQueryBuilder BUILDER = new SearchQueryBuilder(20);

    private static ObjectNode exact(String q, int size) {
        SearchCriteria criteria = new SearchCriteria(UserQuery.parse(q), List.of(), List.of(), null, null,
                SortOrder.RELEVANCE, size, null);
        return SearchQueryBuilder.hitsOnly(BUILDER.search(criteria, false), size + 1);
    }

    @Test
    void aPageFoundTiedIsKnownAgainByItsQueryFiltersAndSize() {
        TiedPages pages = new TiedPages(100);
        pages.remember(exact("customs authority", 10));

        assertThat(pages.tied(exact("customs authority", 10))).as("the same page, built again").isTrue();
        assertThat(pages.tied(exact("customs authority", 20))).as("another size").isFalse();
        assertThat(pages.tied(exact("customs authorities", 10))).as("another query").isFalse();
    }

    @Test
    void itRemembersNoMorePagesThanItsCapacity() {
        TiedPages none = new TiedPages(0);
        none.remember(exact("customs authority", 10));
        assertThat(none.tied(exact("customs authority", 10))).isFalse();

        TiedPages two = new TiedPages(2);
        List<String> queries = List.of("harbour master", "customs authority", "transit guarantees", "risk profiles");
        queries.forEach(q -> two.remember(exact(q, 10)));
        assertThat(queries.stream().filter(q -> two.tied(exact(q, 10)))).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aPageIsAskedItsFirstAnswerAgainOnceTheRecheckIsDue() {
        AtomicLong nanos = new AtomicLong();
        TiedPages pages = new TiedPages(100, nanos::get);
        pages.remember(exact("customs authority", 10));

        nanos.addAndGet(TiedPages.RECHECK_AFTER.toNanos() - 1);
        assertThat(pages.tied(exact("customs authority", 10))).as("just before the recheck").isTrue();
        nanos.addAndGet(1);
        assertThat(pages.tied(exact("customs authority", 10))).as("the recheck is due").isFalse();
    }
}
