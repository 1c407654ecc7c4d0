package org.bulletinsearch.edge;

import io.quarkiverse.resteasy.problem.HttpProblem;

/** A request parameter the service cannot take: answered {@code 400} {@link ProblemType#INVALID_PARAMETER}. */
public class InvalidParameterException extends HttpProblem {

    private final String parameter;

    /**
     * @param parameter the parameter's name as the client sent it (e.g. {@code size})
     * @param detail what is wrong and what is accepted, in one sentence
     */
    public InvalidParameterException(String parameter, String detail) {
        super(ProblemType.INVALID_PARAMETER.builder(detail).with("parameter", parameter));
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
