package org.bulletinsearch.search.query;

/** A facet value and how many matching articles have it. */
public record FacetValue(String value, long count) {
}
