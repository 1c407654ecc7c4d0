package org.bulletinsearch.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ProblemVocabularyTest {

    private final ProblemVocabulary vocabulary = new ProblemVocabulary();

    @Test
    void frameworkProblemsGetTheTypeAndTitleOfTheirStatus() {
        HttpProblem problem = vocabulary.apply(HttpProblem.builder().withStatus(405).withTitle("Method Not Allowed").build(), null);
        assertThat(problem.getType()).isEqualTo(ProblemType.METHOD_NOT_ALLOWED.uri());
        assertThat(problem.getTitle()).isEqualTo("Method not allowed");
    }

    @Test
    void anUnexpectedFailureNeverShowsItsOwnMessage() {
        HttpProblem problem = vocabulary.apply(HttpProblem.builder().withStatus(500)
                .withDetail("java.lang.NullPointerException at Foo.bar").build(), null);
        assertThat(problem.getType()).isEqualTo(ProblemType.INTERNAL_ERROR.uri());
        assertThat(problem.getDetail()).doesNotContain("NullPointer");
    }

    @Test
    void ourOwnProblemsKeepTheirTitleAndDetail() {
        HttpProblem problem = vocabulary.apply(new InvalidParameterException("size", "size must be between 1 and 100"), null);
        assertThat(problem.getTitle()).isEqualTo("Invalid request parameter");
        assertThat(problem.getDetail()).isEqualTo("size must be between 1 and 100");
        assertThat(problem.getParameters()).containsEntry("parameter", "size");
    }

    @Test
    void aControlCharacterInThePathIsNotEchoedBack() throws Exception {
        URI raw = new URI(null, null, "/uploads/x\u0000y", null);
        assertThat(ProblemVocabulary.visible(raw).toString()).doesNotContain("\u0000").contains("%00");
    }
}
