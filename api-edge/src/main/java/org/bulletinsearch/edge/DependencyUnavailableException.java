package org.bulletinsearch.edge;

import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * A dependency the request needs is down: {@code 503} {@link ProblemType#DEPENDENCY_UNAVAILABLE} with
 * {@code Retry-After}. The only 5xx the services answer on purpose.
 */
public class DependencyUnavailableException extends HttpProblem {

    /** What can be down. */
    public enum Dependency {
        KAFKA("kafka"), DATABASE("database"), SEARCH_ENGINE("search-engine");

        private final String id;

        Dependency(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * @param dependency what is down
     * @param detail what could not be done, for the client (no internals)
     * @param cause the underlying failure, for the log only
     */
    public DependencyUnavailableException(Dependency dependency, String detail, Throwable cause) {
        super(ProblemType.DEPENDENCY_UNAVAILABLE.builder(detail).with("dependency", dependency.id()));
        if (cause != null) {
            initCause(cause);
        }
    }
}
