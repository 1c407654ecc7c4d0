package org.bulletinsearch.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bulletinsearch.infra.support.ServerMain;
import org.bulletinsearch.platform.Platform;
import org.bulletinsearch.platform.Service;
import org.bulletinsearch.platform.client.PlatformClient;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The packaged platform (infrastructure and the three services as processes, about 30 s to start), started once
 * for all system test classes of the run and stopped after the last: a test class that declares a {@link Running}
 * parameter (in its {@code @BeforeAll}) gets it. The classes run in the order of their {@code @Order}
 * ({@code junit-platform.properties}), so what one leaves behind is known to the next.
 */
public final class SharedPlatform implements ParameterResolver {

    /** The repository root (the tests run in {@code system-tests/}). */
    public static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    /** The upload key the platform is started with. */
    public static final String API_KEY = "system-test-key";

    /**
     * The running platform and its data folder, closed (services, infrastructure, folder) with the root context.
     */
    public record Running(Platform platform, Path dataDir) implements AutoCloseable {

        public PlatformClient client() {
            return platform.client();
        }

        /** A service's base URL now (a restarted service keeps its port). */
        public String url(Service service) {
            return platform.url(service);
        }

        @Override
        public void close() {
            platform.close();
            ServerMain.deleteRecursively(dataDir);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Running.class, key -> start(), Running.class);
    }

    private static Running start() {
        try {
            Path dataDir = Files.createTempDirectory("platform-e2e-");
            Platform platform = Platform.builder(REPOSITORY)
                    .dataDir(dataDir)
                    .logDir(REPOSITORY.resolve("system-tests/target/platform-logs"))
                    .port(Service.INGEST, 0).port(Service.CATALOG, 0).port(Service.SEARCH, 0)
                    .apiKey(API_KEY)
                    // The outage test's 30,000 articles would keep one core embedding for ten minutes, under every
                    // later test; hybrid search is tested in the service (HybridSearchIT) and on the packaged
                    // platform by CI's first-run check.
                    .environment("SEARCH_VECTORS_ENABLED", "false")
                    .progress(line -> System.out.println("[platform] " + line))
                    .start();
            return new Running(platform, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's sample bulletins, and the shared seed bulletins beside the repository when present. */
    public static List<Path> bulletins() {
        try {
            List<Path> bulletins = new ArrayList<>(PlatformClient.bulletinsIn(REPOSITORY.resolve("samples")));
            Path seeds = REPOSITORY.resolveSibling("shared").resolve("seeds");
            if (Files.isDirectory(seeds)) {
                bulletins.addAll(PlatformClient.bulletinsIn(seeds));
            } else {
                System.out.println("[system-tests] " + seeds + " does not exist: seed bulletins not uploaded");
            }
            return bulletins;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
