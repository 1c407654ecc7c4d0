package org.bulletinsearch.edge;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point of every service: Quarkus, without its own request-target check. That check answers what
 * {@link java.net.URI} cannot parse (an unencoded {@code |} or {@code "}, broken percent-encoding) with a
 * bare 400 before any route runs; {@link HttpEdge} refuses the same with problem+json instead. Quarkus reads
 * the system property {@code vertx.disableURIValidation} when its HTTP recorder class loads, so it is set
 * here, before {@link Quarkus#run}; {@code @QuarkusTest}s run no main, and the root pom sets it for them.
 */
@QuarkusMain
public final class ServiceMain {

    private ServiceMain() {
    }

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
