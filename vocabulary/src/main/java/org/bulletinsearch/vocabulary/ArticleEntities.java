package org.bulletinsearch.vocabulary;

import java.util.List;

/**
 * What {@link EntityExtractor#extract(String, String)} found in one article. Every list is sorted
 * ({@link String#compareTo} / numeric order), free of duplicates, unmodifiable and never {@code null}.
 *
 * @param countries     canonical country names, e.g. "Kenya", "United States", "Côte d'Ivoire"
 * @param regions       UN M49 regions of those countries (continent, sub-region and intermediate region) plus
 *                      regions the text names, e.g. "Africa", "Eastern Africa", "Sub-Saharan Africa"
 * @param organizations canonical organization names, e.g. "World Customs Organization (WCO)"
 * @param programmes    canonical programme and instrument names, e.g. "Time Release Study (TRS)"
 * @param years         four-digit years 1900-2099 written in the text
 */
public record ArticleEntities(List<String> countries, List<String> regions, List<String> organizations,
                              List<String> programmes, List<Integer> years) {

    /**
     * Copies every list, so the record stays immutable whatever the caller passed.
     *
     * @param countries     as above, not {@code null}, no {@code null} element
     * @param regions       as above, not {@code null}, no {@code null} element
     * @param organizations as above, not {@code null}, no {@code null} element
     * @param programmes    as above, not {@code null}, no {@code null} element
     * @param years         as above, not {@code null}, no {@code null} element
     * @throws NullPointerException if a list or an element is {@code null}
     */
    public ArticleEntities {
        countries = List.copyOf(countries);
        regions = List.copyOf(regions);
        organizations = List.copyOf(organizations);
        programmes = List.copyOf(programmes);
        years = List.copyOf(years);
    }

    /**
     * The values of one facet.
     *
     * @param facet the facet
     * @return the matching list component
     */
    public List<String> values(Facet facet) {
        return switch (facet) {
            case COUNTRY -> countries;
            case REGION -> regions;
            case ORGANIZATION -> organizations;
            case PROGRAMME -> programmes;
        };
    }

    /**
     * Whether nothing at all was found.
     *
     * @return true if every list is empty
     */
    public boolean isEmpty() {
        return countries.isEmpty() && regions.isEmpty() && organizations.isEmpty() && programmes.isEmpty()
                && years.isEmpty();
    }
}
