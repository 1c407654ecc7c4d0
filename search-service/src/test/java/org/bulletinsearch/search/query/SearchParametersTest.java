package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

class SearchParametersTest {

    private static final QueryConfig CONFIG = new SmallRyeConfigBuilder()
            .withMapping(QueryConfig.class)
            .build()
            .getConfigMapping(QueryConfig.class);

    private final SearchParameters parameters = new SearchParameters(CONFIG);

    private SearchCriteria criteria(String q, String sort, String size, String cursor) {
        return parameters.criteria(q, List.of(), List.of(), null, null, sort, size, cursor);
    }

    private static void assertRefused(Runnable call, String parameter) {
        assertThatThrownBy(call::run).isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo(parameter));
    }

    @Test
    void defaults() {
        SearchCriteria withQuery = criteria("customs", null, null, null);
        assertThat(withQuery.size()).isEqualTo(10);
        assertThat(withQuery.sort()).isEqualTo(SortOrder.RELEVANCE);
        SearchCriteria browsing = criteria("  ", null, null, null);
        assertThat(browsing.query()).isNull();
        assertThat(browsing.sort()).isEqualTo(SortOrder.DATE);
    }

    @Test
    void sizeMustBeAWholeNumberWithinTheCap() {
        assertThat(criteria("a", null, "100", null).size()).isEqualTo(100);
        assertThat(criteria("a", null, "0", null).size()).isZero();
        for (String size : List.of("-1", "101", "abc", "1e3", "99999999999", "2.5")) {
            assertRefused(() -> criteria("a", null, size, null), "size");
        }
    }

    @Test
    void sortMustBeKnown() {
        assertThat(criteria("a", "DATE", null, null).sort()).isEqualTo(SortOrder.DATE);
        assertRefused(() -> criteria("a", "score", null, null), "sort");
    }

    @Test
    void queryLengthAndWordCountAreCapped() {
        assertRefused(() -> criteria("a".repeat(10_000), null, null, null), "q");
        assertRefused(() -> criteria(String.join(" ", Collections.nCopies(65, "word")), null, null, null), "q");
        assertThat(criteria(String.join(" ", Collections.nCopies(64, "word")), null, null, null).query().termCount())
                .isEqualTo(64);
    }

    @Test
    void cursorMustBeWellFormedAndBelongToTheSort() {
        assertRefused(() -> criteria("a", null, null, "garbage!"), "cursor");
        String dateCursor = SearchCursor.after(SortOrder.DATE, false,
                new com.fasterxml.jackson.databind.node.ArrayNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance)
                        .add(1L).add("0123456789abcdef0123456789abcdef")).encode();
        assertThat(criteria("a", "date", null, dateCursor).cursor()).isNotNull();
        assertRefused(() -> criteria("a", "relevance", null, dateCursor), "cursor");
    }

    @Test
    void timeBoundsAcceptInstantsAndWholeDays() {
        SearchCriteria criteria = parameters.criteria(null, List.of(), List.of(), "2024-10-01", "2024-10-31", null, null, null);
        assertThat(criteria.ingestedFrom()).isEqualTo(Instant.parse("2024-10-01T00:00:00Z"));
        assertThat(criteria.ingestedTo()).isEqualTo(Instant.parse("2024-10-31T23:59:59.999Z"));
        SearchCriteria instants = parameters.criteria(null, List.of(), List.of(), "2024-10-01T10:00:00+02:00",
                "2024-10-02T00:00:00Z", null, null, null);
        assertThat(instants.ingestedFrom()).isEqualTo(Instant.parse("2024-10-01T08:00:00Z"));
        assertRefused(() -> parameters.criteria(null, List.of(), List.of(), "yesterday", null, null, null, null), "from");
        assertRefused(() -> parameters.criteria(null, List.of(), List.of(), "2024-11-01", "2024-10-01", null, null, null), "from");
    }

    @Test
    void filterValuesAreBounded() {
        assertThat(parameters.criteria(null, List.of("a.txt", " "), List.of(), null, null, null, null, null).sourceNames())
                .containsExactly("a.txt");
        assertRefused(() -> parameters.criteria(null, List.of("x".repeat(300)), List.of(), null, null, null, null, null),
                "sourceName");
        assertRefused(() -> parameters.criteria(null, List.of(), Collections.nCopies(51, "u"), null, null, null, null, null),
                "uploadId");
    }
}
