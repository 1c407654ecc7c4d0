package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.bulletinsearch.edge.InvalidParameterException;
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
    void collapseIsOnUnlessTurnedOffAndAnythingElseIsRefused() {
        assertThat(SearchParameters.collapse(null)).isTrue();
        assertThat(SearchParameters.collapse("")).isTrue();
        assertThat(SearchParameters.collapse("TRUE")).isTrue();
        assertThat(SearchParameters.collapse("false")).isFalse();
        assertThatThrownBy(() -> SearchParameters.collapse("no")).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("true or false");
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
    void datesTheEngineCannotStoreAreRefusedNamingTheParameter() {
        // +999999999-12-31 parses as a Java date but is far beyond what the engine's date field takes
        assertRefused(() -> parameters.criteria(null, List.of(), List.of(), null, "+999999999-12-31", null, null, null), "to");
        assertRefused(() -> parameters.criteria(null, List.of(), List.of(), "-0001-01-01", null, null, null, null), "from");
        assertRefused(() -> parameters.criteria(null, List.of(), List.of(), "10000-01-01T00:00:00Z", null, null, null, null),
                "from");
        assertThat(parameters.criteria(null, List.of(), List.of(), null, "9999-12-31", null, null, null).ingestedTo())
                .isEqualTo(Instant.parse("9999-12-31T23:59:59.999Z"));
    }

    @Test
    void queriesAreComposedAndWithoutInvisibleCharacters() {
        // decomposed "Zürich", a soft hyphen and a zero-width space: what the index's analyzers see too
        UserQuery query = parameters.query("\"in Zu\u0308rich\" Zoll\u00ADamt\u200B");
        assertThat(query.text()).isEqualTo("\"in Z\u00fcrich\" Zollamt");
        assertThat(parameters.prefix(" Zu\u0308r\u00AD ")).isEqualTo("Z\u00fcr");
        assertRefused(() -> parameters.query("customs\u0000"), "q");
        assertRefused(() -> parameters.prefix("bot\u0007"), "q");
        // lengths count characters, not UTF-16 units: 1000 ships are 2000 units
        assertThat(parameters.query("\uD83D\uDEA2".repeat(1000))).isNotNull();
        assertRefused(() -> parameters.query("\uD83D\uDEA2".repeat(1001)), "q");
    }

    @Test
    void suggestionAndRelatedSizesAndArticleIds() {
        assertThat(parameters.suggestions(null)).isEqualTo(5);
        assertThat(parameters.related("100")).isEqualTo(100);
        for (String size : List.of("0", "21", "-1", "x")) {
            assertRefused(() -> parameters.suggestions(size), "size");
        }
        assertRefused(() -> parameters.related("101"), "size");
        assertThat(SearchParameters.articleId("0123456789abcdef0123456789abcdef")).isNotNull();
        assertRefused(() -> SearchParameters.articleId("0123456789ABCDEF0123456789ABCDEF"), "id");
        assertRefused(() -> SearchParameters.articleId("x\u0000"), "id");
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
