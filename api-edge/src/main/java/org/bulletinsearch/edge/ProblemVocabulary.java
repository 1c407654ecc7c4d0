package org.bulletinsearch.edge;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;

/**
 * Puts every problem that quarkus-resteasy-problem renders into the shared vocabulary: problems our code
 * builds already carry a {@link ProblemType}; those raised by the framework (an unknown path, a wrong
 * method or media type, a refused credential, an unexpected exception) get the type and title that
 * belong to their status here, and a 5xx never shows the exception's own message.
 */
@ApplicationScoped
public class ProblemVocabulary implements ProblemPostProcessor {

    void register(@Observes StartupEvent startup) {
        ExceptionMapperBase.postProcessorsRegistry.register(this);
    }

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        HttpProblem.Builder builder = HttpProblem.builder(problem).withInstance(visible(problem.getInstance()));
        if (ProblemType.forUri(problem.getType()).isEmpty()) {
            ProblemType type = ProblemType.forStatus(problem.getStatusCode()).orElse(problem.getStatusCode() >= 500
                    ? ProblemType.INTERNAL_ERROR : ProblemType.MALFORMED_REQUEST);
            builder.withType(type.uri()).withTitle(type.title());
            if (problem.getStatusCode() >= 500) {
                builder.withDetail("the service failed to answer this request");
            }
            if (type == ProblemType.DEPENDENCY_UNAVAILABLE && !problem.getHeaders().containsKey("Retry-After")) {
                builder.withHeader("Retry-After", ProblemType.RETRY_AFTER_SECONDS);
            }
        }
        return builder.build();
    }

    /** The request path as sent, with control characters percent-encoded so that no NUL is echoed back. */
    static URI visible(URI instance) {
        if (instance == null) {
            return null;
        }
        String path = instance.toString();
        if (path.codePoints().noneMatch(Parameters::isControl)) {
            return instance;
        }
        StringBuilder out = new StringBuilder(path.length() + 8);
        path.codePoints().forEach(cp -> {
            if (Parameters.isControl(cp)) {
                out.append(String.format("%%%02X", cp & 0xFF));
            } else {
                out.appendCodePoint(cp);
            }
        });
        try {
            return new URI(null, null, out.toString(), null);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    @Override
    public int priority() {
        // After the library's defaults (which set the instance) and its logger: the last word on the document.
        return 50;
    }
}
