package org.bulletinsearch.search.page;

/** What every page's view tells besides its content: how the answer and the browser tab are labelled. */
public interface PageView {

    /** The page title, before the site's name. */
    String title();

    /** What a screen reader announces once the page's main part was replaced; may be empty. */
    String announcement();

    /** The HTTP status of the answer. */
    int status();
}
