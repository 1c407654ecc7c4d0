package org.bulletinsearch.infra;

/** A server could not be started or reached; the message names the log file to read. */
public class InfrastructureException extends RuntimeException {

    public InfrastructureException(String message) {
        super(message);
    }

    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }
}
