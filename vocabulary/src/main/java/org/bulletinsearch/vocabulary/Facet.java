package org.bulletinsearch.vocabulary;

/** The kinds of entity {@link EntityExtractor} finds, one search facet each (years are separate). */
public enum Facet {
    /** A country or territory, by its canonical English short name (see {@link EntityExtractor}). */
    COUNTRY,
    /** A world region: UN M49 regions and sub-regions plus a few widely used named regions. */
    REGION,
    /** An organization or agency, as "Full Name (ACRONYM)" or its full name when it has no acronym. */
    ORGANIZATION,
    /** A programme, instrument, convention or standard, in the same format as organizations. */
    PROGRAMME
}
