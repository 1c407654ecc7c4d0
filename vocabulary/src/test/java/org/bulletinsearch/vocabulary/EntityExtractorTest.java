package org.bulletinsearch.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Targeted cases for {@link EntityExtractor}; overall quality is measured by EntityPrecisionRecallTest. */
class EntityExtractorTest {

    private final EntityExtractor extractor = EntityExtractor.shared();

    private ArticleEntities body(String text) {
        return extractor.extract("", text);
    }

    @Test
    void invisibleCharactersAccentsAndApostrophesDoNotMatter() {
        for (String written : List.of("Côte d'Ivoire", "Cote d'Ivoire", "Côte d\u2019Ivoire",
                "Co\u0302te d\u2018Ivoire", "C\u00ADôte d'Ivo\u200Bire", "\u200ECôte d'Ivoire\u200F",
                "Côte d\u02BCIvoire", "\uFEFFCôte d'Ivoire")) {
            assertThat(body("Officials from " + written + " met.").countries()).as(written)
                    .containsExactly("Côte d'Ivoire");
        }
    }

    @Test
    void longestNameWins() {
        assertThat(body("Papua New Guinea, Equatorial Guinea and Guinea-Bissau").countries())
                .containsExactly("Equatorial Guinea", "Guinea-Bissau", "Papua New Guinea");
        assertThat(body("South Sudan and American Samoa").countries())
                .containsExactly("American Samoa", "South Sudan");
        assertThat(body("the Dominican Republic").countries()).containsExactly("Dominican Republic");
        assertThat(body("Guinea and Dominica and Sudan").countries()).containsExactly("Dominica", "Guinea", "Sudan");
    }

    @Test
    void wholeWordsOnly() {
        assertThat(body("Nigeria and the Nigerian customs").countries()).containsExactly("Nigeria");
        assertThat(body("Niger and Nigerien traders").countries()).containsExactly("Niger");
        assertThat(body("Somali traders, a formal meeting in Omani waters").countries())
                .containsExactly("Oman", "Somalia");
    }

    @Test
    void acronymsThatAreWordsNeedCapitals() {
        assertThat(body("Keep the cargo safe and the hs file tidy; the who and the imo.").isEmpty()).isTrue();
        assertThat(body("The SAFE Framework and HS classification, the WHO and IMO.").programmes())
                .containsExactly("Harmonized System (HS)", "SAFE Framework of Standards");
        assertThat(extractor.extract("NEW HS RULES KEEP CARGO SAFE FOR WHO", "").isEmpty()).isTrue();
        assertThat(extractor.extract("New HS Rules", "").programmes()).containsExactly("Harmonized System (HS)");
    }

    @Test
    void fullNamesMatchInAnyCaseAndAcronymsFoldIntoThem() {
        assertThat(body("the world customs organisation and the WCO").organizations())
                .containsExactly("World Customs Organization (WCO)");
        assertThat(body("a Post-Clearance Audit, a post clearance audit, PCA and postclearance audits").programmes())
                .containsExactly("Post-Clearance Audit (PCA)");
    }

    @Test
    void countryNamesNeedCapitals() {
        assertThat(body("frozen turkey, fine china and a guinea pig").countries()).isEmpty();
    }

    @Test
    void personNamesAreNotCountries() {
        assertThat(body("Consultant Chad Miller met Michael Jordan.").countries()).isEmpty();
        assertThat(body("Jordan Customs met officials from Chad in Amman, Jordan.").countries())
                .containsExactly("Chad", "Jordan");
        assertThat(extractor.extract("Chad Miller Writes on Ports", "He wrote about ports.").countries()).isEmpty();
        assertThat(extractor.extract("Chad Modernizes Customs", "Chad has a new code.").countries())
                .containsExactly("Chad");
    }

    @Test
    void languagesAreNotCountries() {
        assertThat(body("French-speaking officers read the Chinese version, taught in French.").countries()).isEmpty();
        assertThat(body("French customs and Chinese exporters, in French ports").countries())
                .containsExactly("China", "France");
    }

    @Test
    void demonymsAndPluralsCount() {
        assertThat(body("The Japanese government, Kenyans, Uzbekistans reforms and British officials").countries())
                .containsExactly("Japan", "Kenya", "United Kingdom", "Uzbekistan");
    }

    @Test
    void abbreviationsAndMoney() {
        assertThat(body("The U.S. and the U.K. met the USA.").countries())
                .containsExactly("United Kingdom", "United States");
        assertThat(body("It cost US$ 2000 and 1999 tonnes; the 1990s began in 1990.").countries()).isEmpty();
        assertThat(body("It cost US$ 2000 and 1999 tonnes; the 1990s began in 1990.").years()).containsExactly(1990);
    }

    @Test
    void countriesInsideOrganizationNamesCount() {
        ArticleEntities e = body("The Korea Customs Service and the Inter-American Development Bank");
        assertThat(e.countries()).containsExactly("South Korea");
        assertThat(e.organizations())
                .containsExactly("Inter-American Development Bank (IDB)", "Korea Customs Service (KCS)");
    }

    @Test
    void regionsComeFromCountriesAndMentions() {
        assertThat(body("Kenya").regions()).containsExactly("Africa", "Eastern Africa", "Sub-Saharan Africa");
        assertThat(body("West Africa and the Middle East").regions())
                .containsExactly("Africa", "Middle East", "Sub-Saharan Africa", "Western Africa");
        assertThat(extractor.regionsOf("Guatemala"))
                .containsExactly("Americas", "Central America", "Latin America and the Caribbean");
    }

    @Test
    void everyIsoCountryHasAUniqueCanonicalNameAndARegion() {
        Set<String> names = new HashSet<>();
        for (String code : Locale.getISOCountries()) {
            String name = extractor.countryName(code);
            assertThat(names.add(name)).as("duplicate canonical name %s", name).isTrue();
            if (!code.equals("AQ")) {
                assertThat(extractor.regionsOf(name)).as("regions of %s", name).isNotEmpty();
            }
            assertThat(body("News from " + name + " today.").countries()).as(code).contains(name);
        }
    }

    @Test
    void canonicalNamesArePinned() {
        assertThat(List.of("US", "GB", "KR", "KP", "CI", "TR", "CD", "CG", "CZ", "HK", "XK", "KN"))
                .extracting(extractor::countryName)
                .containsExactly("United States", "United Kingdom", "South Korea", "North Korea", "Côte d'Ivoire",
                        "Türkiye", "Democratic Republic of the Congo", "Republic of the Congo", "Czechia",
                        "Hong Kong", "Kosovo", "Saint Kitts and Nevis");
        assertThat(body("Turkey, Korea, Congo and Ivory Coast").countries())
                .containsExactly("Côte d'Ivoire", "Republic of the Congo", "South Korea", "Türkiye");
    }

    @Test
    void knownValuesListEveryFacet() {
        assertThat(extractor.knownValues(Facet.ORGANIZATION)).contains("World Customs Organization (WCO)", "World Bank")
                .isSorted();
        assertThat(extractor.knownValues(Facet.PROGRAMME)).contains("Time Release Study (TRS)", "Single Window");
        assertThat(extractor.knownValues(Facet.REGION)).contains("Eastern Africa", "Asia-Pacific");
        assertThat(extractor.knownValues(Facet.COUNTRY)).contains("Kenya", "Kosovo");
    }

    @Test
    void nullAndEmptyTextFindNothing() {
        assertThat(extractor.extract(null, null).isEmpty()).isTrue();
        assertThat(extractor.extract("", "   ").isEmpty()).isTrue();
    }

    @Test
    void isSafeToShareBetweenThreads() {
        String text = "The WCO and JICA held a Time Release Study in Kenya and Uganda in 2019.";
        ArticleEntities expected = body(text);
        assertThat(IntStream.range(0, 2000).parallel().mapToObj(i -> body(text)).distinct().toList())
                .containsExactly(expected);
    }
}
