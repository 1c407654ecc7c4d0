package org.bulletinsearch.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** Where the repository's pieces are, seen from the deploy-tests module. */
final class Repository {

    /** The services, in the order the platform lists them. */
    static final List<String> SERVICES = List.of("ingest-service", "catalog-service", "search-service");

    /** The kustomize overlays an operator applies. */
    static final List<String> OVERLAYS = List.of("dev", "prod");

    private Repository() {
    }

    static Path root() {
        String configured = System.getProperty("bulletin.repo.root");
        Path root = configured != null ? Paths.get(configured) : Paths.get("..");
        return root.toAbsolutePath().normalize();
    }

    static Path deploy() {
        return root().resolve("deploy");
    }

    static Path overlay(String name) {
        return deploy().resolve("overlays").resolve(name);
    }

    static Path service(String service) {
        return root().resolve(service);
    }

    static Path applicationProperties(String service) {
        return service(service).resolve("src/main/resources/application.properties");
    }

    /** The Maven project version (the image tag and the app.kubernetes.io/version label). */
    static String projectVersion() {
        String version = System.getProperty("bulletin.project.version");
        if (version == null) {
            throw new IllegalStateException("run through Maven: bulletin.project.version is not set");
        }
        return version;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True on CI (CI=true), where a missing tool is a failure instead of a skipped test. */
    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
