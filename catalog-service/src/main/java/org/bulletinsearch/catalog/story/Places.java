package org.bulletinsearch.catalog.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small built-in list of country and territory names (UN members, observers and a few customs
 * territories, with common alternative spellings), so that {@link ContextKeyTerms} recognizes a
 * country even where capitalization says nothing: at the start of a sentence or in a title. It is a
 * stop-gap until the project's gazetteer module supplies a proper {@link KeyTerms}; it does not know
 * regions, cities or border posts (those are still found when capitalized inside a sentence).
 */
final class Places {

    private static final String NAMES = """
            Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Aruba|
            Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|
            Bermuda|Bhutan|Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Brunei Darussalam|Bulgaria|
            Burkina Faso|Burundi|Cabo Verde|Cape Verde|Cambodia|Cameroon|Canada|Central African Republic|
            Chad|Chile|China|Colombia|Comoros|Congo|Democratic Republic of the Congo|Costa Rica|Côte d'Ivoire|
            Ivory Coast|Croatia|Cuba|Curaçao|Cyprus|Czechia|Czech Republic|Denmark|Djibouti|Dominica|
            Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|
            Swaziland|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|
            Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hong Kong|Hungary|Iceland|India|Indonesia|
            Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Korea|Kosovo|Kuwait|
            Kyrgyzstan|Kyrgyz Republic|Laos|Lao PDR|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|
            Lithuania|Luxembourg|Macao|Macau|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|
            Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|
            Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|
            North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|
            Philippines|Poland|Portugal|Qatar|Romania|Russia|Russian Federation|Rwanda|
            Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines|Samoa|San Marino|
            São Tomé and Príncipe|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|
            Slovenia|Solomon Islands|Somalia|South Africa|South Sudan|Spain|Sri Lanka|Sudan|Suriname|
            Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Timor-Leste|East Timor|Togo|
            Tonga|Trinidad and Tobago|Tunisia|Türkiye|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|
            United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|Vanuatu|Venezuela|
            Viet Nam|Vietnam|Yemen|Zambia|Zimbabwe
            """;

    /** Longest name, in content words (stop words such as "and", "of", "the" left out). */
    static final int MAX_WORDS = 4;

    /** First content word → the names (as content-word lists) starting with it. */
    private static final Map<String, List<List<String>>> BY_FIRST_WORD = index();

    private Places() {
    }

    /**
     * The number of content words of the longest place name starting at {@code from}, 0 when none.
     *
     * @param words folded content words of one sentence (no stop words)
     * @param from  the index of the first word to try
     */
    static int matchLength(List<String> words, int from) {
        List<List<String>> candidates = BY_FIRST_WORD.get(words.get(from));
        int best = 0;
        if (candidates != null) {
            for (List<String> name : candidates) {
                if (name.size() > best && from + name.size() <= words.size()
                        && words.subList(from, from + name.size()).equals(name)) {
                    best = name.size();
                }
            }
        }
        return best;
    }

    private static Map<String, List<List<String>>> index() {
        Map<String, List<List<String>>> index = new HashMap<>();
        for (String name : NAMES.replace("\n", "").split("\\|")) {
            List<String> words = new ArrayList<>();
            for (List<StoryText.Token> sentence : StoryText.sentences(name)) {
                sentence.stream().filter(t -> !t.isStopWord()).forEach(t -> words.add(t.folded()));
            }
            if (words.size() > MAX_WORDS) {
                throw new IllegalStateException("place name longer than " + MAX_WORDS + " words: " + name);
            }
            index.computeIfAbsent(words.get(0), w -> new ArrayList<>()).add(List.copyOf(words));
        }
        return index;
    }
}
