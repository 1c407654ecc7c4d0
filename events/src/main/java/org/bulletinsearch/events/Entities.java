package org.bulletinsearch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an article is about, as extracted once at ingest from its title and body (by the {@code vocabulary}
 * module's gazetteer): canonical values, each list sorted and without duplicates.
 *
 * @param country countries (ISO 3166 English short names, e.g. {@code Kenya})
 * @param region named world regions (UN M49 names), including those of every country
 * @param organization organizations, acronym and full name folded ({@code World Customs Organization (WCO)})
 * @param programme named programmes and instruments ({@code Time Release Study (TRS)})
 * @param year years mentioned, 1900 to 2099
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entities(List<String> country, List<String> region, List<String> organization,
        List<String> programme, List<Integer> year) {

    /** No entity at all. */
    public static final Entities NONE = new Entities(List.of(), List.of(), List.of(), List.of(), List.of());

    public Entities {
        country = country == null ? List.of() : List.copyOf(country);
        region = region == null ? List.of() : List.copyOf(region);
        organization = organization == null ? List.of() : List.copyOf(organization);
        programme = programme == null ? List.of() : List.copyOf(programme);
        year = year == null ? List.of() : List.copyOf(year);
    }
}
