package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.bulletinsearch.vocabulary.SearchVocabulary;
import org.junit.jupiter.api.Test;

class RankedQueryTest {

    private static RankedQuery ranked(String q) {
        return RankedQuery.of(UserQuery.parse(q), SearchVocabulary.builtIn(), EntityValues.shared(), null);
    }

    private static JsonNode matching(String q) {
        return ranked(q).query().path("bool").path("must").get(0).path("bool");
    }

    @Test
    void howManyUnitsMustMatchDependsOnTheQueryLength() {
        assertThat(RankedQuery.required(1)).isEqualTo(1);
        assertThat(RankedQuery.required(2)).isEqualTo(1);
        assertThat(RankedQuery.required(3)).isEqualTo(2);
        assertThat(RankedQuery.required(4)).isEqualTo(3);
        assertThat(RankedQuery.required(5)).isEqualTo(3);
        assertThat(RankedQuery.required(10)).isEqualTo(7);
    }

    @Test
    void stopWordsAreNoUnitAndTheWordsOfAVocabularyTermAreOne() {
        // remote learning | customs | officers: "for" matches nothing, "remote learning" is one term
        JsonNode matching = matching("remote learning for customs officers");
        assertThat(matching.path("should")).hasSize(3);
        assertThat(matching.path("minimum_should_match").asInt()).isEqualTo(2);
        assertThat(matching.path("should").get(0).toString()).contains("\"query\":\"remote\"")
                .contains("\"query\":\"learning\"").contains("distance learning")
                .contains("\"boost\":" + RankedQuery.ALTERNATIVE_BOOST);
        // to be strict, a hit needs both words of the term (or an alternative)
        assertThat(ranked("remote learning for customs officers").strict().path("bool").path("filter").get(0).toString())
                .contains("\"query\":\"remote learning\"");
        assertThat(ranked("remote learning for customs officers").relaxes()).isTrue();
    }

    @Test
    void allWordsAnExactPhraseAndCloseWordsAreRankedHigher() {
        JsonNode should = ranked("disaster relief").query().path("bool").path("should");
        assertThat(should.get(0).path("bool").path("_name").asText()).isEqualTo(SearchQueryBuilder.STRICT);
        assertThat(should.get(0).path("bool").path("must")).hasSize(2);
        assertThat(should.get(1).path("multi_match").path("type").asText()).isEqualTo("phrase");
        assertThat(should.get(1).path("multi_match").path("fields").toString()).contains("title.exact^3");
        assertThat(should.get(2).path("multi_match").path("slop").asInt()).isEqualTo(RankedQuery.PROXIMITY_SLOP);
    }

    @Test
    void aSingleUnitNeverRelaxes() {
        assertThat(ranked("madagascar").relaxes()).isFalse();
        assertThat(ranked("\"risk management\"").relaxes()).isFalse();
        assertThat(ranked("madagascar").query().path("bool").path("should")).isEmpty();
    }

    @Test
    void acronymsExpandBothWaysBelowTheWordsTyped() {
        String aeo = matching("AEO").path("should").get(0).toString();
        assertThat(aeo).contains("dis_max").contains("\"query\":\"AEO\"")
                .contains("\\\"authorized economic operator\\\"").contains("Authorized Economic Operator (AEO)");
        assertThat(matching("Authorized Economic Operator").path("should")).hasSize(1);
        String full = ranked("Authorized Economic Operator").strict().toString();
        assertThat(full).contains("\"query\":\"Authorized Economic Operator\"").contains("AEO");
    }

    @Test
    void anAcronymThatIsACommonWordIsSearchedOnlyThroughItsAlternativesAndEntity() {
        String safe = matching("SAFE").path("should").toString();
        assertThat(safe).doesNotContain("\"query\":\"SAFE\"").contains("SAFE Framework of Standards");
        // the lower-case word is just a word
        String word = matching("safe storage").path("should").toString();
        assertThat(word).contains("\"query\":\"safe\"").doesNotContain("Framework");
    }

    @Test
    void entitiesTheQueryNamesMatchTheirFacetFields() {
        String africa = matching("AEO Africa").path("should").get(1).toString();
        assertThat(africa).contains("\"region\":[\"Africa\"]").contains("constant_score");
        String japanese = matching("Japanese").path("should").toString();
        assertThat(japanese).contains("\"country\":[\"Japan\"]");
    }

    @Test
    void exclusionsStayExactAndOnlyExclusionsBrowseTheRest() {
        JsonNode query = ranked("-coffee").query().path("bool");
        assertThat(query.path("must").get(0).has("match_all")).isTrue();
        assertThat(query.path("must_not").get(0).path("simple_query_string").path("query").asText()).isEqualTo("coffee");
        assertThat(ranked("the").query().has("match_none")).isTrue();
    }
}
