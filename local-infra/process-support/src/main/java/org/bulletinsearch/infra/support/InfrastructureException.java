package org.bulletinsearch.infra.support;

/** A server or service could not be started or reached; the message names the log file to read. */
public class InfrastructureException extends RuntimeException {

    /** With a message that tells a person what failed and where to look. */
    public InfrastructureException(String message) {
        super(message);
    }

    /** With a message that tells a person what failed and where to look, and the failure behind it. */
    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }
}
