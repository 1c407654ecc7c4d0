package org.bulletinsearch.search.query;

import java.util.Arrays;
import java.util.Optional;
import org.bulletinsearch.vocabulary.Facet;

/**
 * The entity facets of the search API: one name for the index field, the filter parameter and the key under
 * {@code facets} in the answer.
 */
public enum EntityFacet {
    /** Canonical country names (ISO 3166 short names and the gazetteer's overrides). */
    COUNTRY("country", Facet.COUNTRY),
    /** UN M49 regions and a few named ones. */
    REGION("region", Facet.REGION),
    /** "Full Name (ACRONYM)" or the full name. */
    ORGANIZATION("organization", Facet.ORGANIZATION),
    /** Programmes and instruments, named as organizations are. */
    PROGRAMME("programme", Facet.PROGRAMME),
    /** Four-digit years 1900-2099 the article mentions (an integer field). */
    YEAR("year", null);

    private final String field;
    private final Facet gazetteer;

    EntityFacet(String field, Facet gazetteer) {
        this.field = field;
        this.gazetteer = gazetteer;
    }

    /**
     * @return the index field, filter parameter and facet name
     */
    public String field() {
        return field;
    }

    /**
     * @return the gazetteer's facet, {@code null} for {@link #YEAR}
     */
    Facet gazetteer() {
        return gazetteer;
    }

    /**
     * @param name a path or parameter name, case-sensitive
     * @return the facet of that name, empty if none
     */
    public static Optional<EntityFacet> named(String name) {
        return Arrays.stream(values()).filter(f -> f.field.equals(name)).findFirst();
    }
}
