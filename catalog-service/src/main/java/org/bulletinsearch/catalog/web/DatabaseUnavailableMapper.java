package org.bulletinsearch.catalog.web;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.Priority;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.bulletinsearch.catalog.article.DatabaseFailures;

/**
 * A read while PostgreSQL is down or restarting is answered {@code 503} with {@code Retry-After},
 * not {@code 500}: the request was fine, the catalog will answer it again shortly.
 */
@Provider
@Priority(4000)
public class DatabaseUnavailableMapper extends ExceptionMapperBase<PersistenceException> {

    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    protected HttpProblem toProblem(PersistenceException exception) {
        if (DatabaseFailures.isUnavailable(exception)) {
            return HttpProblem.builder()
                    .withStatus(Response.Status.SERVICE_UNAVAILABLE)
                    .withTitle("Catalog database unavailable")
                    .withDetail("The catalog cannot reach its database right now; retry shortly.")
                    .withHeader("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        return HttpProblem.builder()
                .withStatus(Response.Status.INTERNAL_SERVER_ERROR)
                .withTitle("Internal Server Error")
                .build();
    }
}
