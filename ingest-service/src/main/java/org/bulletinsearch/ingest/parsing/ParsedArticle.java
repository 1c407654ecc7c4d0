package org.bulletinsearch.ingest.parsing;

/**
 * One article as read from a bulletin: its title, its body (lines joined with single spaces) and where
 * it was found.
 *
 * @param title the title line, trimmed
 * @param body the body paragraph, its lines joined with spaces
 * @param position 1-based position of the article within its file
 * @param line 1-based line of the title
 */
public record ParsedArticle(String title, String body, int position, int line) {
}
