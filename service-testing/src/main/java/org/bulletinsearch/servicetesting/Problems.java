package org.bulletinsearch.servicetesting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Assertions on {@code application/problem+json} answers (RFC 9457) of the one problem vocabulary every
 * service shares (api-edge): what a client can rely on in every 4xx, checked the same way in every
 * service's tests.
 */
public final class Problems {

    /** Every problem type of the vocabulary is this followed by its slug. */
    public static final String TYPE_BASE = "https://bulletinsearch.org/problems/";

    private Problems() {
    }

    /**
     * Asserts that the answer is a problem of the vocabulary: this status, Content-Type
     * {@code application/problem+json}, a {@code type} of the vocabulary (the one of {@code slug}, unless
     * null), a {@code title}, the same {@code status} as the answer, and no stack trace in the body.
     *
     * @return the problem document, for assertions on its members
     */
    public static JsonNode assertProblem(RawHttp.Answer answer, int status, String slug) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
        assertThat(answer.contentType()).as("Content-Type of %s", answer).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("type").asText()).as("type of %s", answer).startsWith(TYPE_BASE);
        if (slug != null) {
            assertThat(problem.path("type").asText()).as("type of %s", answer).isEqualTo(TYPE_BASE + slug);
        }
        assertThat(problem.path("title").asText()).as("title of %s", answer).isNotBlank();
        assertThat(problem.path("status").asInt()).as("status member of %s", answer).isEqualTo(status);
        assertThat(answer.text()).as("body of %s", answer).doesNotContain("Exception", "\tat ");
        return problem;
    }

    /** Asserts a 400 {@code invalid-parameter} problem that names {@code parameter}; returns the document. */
    public static JsonNode assertInvalidParameter(RawHttp.Answer answer, String parameter) {
        JsonNode problem = assertProblem(answer, 400, "invalid-parameter");
        assertThat(problem.path("parameter").asText()).as("parameter of %s", answer).isEqualTo(parameter);
        return problem;
    }

    /**
     * What breaks the rules for any request, whatever it held: a 5xx (nothing a client sends may cause one
     * while the dependencies are up), or a 4xx that is not a problem of the vocabulary
     * ({@link #assertProblem} with any type). Empty when the answer keeps them.
     */
    public static Optional<String> violation(RawHttp.Answer answer) {
        if (answer.status() >= 500) {
            return Optional.of("a 5xx: " + answer);
        }
        if (answer.status() >= 400) {
            try {
                assertProblem(answer, answer.status(), null);
            } catch (AssertionError e) {
                return Optional.of("not a problem of the vocabulary: " + e.getMessage());
            }
        }
        return Optional.empty();
    }
}
