package org.bulletinsearch.edge;

import io.quarkiverse.resteasy.problem.HttpProblem;

/** An article, upload, story or other resource that does not exist: {@code 404} {@link ProblemType#NOT_FOUND}. */
public class ResourceNotFoundException extends HttpProblem {

    /**
     * @param resource what was looked for, e.g. {@code article}
     * @param id the identifier the client sent (shown abbreviated)
     */
    public ResourceNotFoundException(String resource, String id) {
        super(ProblemType.NOT_FOUND.builder("no " + resource + " with id '" + Parameters.abbreviate(id) + "'")
                .with("resource", resource));
    }
}
