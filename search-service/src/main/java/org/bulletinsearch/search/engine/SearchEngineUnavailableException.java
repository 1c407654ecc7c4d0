package org.bulletinsearch.search.engine;

import org.bulletinsearch.edge.DependencyUnavailableException;
import org.bulletinsearch.edge.DependencyUnavailableException.Dependency;

/**
 * The search engine could not answer now: unreachable, timing out, overloaded (429), failing (5xx) or
 * in a state that passes (a missing or blocked index). Worth retrying later; nothing was wrong with
 * the request itself.
 */
public class SearchEngineUnavailableException extends RuntimeException {

    private final int status;
    private final String errorType;

    /**
     * @param status the HTTP status the engine answered with, 0 when it did not answer at all
     * @param errorType the engine's error type, or {@code engine_unavailable} when it gave none
     */
    public SearchEngineUnavailableException(int status, String errorType, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorType = errorType;
    }

    /** HTTP status the engine answered with, or 0 when it did not answer at all. */
    public int status() {
        return status;
    }

    /** The engine's error type (e.g. {@code index_not_found_exception}), or {@code engine_unavailable}. */
    public String errorType() {
        return errorType;
    }

    /** This failure as the API answers it: 503 {@code dependency-unavailable} (with {@code Retry-After}). */
    public DependencyUnavailableException asProblem() {
        return new DependencyUnavailableException(Dependency.SEARCH_ENGINE,
                "the search engine cannot answer right now; try again shortly", this);
    }
}
