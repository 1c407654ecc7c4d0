package org.bulletinsearch.vocabulary;

/**
 * One facet value a dictionary phrase stands for.
 *
 * @param facet the facet
 * @param value the canonical value, never blank
 */
record Tag(Facet facet, String value) {
}
