package org.bulletinsearch.search.page;

import io.quarkiverse.resteasy.problem.HttpProblem;

/** The API's problems said for people: one sentence, no type URIs, never an exception's internals. */
final class Problems {

    private Problems() {
    }

    /**
     * @param problem a problem of the API's vocabulary (its detail is written for clients already)
     * @param failure what could not be done, as the start of a sentence ("The search could not run")
     */
    static String forPeople(HttpProblem problem, String failure) {
        int status = problem.getStatusCode();
        if (status == 503) {
            return "The search engine cannot answer right now. Try again in a few seconds.";
        }
        if (status >= 500) {
            return failure + " because of a fault on our side.";
        }
        return failure + ": " + sentence(problem.getDetail() != null ? problem.getDetail() : problem.getTitle());
    }

    /** A detail ending as a sentence does. */
    static String sentence(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.isEmpty() || stripped.endsWith(".") || stripped.endsWith("?") || stripped.endsWith("!")
                ? stripped : stripped + ".";
    }
}
