package org.bulletinsearch.catalog.database;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.bulletinsearch.edge.DependencyUnavailableException;
import org.bulletinsearch.edge.DependencyUnavailableException.Dependency;

/**
 * The one place where a read that failed because PostgreSQL is down, restarting or out of
 * connections becomes a {@code 503 dependency-unavailable} (database) instead of a 500: the request
 * was fine and will be answered again shortly. Other failures pass unchanged.
 */
@ReadsDatabase
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class DatabaseOutages {

    @AroundInvoke
    Object answerOutagesAsUnavailable(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (RuntimeException failure) {
            if (DatabaseFailures.isUnavailable(failure)) {
                throw new DependencyUnavailableException(Dependency.DATABASE,
                        "the catalog cannot reach its database right now; retry shortly", failure);
            }
            throw failure;
        }
    }
}
