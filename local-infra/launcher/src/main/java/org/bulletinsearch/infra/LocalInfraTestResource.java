package org.bulletinsearch.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Quarkus test resource: starts the servers a module's tests need once per test JVM and hands
 * Quarkus their connection properties.
 *
 * <pre>{@code
 * @QuarkusTestResource(value = LocalInfraTestResource.class,
 *         initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
 * }</pre>
 *
 * <p>Every test class that names this resource shares the same servers, whatever the order in which
 * Quarkus restarts the application; they stop when the test JVM exits. Tests that need to stop a
 * server (an outage) reach it through {@link #infrastructure()}.
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private static LocalInfrastructure shared;

    private Set<Component> wanted = EnumSet.allOf(Component.class);

    @Override
    public void init(Map<String, String> initArgs) {
        String components = initArgs.get("components");
        if (components != null && !components.isBlank()) {
            wanted = Arrays.stream(components.split(",")).map(Component::fromId)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Component.class)));
        }
    }

    @Override
    public Map<String, String> start() {
        return startShared(wanted).quarkusProperties();
    }

    @Override
    public void stop() {
        // Deliberately nothing: the servers outlive one application restart and stop with the JVM.
    }

    /** The servers of this test JVM, started on first use. */
    public static LocalInfrastructure infrastructure() {
        if (shared == null) {
            throw new IllegalStateException("LocalInfraTestResource has not started yet");
        }
        return shared;
    }

    /** Starts (or reuses) servers for plain JUnit tests that do not boot Quarkus. */
    public static synchronized LocalInfrastructure startShared(Set<Component> components) {
        if (shared != null && shared.components().containsAll(components)) {
            return shared;
        }
        Set<Component> all = EnumSet.copyOf(components);
        if (shared != null) {
            // A later test class wants more servers: start a set that covers both.
            all.addAll(shared.components());
            shared.close();
        }
        Path logs = Files.isDirectory(Path.of("target")) ? Path.of("target", "local-infra-logs") : null;
        LocalInfrastructure.Builder builder = LocalInfrastructure.builder().with(all);
        if (logs != null) {
            builder.logDir(logs);
        }
        shared = builder.build().start();
        return shared;
    }
}
