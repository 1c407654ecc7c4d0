/**
 * Customs and trade domain knowledge for search, as plain Java with no dependencies: every table ships as a
 * resource in the jar, nothing is read from the network or the file system at run time (except an
 * operator's vocabulary file, when asked).
 *
 * <ul>
 *   <li>{@link org.bulletinsearch.vocabulary.EntityExtractor}: countries, regions, organizations,
 *       programmes and years of an article, for facets ({@link org.bulletinsearch.vocabulary.ArticleEntities});
 *   <li>{@link org.bulletinsearch.vocabulary.SearchVocabulary}: other phrasings of the terms in a query, for
 *       query-time expansion ({@link org.bulletinsearch.vocabulary.TermExpansion}).
 * </ul>
 *
 * <p>Both compare text as folded word tokens: NFC-equivalent forms, diacritics, apostrophe styles, hyphens and
 * invisible format characters (soft hyphen, zero-width characters, bidi marks) make no difference.
 */
package org.bulletinsearch.vocabulary;
