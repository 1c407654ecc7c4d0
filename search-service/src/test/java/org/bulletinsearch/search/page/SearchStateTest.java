package org.bulletinsearch.search.page;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchStateTest {

    @Test
    void theUrlHoldsTheQueryTheFiltersInPageOrderAndTheCursor() {
        SearchState state = new SearchState("risk & \"audit\"", Map.of("source", List.of("a b.txt"),
                "country", List.of("Côte d'Ivoire", "Kenya")), "abc=", 10);
        assertThat(state.url()).isEqualTo("/?q=risk+%26+%22audit%22&country=C%C3%B4te+d%27Ivoire&country=Kenya"
                + "&source=a+b.txt&cursor=abc%3D&start=10");
        assertThat(state.firstPage().url()).isEqualTo("/?q=risk+%26+%22audit%22&country=C%C3%B4te+d%27Ivoire"
                + "&country=Kenya&source=a+b.txt");
        assertThat(new SearchState(null, Map.of(), null, 0).url()).isEqualTo("/");
    }

    @Test
    void readsTheParametersOfAPageUrlAndIgnoresTheRest() {
        MultivaluedHashMap<String, String> parameters = new MultivaluedHashMap<>();
        parameters.add("q", "vanilla");
        parameters.addAll("year", "2026", "", "2026");
        parameters.add("cursor", "c1");
        parameters.add("start", "20");
        parameters.add("sourceName", "ignored.txt");
        SearchState state = SearchState.of(parameters);
        assertThat(state.q()).isEqualTo("vanilla");
        assertThat(state.values("year")).containsExactly("2026");
        assertThat(state.values("source")).isEmpty();
        assertThat(state.cursor()).isEqualTo("c1");
        assertThat(state.start()).isEqualTo(20);
    }

    @Test
    void startOnlyCountsWithACursorAndIsANumber() {
        assertThat(new SearchState("q", Map.of(), null, 30).start()).isZero();
        MultivaluedHashMap<String, String> parameters = new MultivaluedHashMap<>();
        parameters.add("cursor", "c");
        parameters.add("start", "-5");
        assertThat(SearchState.of(parameters).start()).isZero();
        parameters.putSingle("start", "99999999999999");
        assertThat(SearchState.of(parameters).start()).isZero();
    }

    @Test
    void linksForOneFilterAndForAQuery() {
        assertThat(SearchState.filtered("region", "Eastern Africa")).isEqualTo("/?region=Eastern+Africa");
        assertThat(SearchState.query("Botswana Pilots a Single Window")).isEqualTo("/?q=Botswana+Pilots+a+Single+Window");
    }
}
