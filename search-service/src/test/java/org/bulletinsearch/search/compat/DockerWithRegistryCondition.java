package org.bulletinsearch.search.compat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables a test only where Docker runs and the image registries answer. Testcontainers' own
 * "disabled without Docker" check is not enough: with a Docker daemon that cannot pull, it spends
 * minutes retrying before giving up. The reason a test is skipped shows in the test report.
 */
class DockerWithRegistryCondition implements ExecutionCondition {

    /** Elasticsearch's registry, and Docker Hub for Testcontainers' own helper image. */
    static final List<String> REGISTRIES = List.of("https://docker.elastic.co/v2/", "https://registry-1.docker.io/v2/");

    private static ConditionEvaluationResult result;

    @Override
    public synchronized ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (result == null) {
            result = evaluate();
        }
        return result;
    }

    private static ConditionEvaluationResult evaluate() {
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return ConditionEvaluationResult.disabled("no Docker engine here (no DOCKER_HOST, no /var/run/docker.sock)");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        for (String registry : REGISTRIES) {
            try {
                // Any HTTP answer (401 without credentials) means the registry is reachable.
                http.send(HttpRequest.newBuilder(URI.create(registry)).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                return ConditionEvaluationResult.disabled("Docker is here but the registry " + registry
                        + " is not reachable (" + e + "): images cannot be pulled");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ConditionEvaluationResult.disabled("interrupted while checking registry access");
            }
        }
        return ConditionEvaluationResult.enabled("Docker with registry access");
    }
}
