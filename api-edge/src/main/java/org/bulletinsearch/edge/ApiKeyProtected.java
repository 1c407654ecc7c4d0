package org.bulletinsearch.edge;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Resources (or methods) that change something and need an API key; {@link ApiKeyFilter} checks it before
 * the body is read. Every writing endpoint of every service carries it: uploads, deletions, reindexing.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ApiKeyProtected {
}
