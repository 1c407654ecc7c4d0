package org.bulletinsearch.edge;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Failures the REST layer (RESTEasy Reactive) raises while it reads a request, before any resource runs: a
 * {@code Content-Type} or multipart body it cannot parse, a multipart body cut off before its closing
 * boundary, more parts than {@code quarkus.http.limits.max-parameters}. quarkus-resteasy-problem answers
 * them as unexpected exceptions, 500; they are the client's doing, so they become 400 or 413. Runs before
 * api-edge's {@code ProblemVocabulary}, which keeps the type set here.
 */
@ApplicationScoped
public class RequestReadingFailures implements ProblemPostProcessor {

    private static final String REST_LAYER = "org.jboss.resteasy.reactive.";
    /** Where the multipart parser counts parts against {@code quarkus.http.limits.max-parameters}. */
    private static final String FORM_DATA = REST_LAYER + "server.core.multipart.FormData";

    @ConfigProperty(name = "quarkus.http.limits.max-parameters")
    int maxParts;

    void register(@Observes StartupEvent startup) {
        ExceptionMapperBase.postProcessorsRegistry.register(this);
    }

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (problem.getStatusCode() != 500 || context.cause == null || context.cause instanceof HttpProblem) {
            return problem;
        }
        return classify(context.cause).map(type -> type == ProblemType.PAYLOAD_TOO_LARGE
                ? type.builder("the form has more than " + maxParts + " parts").with("limit", maxParts).build()
                : type.builder("the request could not be read: " + Parameters.abbreviate(context.cause.getMessage()))
                        .build()).orElse(problem);
    }

    /** Reading failed, or the REST layer threw parsing the request: malformed; out of parts: too large. */
    static Optional<ProblemType> classify(Throwable failure) {
        Optional<String> origin = Arrays.stream(failure.getStackTrace()).map(StackTraceElement::getClassName)
                .filter(name -> !name.startsWith("java.")).findFirst();
        if (origin.filter(FORM_DATA::equals).isPresent()) {
            return Optional.of(ProblemType.PAYLOAD_TOO_LARGE);
        }
        boolean malformed = failure instanceof IOException || origin.filter(n -> n.startsWith(REST_LAYER)).isPresent();
        return malformed ? Optional.of(ProblemType.MALFORMED_REQUEST) : Optional.empty();
    }

    @Override
    public int priority() {
        return 300; // before ProblemVocabulary (50), which would make a 500 an internal-error
    }
}
