package org.bulletinsearch.events;

/** An event payload that can never become an {@link ArticleEvent}: not JSON, or not the contract. */
public class InvalidArticleEventException extends Exception {

    public InvalidArticleEventException(String reason) {
        super(reason);
    }

    public InvalidArticleEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
