package org.bulletinsearch.search.query;

import jakarta.ws.rs.QueryParam;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The entity filters of the search API, declared once for every operation that takes them: each repeatable
 * (any of its values), all of them together (every facet given).
 */
public class EntityFilterParameters {

    @QueryParam("country")
    List<String> country;

    @QueryParam("region")
    List<String> region;

    @QueryParam("organization")
    List<String> organization;

    @QueryParam("programme")
    List<String> programme;

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
