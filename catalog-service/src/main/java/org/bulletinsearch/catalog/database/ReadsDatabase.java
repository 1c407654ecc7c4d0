package org.bulletinsearch.catalog.database;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a bean whose methods answer requests from the database: a failure that means the database
 * is unreachable leaves them as {@link org.bulletinsearch.edge.DependencyUnavailableException}
 * (503 with {@code Retry-After}), see {@link DatabaseOutages}.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target(TYPE)
public @interface ReadsDatabase {
}
