package org.bulletinsearch.search.engine;

/**
 * The search engine refused a request for good (a 4xx other than 429): retrying the same request
 * cannot succeed. Carries the engine's error type (e.g. {@code mapper_parsing_exception}) and reason.
 */
public class SearchEngineRequestException extends RuntimeException {

    private final int status;
    private final String errorType;
    private final String reason;

    public SearchEngineRequestException(int status, String errorType, String reason) {
        super(status + " " + errorType + ": " + reason);
        this.status = status;
        this.errorType = errorType;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public String errorType() {
        return errorType;
    }

    public String reason() {
        return reason;
    }
}
