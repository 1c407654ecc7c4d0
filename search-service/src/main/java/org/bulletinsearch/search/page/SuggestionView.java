package org.bulletinsearch.search.page;

/**
 * A title completing what was typed ({@code templates/suggestions.html}).
 *
 * @param url a search for that title
 */
public record SuggestionView(String title, String url) {
}
