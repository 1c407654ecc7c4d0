package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TitleFirstTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SearchQueryBuilder builder = new SearchQueryBuilder(20);

    private SearchQueryBuilder.StrictFirst strictFirst(String q) {
        SearchCriteria criteria = new SearchCriteria(UserQuery.parse(q), List.of(), List.of(), null, null,
                SortOrder.RELEVANCE, 10, null);
        ObjectNode exact = SearchQueryBuilder.hitsOnly(builder.search(criteria, false), 11);
        return builder.strictFirst(criteria, exact).orElseThrow();
    }

    @Test
    void aTitleFirstPageFiltersOnAnyQueryWordInTheTitleAndKeepsEverythingElse() {
        SearchQueryBuilder.StrictFirst plain = strictFirst("revenue rose percent");
        SearchQueryBuilder.StrictFirst first = plain.titleFirst();

        JsonNode filters = first.body().path("query").path("bool").path("filter");
        JsonNode title = filters.path(filters.size() - 1).path("bool");
        assertThat(title.path("minimum_should_match").asInt()).isOne();
        List<String> fields = new ArrayList<>();
        title.path("should").findValues("fields").forEach(list -> list.forEach(field -> fields.add(field.asText())));
        assertThat(fields).as("the title parts of the three words, the phrase and the words near each other")
                .isNotEmpty().allMatch(TitleFirst::isTitle).contains("title^3", "title.exact^3");
        assertThat(title.path("should").findValues("default_operator")).as("a word in the title is enough")
                .allMatch(operator -> operator.asText().equals("or"));

        ObjectNode withoutFilter = first.body().deepCopy();
        JsonNode plainFilters = plain.body().path("query").path("bool").path("filter");
        ObjectNode bool = (ObjectNode) withoutFilter.path("query").path("bool");
        bool.withArrayProperty("filter").remove(filters.size() - 1);
        if (plainFilters.isMissingNode()) {
            bool.remove("filter");
        }
        assertThat(withoutFilter).as("the strict-first body otherwise").isEqualTo(plain.body());
        assertThat(first.bestOfClauses()).isEqualTo(plain.bestOfClauses());
        assertThat(first.bestSearches()).hasSize(plain.bestSearches().size() + 1);
        assertThat(first.titleFirst()).isSameAs(first);
    }

    @Test
    void theTitleFreeQueryAddsUpEveryScoringClauseWithoutItsTitleFields() {
        SearchQueryBuilder.StrictFirst first = strictFirst("(ghana OR senegal) transit guarantees").titleFirst();
        JsonNode titleFree = first.bestLeftOut().get(0).path("query").path("bool").path("should");
        assertThat(titleFree).as("three units and the rescore query").hasSize(4);
        List<String> fields = new ArrayList<>();
        titleFree.findValues("fields").forEach(list -> list.forEach(field -> fields.add(field.asText())));
        assertThat(fields).isNotEmpty().noneMatch(TitleFirst::isTitle).contains("body", "body.exact");
        assertThat(titleFree.path(3).toString()).as("the units again, the phrase, the words near each other")
                .contains("\"_name\":\"strict\"", "\"slop\":4");
        assertThat(first.bestLeftOut()).hasSize(1);
        assertThat(first.bestLeftOut().get(0).path("size").asInt()).isOne();
    }

    @Test
    void aPageWithMoreUnitsInTheTitleRequiresThemUnitByUnitAndBoundsEachSetOfOneFewer() {
        SearchQueryBuilder.StrictFirst plain = strictFirst("(ghana OR senegal) transit guarantees");
        assertThat(plain.maxUnitsInTitle()).isEqualTo(3);
        SearchQueryBuilder.StrictFirst three = plain.titleFirst(3);
        SearchQueryBuilder.StrictFirst two = three.titleFirst(2);
        assertThat(three.unitsInTitle()).isEqualTo(3);
        assertThat(two).isEqualTo(plain.titleFirst(2));
        assertThat(two.titleFirst(1)).as("from any request, the same").isEqualTo(plain.titleFirst());
        assertThat(plain.titleFirst(1).unitsInTitle()).isOne();

        JsonNode filters = three.body().path("query").path("bool").path("filter");
        assertThat(filters).as("the title filter replaces the last one").hasSize(plain.titleFirst().body()
                .path("query").path("bool").path("filter").size());
        JsonNode title = filters.path(filters.size() - 1).path("bool");
        assertThat(title.path("minimum_should_match").asInt()).isEqualTo(3);
        assertThat(title.path("should")).as("one clause per unit").hasSize(3);
        assertThat(title.path("should").path(0).toString()).contains("ghana", "senegal").doesNotContain("transit");
        List<String> fields = new ArrayList<>();
        title.path("should").findValues("fields").forEach(list -> list.forEach(field -> fields.add(field.asText())));
        assertThat(fields).isNotEmpty().allMatch(TitleFirst::isTitle);
        assertThat(two.body().path("query").path("bool").path("filter").path(filters.size() - 1).path("bool")
                .path("minimum_should_match").asInt()).isEqualTo(2);

        assertThat(three.bestLeftOut()).as("each pair of units").hasSize(3);
        assertThat(two.bestLeftOut()).as("each unit").hasSize(3);
        assertThat(three.bestSearches()).hasSize(plain.bestSearches().size() + 3);
        // the phrase and proximity boosts need "transit" and "guarantees", the group holds no plain word
        JsonNode transitGuarantees = three.bestLeftOut().get(2).path("query").path("bool").path("should");
        assertThat(titleFields(transitGuarantees.path(0))).as("the group out of the title").isEmpty();
        assertThat(titleFields(transitGuarantees.path(1))).containsExactly("title^3");
        assertThat(titleFields(transitGuarantees.path(2))).containsExactly("title^3");
        JsonNode rescore = transitGuarantees.path(3).path("bool").path("should");
        assertThat(titleFields(rescore.path(0).path("bool").path("must").path(0))).as("in strict too").isEmpty();
        assertThat(titleFields(rescore.path(0).path("bool").path("must").path(1))).containsExactly("title^3");
        assertThat(titleFields(rescore.path(1))).as("the phrase, in the title").containsExactly("title.exact^3");
        JsonNode groupTransit = three.bestLeftOut().get(0).path("query").path("bool").path("should");
        assertThat(titleFields(groupTransit.path(0))).containsExactly("title^3");
        assertThat(titleFields(groupTransit.path(2))).isEmpty();
        assertThat(titleFields(groupTransit.path(3).path("bool").path("should").path(1)))
                .as("without guarantees in the title, no phrase there").isEmpty();
        assertThat(titleFields(groupTransit.path(3).path("bool").path("should").path(2))).isEmpty();
    }

    @Test
    void everyUnitIsAskedInTheTitleOnlyForVeryManyMatches() {
        SearchQueryBuilder.StrictFirst three = strictFirst("revenue rose percent");
        long many = SearchQueryBuilder.StrictFirst.TITLE_FIRST_MATCHES;
        long veryMany = SearchQueryBuilder.StrictFirst.TITLE_UNITS_MATCHES;

        assertThat(List.of(three.unitsInTitleFor(many - 1), three.unitsInTitleFor(many),
                three.unitsInTitleFor(veryMany - 1), three.unitsInTitleFor(veryMany))).containsExactly(0, 1, 1, 3);
        assertThat(strictFirst("revenue rose percent tariff kelp").unitsInTitleFor(veryMany)).isOne();
    }

    @Test
    void onlyUpToFourUnitsAreAskedMoreThanOneInTheTitle() {
        assertThat(strictFirst("revenue rose percent tariff").maxUnitsInTitle()).isEqualTo(4);
        SearchQueryBuilder.StrictFirst five = strictFirst("revenue rose percent tariff kelp");
        assertThat(five.maxUnitsInTitle()).isOne();
        assertThat(five.titleFirst(1)).isEqualTo(five.titleFirst());
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> five.titleFirst(2));
        assertThat(SearchQueryBuilder.StrictFirst.unitSets(4, 2)).as("every pair, once")
                .hasSize(6).doesNotHaveDuplicates().allMatch(set -> set.size() == 2);
    }

    private static List<String> titleFields(JsonNode query) {
        List<String> fields = new ArrayList<>();
        query.findValues("fields").forEach(list -> list.forEach(field -> {
            if (TitleFirst.isTitle(field.asText())) {
                fields.add(field.asText());
            }
        }));
        return fields;
    }

    @Test
    void aClauseOnTitleFieldsAloneScoresNothingWithoutThemAndOtherFieldsPassNoArticleThroughTheFilter()
            throws Exception {
        JsonNode titleOnly = JSON.readTree("{\"multi_match\":{\"query\":\"a b\",\"type\":\"phrase\","
                + "\"fields\":[\"title.exact^3\"]}}");
        JsonNode entity = JSON.readTree("{\"constant_score\":{\"filter\":{\"terms\":{\"country\":[\"Kenya\"]}},"
                + "\"boost\":1.0}}");
        JsonNode bodyOnly = JSON.readTree("{\"simple_query_string\":{\"query\":\"a b\",\"fields\":[\"body\"],"
                + "\"default_operator\":\"and\",\"minimum_should_match\":\"2\"}}");
        JsonNode unit = JSON.readTree("{\"dis_max\":{\"queries\":[{\"simple_query_string\":{\"query\":\"a b\","
                + "\"fields\":[\"title^3\",\"body\"],\"default_operator\":\"and\",\"minimum_should_match\":\"2\"}},"
                + entity + "],\"tie_breaker\":0.3}}");

        assertThat(TitleFirst.titleFree(List.of(titleOnly)).path("bool").path("should").path(0).has("match_none"))
                .isTrue();
        assertThat(TitleFirst.titleFree(List.of(entity, bodyOnly)).path("bool").path("should"))
                .containsExactly(entity, bodyOnly);
        assertThat(TitleFirst.filter(List.of(entity, bodyOnly)).path("bool").path("should"))
                .as("neither can score in the title").isEmpty();

        JsonNode filtered = TitleFirst.filter(List.of(unit)).path("bool").path("should");
        assertThat(filtered).hasSize(1);
        JsonNode simple = filtered.path(0).path("simple_query_string");
        assertThat(simple.path("fields")).containsExactly(JSON.readTree("\"title^3\""));
        assertThat(simple.path("default_operator").asText()).isEqualTo("or");
        assertThat(simple.has("minimum_should_match")).as("one word of the two is enough").isFalse();
        JsonNode unitFree = TitleFirst.titleFree(List.of(unit)).path("bool").path("should").path(0).path("dis_max");
        assertThat(unitFree.path("queries").path(0).path("simple_query_string").path("fields"))
                .containsExactly(JSON.readTree("\"body\""));
        assertThat(unitFree.path("queries").path(1)).isEqualTo(entity);
        assertThat(unitFree.path("tie_breaker").asDouble()).isEqualTo(0.3);
    }

    @Test
    void aClauseThatNegatesKeepsItsTitleFieldsWithoutTheTitle() throws Exception {
        // "tariff -(port -harbour)": an article with "harbour" in its title and "port" in its body matches the unit,
        // and the unit without its title fields would not: taking them out of a negated part is no bound
        SearchQueryBuilder.StrictFirst first = strictFirst("(tariff -(port -harbour)) revenue rose").titleFirst();
        List<JsonNode> negating = new ArrayList<>();
        List<JsonNode> others = new ArrayList<>();
        for (JsonNode simple : first.bestLeftOut().get(0).findValues("simple_query_string")) {
            (simple.path("query").asText().contains("-") ? negating : others).add(simple.path("fields"));
        }
        assertThat(negating).as("the group, kept whole").isNotEmpty()
                .allMatch(fields -> fields.toString().contains("title^3"));
        assertThat(others).as("the other units without their title").isNotEmpty()
                .allMatch(fields -> !fields.toString().contains("title"));
    }

    @Test
    void aQueryOfAKindItDoesNotKnowIsKeptWholeInTheFilter() throws Exception {
        JsonNode term = JSON.readTree("{\"term\":{\"title\":\"kelp\"}}");
        JsonNode wildcard = JSON.readTree("{\"wildcard\":{\"sourceName\":\"a*\"}}");
        assertThat(TitleFirst.filter(List.of(term, wildcard)).path("bool").path("should"))
                .as("either may score where this class cannot tell: both let more articles through")
                .containsExactly(term, wildcard);
        JsonNode single = JSON.readTree("{\"bool\":{\"must\":{\"simple_query_string\":{\"query\":\"kelp\","
                + "\"fields\":[\"title^3\",\"body\"]}}}}");
        assertThat(TitleFirst.filter(List.of(single)).path("bool").path("should").findValues("fields").toString())
                .as("a compound query with one clause instead of an array").isEqualTo("[[\"title^3\"]]");
        assertThat(TitleFirst.titleFree(List.of(single)).toString()).contains("[\"body\"]").doesNotContain("title");
        assertThat(TitleFirst.isTitle("title")).isTrue();
        assertThat(TitleFirst.isTitle("title.exact^3")).isTrue();
        assertThat(TitleFirst.isTitle("titles")).isFalse();
        assertThat(TitleFirst.isTitle("body^2")).isFalse();
    }
}
