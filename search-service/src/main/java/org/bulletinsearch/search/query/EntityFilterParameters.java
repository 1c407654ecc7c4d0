package org.bulletinsearch.search.query;

import jakarta.ws.rs.QueryParam;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The entity filters of the search API, declared once for every operation that takes them: each repeatable
 * (any of its values), all of them together (every facet given).
 */
public class EntityFilterParameters {

    @Parameter(description = "Only articles naming this country (canonical name, any case: Kenya, Côte d'Ivoire);"
            + " repeat for several (any of them)", example = "[\"Kenya\", \"Uganda\"]")
    @QueryParam("country")
    List<String> country;

    @Parameter(description = "Only articles about this world region (UN M49: Africa, Eastern Africa, ...); repeatable",
            example = "[\"Africa\"]")
    @QueryParam("region")
    List<String> region;

    @Parameter(description = "Only articles naming this organization: the full name, the acronym (WCO) or the"
            + " canonical \"Full Name (ACRONYM)\"; repeatable", example = "[\"JICA\"]")
    @QueryParam("organization")
    List<String> organization;

    @Parameter(description = "Only articles naming this programme or instrument, named as organizations are; repeatable",
            example = "[\"PCA\"]")
    @QueryParam("programme")
    List<String> programme;

    @Parameter(description = "Only articles mentioning this year (an integer); repeatable", example = "[\"2026\"]")
    @QueryParam("year")
    List<String> year;

    /**
     * @return the raw values by facet, facets without values left out
     */
    Map<EntityFacet, List<String>> byFacet() {
        Map<EntityFacet, List<String>> raw = new EnumMap<>(EntityFacet.class);
        put(raw, EntityFacet.COUNTRY, country);
        put(raw, EntityFacet.REGION, region);
        put(raw, EntityFacet.ORGANIZATION, organization);
        put(raw, EntityFacet.PROGRAMME, programme);
        put(raw, EntityFacet.YEAR, year);
        return raw;
    }

    private static void put(Map<EntityFacet, List<String>> raw, EntityFacet facet, List<String> values) {
        if (values != null && !values.isEmpty()) {
            raw.put(facet, values);
        }
    }
}
