package org.bulletinsearch.search.engine;

/**
 * The search engine could not answer now: unreachable, timing out, overloaded (429) or failing (5xx).
 * Worth retrying later; nothing was wrong with the request itself.
 */
public class SearchEngineUnavailableException extends RuntimeException {

    private final int status;

    public SearchEngineUnavailableException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** HTTP status the engine answered with, or 0 when it did not answer at all. */
    public int status() {
        return status;
    }
}
