package org.bulletinsearch.vocabulary;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Finds countries, regions, organizations, programmes and years in a news article, by dictionary lookup
 * over folded word tokens (a token trie, leftmost-longest match): no regular expressions, no model, a few
 * microseconds per short article. Thread-safe; the dictionaries load once, on first use of
 * {@link #shared()}, from resources in this jar (no network, no files).
 *
 * <p><b>Matching.</b> Text is folded before lookup: invisible format characters (soft hyphen, zero-width
 * space/joiners, word joiner, BOM, bidi marks) are removed, diacritics are dropped after Unicode
 * decomposition, all apostrophes are equal, and "U.S." is "US". The longest phrase wins, so "Papua New
 * Guinea" is not "Guinea", "South Sudan" not "Sudan", "Dominican Republic" not "Dominica", and "Nigeria"
 * never contains "Niger" because whole words are compared. Acronyms (two capitals or more) match only as
 * written, so "SAFE" is the SAFE Framework and "safe" is a word; acronyms that are English words ("SAFE",
 * "HS", "WHO") are ignored in text written entirely in capitals. Country and region names need their
 * capitals ("Chad", not "chad"); organization and programme full names match in any case.
 *
 * <p><b>Canonical values.</b>
 * <ul>
 *   <li>Countries: the JDK's English short name for the ISO 3166-1 code ({@code Locale.getISOCountries()},
 *       {@code getDisplayCountry(Locale.ENGLISH)}), with "and" for "&amp;" and "Saint" for "St.", except
 *       where countries.txt overrides it: "Democratic Republic of the Congo", "Republic of the Congo"
 *       (bare "Congo" is this one, as in ISO 3166), "Türkiye", "Hong Kong", "Macao", "Myanmar",
 *       "Palestine", "Kosovo" (not in ISO 3166-1). Thus "United States", "United Kingdom", "South Korea"
 *       ("Korea" alone too), "North Korea", "Russia", "Czechia", "Côte d'Ivoire". Demonyms count ("Kenyan"
 *       is Kenya) unless they name a language ("French-speaking", "Arabic version"); a country named
 *       inside an organization's name counts too ("Korea Customs Service" is South Korea). Names that are
 *       also words or first names (Chad, Jordan, Georgia, Turkey, Jersey) need context: see countries.txt.
 *   <li>Regions: UN M49 names ("Eastern Africa", "South-eastern Asia", "Latin America and the Caribbean")
 *       plus "Middle East", "Asia-Pacific" and "Sahel" when the text names them; each country adds its
 *       M49 region, sub-region and intermediate region, and each region named adds those above it.
 *   <li>Organizations and programmes: "Full Name (ACRONYM)" when an acronym is in common use, else the full
 *       name: "World Customs Organization (WCO)", "World Bank", "Time Release Study (TRS)",
 *       "Mercator Programme". Acronym and full name fold to the same value.
 *   <li>Years: integers 1900-2099 written as four digits, except amounts ("$2000", "2000 tonnes").
 * </ul>
 */
public final class EntityExtractor {

    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2099;

    /** Words that may stand before a country name without making it part of a person's name. */
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "in", "of", "and", "or", "to", "from",
            "for", "with", "by", "at", "on", "as", "both", "between", "including", "like", "than", "via",
            "visited", "visit", "neighbouring", "neighboring", "s");
    /** Capitalized words that may follow a country name: "Jordan Customs", not "Jordan Smith". */
    private static final Set<String> INSTITUTION_WORDS = Set.of("customs", "revenue", "government",
            "ministry", "minister", "authority", "authorities", "border", "president", "prime", "national",
            "republic", "delegation", "officials", "officers", "administration", "service", "services", "port",
            "ports", "airport", "police", "embassy", "trade", "chamber", "mission", "office", "king", "queen");
    /** Nouns after a four-digit number that make it an amount, not a year. */
    private static final Set<String> QUANTITY_WORDS = Set.of("tonnes", "tons", "tonne", "ton", "kg",
            "kilograms", "kilogrammes", "containers", "units", "pieces", "items", "officers", "officials",
            "participants", "people", "km", "kilometres", "kilometers", "metres", "meters", "litres", "liters",
            "cases", "shipments", "parcels", "packages", "vehicles", "trucks", "dollars", "euros", "usd", "eur",
            "seizures", "cigarettes", "specimens", "hectares");
    /** Nouns after "in French" or "in Chinese" that make the word the country again: "in French ports". */
    private static final Set<String> COUNTRY_NOUNS = Set.of("customs", "port", "ports", "government",
            "authorities", "officials", "officers", "territory", "waters", "companies", "exporters", "importers",
            "market", "border", "ministry", "administration", "embassy", "navy", "police", "traders");
    private static final Set<String> CURRENCY_WORDS = Set.of("usd", "eur", "gbp", "chf", "jpy", "cny", "rmb",
            "inr", "zar", "kes", "sdr");

    private final EntityCatalog catalog;

    private EntityExtractor(EntityCatalog catalog) {
        this.catalog = catalog;
    }

    /** Loads on first access only; class initialization makes it safe to publish to every thread. */
    private static final class Holder {
        static final EntityExtractor SHARED = new EntityExtractor(EntityCatalog.load());
    }

    /**
     * The extractor, its dictionaries built on the first call (about 0.1 s, mostly JDK locale data).
     *
     * @return the shared instance
     * @throws IllegalStateException if a shipped table is malformed (a packaging bug)
     */
    public static EntityExtractor shared() {
        return Holder.SHARED;
    }

    /**
     * Finds the entities of one article.
     *
     * @param title the title line; {@code null} counts as empty
     * @param body  the body paragraph; {@code null} counts as empty
     * @return what was found, never {@code null}
     */
    public ArticleEntities extract(String title, String body) {
        Found found = new Found();
        scan(TokenizedText.of(body), false, found);
        scan(TokenizedText.of(title), true, found);
        for (String country : found.values.get(Facet.COUNTRY)) {
            found.values.get(Facet.REGION).addAll(catalog.regionsOf(country));
        }
        Map<Facet, SortedSet<String>> v = found.values;
        return new ArticleEntities(List.copyOf(v.get(Facet.COUNTRY)), List.copyOf(v.get(Facet.REGION)),
                List.copyOf(v.get(Facet.ORGANIZATION)), List.copyOf(v.get(Facet.PROGRAMME)),
                List.copyOf(found.years));
    }

    /**
     * Every value a facet can take, for facet menus and validation.
     *
     * @param facet the facet
     * @return canonical values, sorted, unmodifiable
     */
    public List<String> knownValues(Facet facet) {
        return catalog.known(facet);
    }

    /**
     * The regions a country belongs to, as {@link ArticleEntities#regions()} reports them.
     *
     * @param country a canonical country name, e.g. "Kenya"
     * @return e.g. ["Africa", "Eastern Africa", "Sub-Saharan Africa"]; empty for unknown names
     */
    public List<String> regionsOf(String country) {
        return catalog.regionsOf(country);
    }

    /**
     * The canonical name for an ISO 3166-1 alpha-2 code.
     *
     * @param isoCode e.g. "CI" (any case)
     * @return e.g. "Côte d'Ivoire", or {@code null} for an unknown code
     */
    public String countryName(String isoCode) {
        return isoCode == null ? null : catalog.countryName(isoCode.toUpperCase(Locale.ROOT));
    }

    /** Values found so far in one article. */
    private static final class Found {
        final Map<Facet, SortedSet<String>> values = new EnumMap<>(Facet.class);
        final SortedSet<Integer> years = new TreeSet<>();

        Found() {
            for (Facet f : Facet.values()) {
                values.put(f, new TreeSet<>());
            }
        }

        void add(Term<List<Tag>> term) {
            for (Tag tag : term.payload) {
                values.get(tag.facet()).add(tag.value());
            }
        }

        boolean hasAll(Term<List<Tag>> term) {
            for (Tag tag : term.payload) {
                if (!values.get(tag.facet()).contains(tag.value())) {
                    return false;
                }
            }
            return true;
        }
    }

    private void scan(TokenizedText text, boolean title, Found found) {
        TermTrie.Filter<List<Tag>> filter = (term, t, start, end) -> accepts(term, t, start, end, title, found);
        catalog.trie.scan(text, 0, text.size, filter, m -> record(m, text, filter, found));
        years(text, found);
    }

    /** The context rules beyond case and gaps; see countries.txt and programmes.txt for the flags. */
    private static boolean accepts(Term<List<Tag>> term, TokenizedText t, int start, int end, boolean title,
                                   Found found) {
        if (term.has(Term.COMMON_WORD) && t.allCaps) {
            return false;
        }
        if (term.has(Term.LANGUAGE) && languageContext(t, start, end)) {
            return false;
        }
        if (!term.has(Term.GUARDED)) {
            return true;
        }
        // A title capitalizes every word, so only the body can vouch for "Chad" or "Jordan" there.
        return title ? found.hasAll(term) : t.allCaps || !nameContext(t, start, end);
    }

    private void record(TermTrie.Match<List<Tag>> m, TokenizedText text, TermTrie.Filter<List<Tag>> filter,
                        Found found) {
        boolean named = false;
        for (Term<List<Tag>> term : m.terms()) {
            found.add(term);
            named |= term.payload.stream().anyMatch(t -> t.facet() == Facet.ORGANIZATION
                    || t.facet() == Facet.PROGRAMME);
        }
        if (named && m.end() - m.start() > 1) {
            // Countries named inside an organization's name: "Korea Customs Service", "Japan ... Agency".
            TermTrie.Filter<List<Tag>> countriesOnly = (term, t, s, e) -> isCountryOrBlock(term)
                    && filter.test(term, t, s, e);
            catalog.trie.scan(text, m.start(), m.end(), countriesOnly,
                    inner -> inner.terms().forEach(found::add));
        }
    }

    private static boolean isCountryOrBlock(Term<List<Tag>> term) {
        return term.payload.isEmpty() || term.payload.get(0).facet() == Facet.COUNTRY;
    }

    /** Whether tokens [start, end) look like part of a person's name: "Michael Jordan", "Chad Smith". */
    private static boolean nameContext(TokenizedText t, int start, int end) {
        boolean afterName = start > 0 && t.gapBefore[start] == TokenizedText.SOFT && t.capitalized(start - 1)
                && !t.sentenceStart(start - 1) && !FUNCTION_WORDS.contains(t.key[start - 1]);
        boolean beforeName = end < t.size && t.gapBefore[end] == TokenizedText.SOFT && t.capitalized(end)
                && !INSTITUTION_WORDS.contains(t.key[end]);
        return afterName || beforeName;
    }

    /** Whether tokens [start, end) name a language: "taught in French", not "in French ports". */
    private static boolean languageContext(TokenizedText t, int start, int end) {
        boolean afterIn = start > 0 && t.gapBefore[start] == TokenizedText.SOFT
                && (t.key[start - 1].equals("in") || t.key[start - 1].equals("into"));
        boolean nounAfter = end < t.size && t.gapBefore[end] == TokenizedText.SOFT
                && COUNTRY_NOUNS.contains(t.key[end]);
        return afterIn && !nounAfter;
    }

    private static void years(TokenizedText t, Found found) {
        for (int i = 0; i < t.size; i++) {
            if (!t.fourDigits(i) || t.afterCurrency[i]) {
                continue;
            }
            int year = Integer.parseInt(t.key[i]);
            boolean amount = (i + 1 < t.size && t.gapBefore[i + 1] == TokenizedText.SOFT
                    && QUANTITY_WORDS.contains(t.key[i + 1]))
                    || (i > 0 && (CURRENCY_WORDS.contains(t.key[i - 1]) || t.key[i - 1].endsWith("$")));
            if (year >= MIN_YEAR && year <= MAX_YEAR && !amount) {
                found.years.add(year);
            }
        }
    }
}
