package org.bulletinsearch.search.page;

/**
 * A page that could not be shown ({@code templates/error.html}): what happened, in one sentence for a person.
 *
 * @param heading e.g. "Article not found"
 * @param message what happened and what to do; never an exception's text
 */
public record ErrorView(int status, String heading, String message) implements PageView {

    @Override
    public String title() {
        return heading;
    }

    @Override
    public String announcement() {
        return heading;
    }
}
