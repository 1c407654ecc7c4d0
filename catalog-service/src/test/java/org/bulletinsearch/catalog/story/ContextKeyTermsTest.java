package org.bulletinsearch.catalog.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContextKeyTermsTest {

    private static final KeyTerms TERMS = ContextKeyTerms.INSTANCE;

    private static boolean contradict(String bodyA, String bodyB) {
        return contradict("", bodyA, "", bodyB);
    }

    private static boolean contradict(String titleA, String bodyA, String titleB, String bodyB) {
        Set<String> a = TERMS.extract(titleA, bodyA);
        Set<String> b = TERMS.extract(titleB, bodyB);
        boolean result = TERMS.contradict(a, b);
        assertThat(TERMS.contradict(b, a)).as("symmetric").isEqualTo(result);
        return result;
    }

    @Test
    void blocksAreNamesInTheirContext() {
        Set<String> terms = TERMS.extract("Samoa Hosts WCO Time Release Study Workshop",
                "The World Customs Organization (WCO) held a TRS workshop in Apia, Samoa, from 3 to 6 March 2025. "
                        + "Participants learned the TRS methodology and agreed on a timetable.");

        assertThat(terms).containsExactly("^|samoa|hosts", "^|world customs organization wco|held", "held|trs|workshop",
                "hosts|wco|time", "learned|trs|methodology", "workshop|apia samoa 3 6 march 2025|$");
    }

    @Test
    void capitalsAtTheStartOfASentenceOrInATitleAreNotNamesByThemselves() {
        Set<String> terms = TERMS.extract("Customs Officers Study New Rules",
                "Participants reviewed the rules. Officers from Kenya Customs attended. Tonga will follow.");

        assertThat(terms).containsExactlyInAnyOrder("^|customs|officers", "officers|kenya customs|attended", "^|tonga|follow");
    }

    @Test
    void aTemplateWrittenForAnotherCountryContradicts() {
        String template = "The WCO held a Time Release Study workshop in %s. Officials from %s Customs reviewed release times.";

        assertThat(contradict(template.formatted("Apia, Samoa", "Samoa"), template.formatted("Nuku'alofa, Tonga", "Tonga"))).isTrue();
        assertThat(contradict(template.formatted("Banjul", "The Gambia"), template.formatted("Lusaka", "Zambia"))).isTrue();
        assertThat(contradict(template.formatted("Niamey", "Niger"), template.formatted("Abuja", "Nigeria"))).isTrue();
    }

    @Test
    void anotherYearOrAnotherNumberContradicts() {
        assertThat(contradict("Bahamas Customs launched its AEO programme in September 2024 with WCO support.",
                "Bahamas Customs launched its AEO programme in October 2025 with WCO support.")).isTrue();
        assertThat(contradict("The WCO trained twelve chemists in tariff classification.",
                "The WCO trained ten chemists in tariff classification.")).isTrue();
    }

    @Test
    void anAddedOrDroppedDetailDoesNotContradict() {
        assertThat(contradict("The WCO held a workshop in Apia, Samoa, from 3 to 6 March 2025.",
                "The WCO held a workshop in Apia from 3 to 6 March. It was funded by the Customs Cooperation Fund of Japan."))
                .isFalse();
        assertThat(contradict("Trainers from Benin, Mali and Togo took part.", "Trainers from Togo, Benin and Mali took part."))
                .isFalse();
    }

    @Test
    void spellingVariantsJoinedWordsAndAbbreviationsDoNotContradict() {
        assertThat(contradict("Customs officers from Viet Nam completed the course.",
                "Customs officers from Vietnam completed the course.")).isFalse();
        assertThat(contradict("The WCO supported the Authorised Economic Operator programme of Jamaica.",
                "The World Customs Organization supported the Authorized Economic Operator programme of Jamaica.")).isFalse();
        assertThat(contradict("Officers of Côte d'Ivoire and Türkiye met.", "Officers of Cote d’Ivoire and Turkiye met."))
                .isFalse();
    }

    @Test
    void shortNamesOneLetterApartAreDifferentPlaces() {
        assertThat(NameVariants.spellingVariants("gambia", "zambia")).isFalse();
        assertThat(NameVariants.spellingVariants("niger", "nigeria")).isFalse();
        assertThat(NameVariants.spellingVariants("organisation", "organization")).isTrue();
        assertThat(NameVariants.spellingVariants("programme", "program")).isTrue();
        assertThat(NameVariants.spellingVariants("madagacar", "madagascar")).isTrue();
        assertThat(NameVariants.spellingVariants("2024", "2025")).isFalse();
    }

    @Test
    void stringsFromAnotherExtractorAreIgnored() {
        Set<String> ours = TERMS.extract("", "The WCO held a workshop in Apia, Samoa.");

        assertThat(TERMS.contradict(ours, Set.of("place:WS", "year:2025", "a|b"))).isFalse();
        assertThat(TERMS.contradict(Set.of(), ours)).isFalse();
    }

    @Test
    void contradictionIsSymmetricOnTheWholeCorpus() {
        StoryCorpus corpus = StoryCorpus.load();
        List<StoryCorpus.Article> articles = corpus.articles();
        Map<String, Set<String>> terms = new HashMap<>();
        articles.forEach(a -> terms.put(a.label(), TERMS.extract(a.title(), a.body())));
        int contradictions = 0;
        for (StoryCorpus.Article a : articles) {
            for (StoryCorpus.Article b : articles) {
                boolean ab = TERMS.contradict(terms.get(a.label()), terms.get(b.label()));
                assertThat(TERMS.contradict(terms.get(b.label()), terms.get(a.label()))).isEqualTo(ab);
                if (a.story().equals(b.story())) {
                    assertThat(ab).as("re-tellings %s / %s contradict", a.label(), b.label()).isFalse();
                }
                contradictions += ab ? 1 : 0;
            }
        }
        System.out.printf("[stories] key terms contradict in %d of %d ordered pairs; none within a story%n",
                contradictions, articles.size() * articles.size());
    }
}
