package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PageBodiesTest {

    private static final SearchQueryBuilder BUILDER = new SearchQueryBuilder(20);

    private static ObjectNode exact(String q, int size) {
        return exact(q, size, SortOrder.RELEVANCE);
    }

    private static ObjectNode exact(String q, int size, SortOrder sort) {
        SearchCriteria criteria = new SearchCriteria(UserQuery.parse(q), List.of(), List.of(), null, null, sort, size, null);
        return SearchQueryBuilder.hitsOnly(BUILDER.search(criteria, false), size + 1);
    }

    @Test
    void aPageIsKnownAgainByItsQueryFiltersAndSizeWithTheBodyThatToldIt() {
        PageBodies pages = new PageBodies(100);
        pages.remember(exact("customs authority", 10), PageBody.EXACT);
        pages.remember(exact("lighthouse keeper log", 10), PageBody.RESCORED);

        assertThat(pages.of(exact("customs authority", 10))).as("the same page, built again").isEqualTo(PageBody.EXACT);
        assertThat(pages.of(exact("lighthouse keeper log", 10))).isEqualTo(PageBody.RESCORED);
        assertThat(pages.of(exact("customs authority", 20))).as("another size").isEqualTo(PageBody.FIRST);
        assertThat(pages.of(exact("customs authorities", 10))).as("another query").isEqualTo(PageBody.FIRST);
    }

    @Test
    void aRememberedPageStaysKnownWhenTheTreeItWasRememberedByChangesAfterwards() {
        PageBodies pages = new PageBodies(100);
        ObjectNode asked = exact("customs authority", 10);
        pages.remember(asked, PageBody.EXACT);
        asked.put("size", 99);

        assertThat(pages.of(exact("customs authority", 10))).isEqualTo(PageBody.EXACT);
    }

    @Test
    void aLaterBodyReplacesAnEarlierOne() {
        PageBodies pages = new PageBodies(100);
        pages.remember(exact("lighthouse keeper log", 10), PageBody.RESCORED);
        pages.remember(exact("lighthouse keeper log", 10), PageBody.EXACT);

        assertThat(pages.of(exact("lighthouse keeper log", 10))).as("the rescored answer tied too").isEqualTo(PageBody.EXACT);
    }

    @Test
    void onlyFirstPagesByRelevanceAreKnownAndOnlyLaterBodiesRemembered() {
        PageBodies pages = new PageBodies(100);
        pages.remember(exact("customs authority", 10, SortOrder.DATE), PageBody.EXACT);

        assertThat(pages.of(exact("customs authority", 10, SortOrder.DATE))).as("a date page is never asked rescored")
                .isEqualTo(PageBody.FIRST);
        assertThatThrownBy(() -> pages.remember(exact("customs authority", 10), PageBody.FIRST))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itRemembersNoMorePagesThanItsCapacity() {
        PageBodies none = new PageBodies(0);
        none.remember(exact("customs authority", 10), PageBody.EXACT);
        assertThat(none.of(exact("customs authority", 10))).isEqualTo(PageBody.FIRST);

        PageBodies two = new PageBodies(2);
        List<String> queries = List.of("harbour master", "customs authority", "transit guarantees", "risk profiles");
        queries.forEach(q -> two.remember(exact(q, 10), PageBody.EXACT));
        assertThat(queries.stream().filter(q -> two.of(exact(q, 10)) != PageBody.FIRST)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aPageIsAskedItsFirstAnswerAgainOnceTheRecheckIsDue() {
        AtomicLong nanos = new AtomicLong();
        PageBodies pages = new PageBodies(100, nanos::get);
        pages.remember(exact("customs authority", 10), PageBody.RESCORED);

        nanos.addAndGet(PageBodies.RECHECK_AFTER.toNanos() - 1);
        assertThat(pages.of(exact("customs authority", 10))).as("just before the recheck").isEqualTo(PageBody.RESCORED);
        nanos.addAndGet(1);
        assertThat(pages.of(exact("customs authority", 10))).as("the recheck is due").isEqualTo(PageBody.FIRST);
    }
}
