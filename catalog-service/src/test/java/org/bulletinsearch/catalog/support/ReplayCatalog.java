package org.bulletinsearch.catalog.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bulletinsearch.infra.LocalInfrastructure;

/**
 * A second catalog service: the packaged application ({@code target/quarkus-app/quarkus-run.jar}, built by the
 * {@code package} phase before the integration tests run), started as production starts it, on the test run's
 * Kafka and PostgreSQL, but on an empty schema of its own and as a new consumer group, so that it consumes the
 * whole articles topic from its beginning. {@link #close()} stops it and drops its schema.
 */
public final class ReplayCatalog implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path LOG = Path.of("target", "replay-catalog.log");

    private final String schema = "replay_" + UUID.randomUUID().toString().replace("-", "");
    private final int port;
    private final Process process;

    private ReplayCatalog(LocalInfrastructure infrastructure) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the tests with mvn verify");
        }
        port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(LOG.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(infrastructure.environment());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infrastructure.jdbcUrl() + "?currentSchema=" + schema);
        env.put("QUARKUS_FLYWAY_SCHEMAS", schema);
        env.put("CATALOG_GROUP_ID", "catalog-replay-" + schema);
        env.put("CATALOG_PORT", Integer.toString(port));
        process = builder.start();
    }

    /** Starts the second catalog and waits until it is ready (its schema migrated, its consumer running). */
    public static ReplayCatalog start(LocalInfrastructure infrastructure) throws IOException {
        ReplayCatalog catalog = new ReplayCatalog(infrastructure);
        try {
            await("the replaying catalog to be ready (log: " + LOG + ")").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500)).until(catalog::ready);
            return catalog;
        } catch (RuntimeException | Error e) {
            catalog.close();
            throw e;
        }
    }

    /** Its database schema ({@code public} is the test run's own catalog). */
    public String schema() {
        return schema;
    }

    /** Its HTTP port. */
    public int port() {
        return port;
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the replaying catalog exited with " + process.exitValue() + "; see " + LOG);
        }
        try {
            HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the process (SIGTERM, then kill after 30 s); the caller drops the schema. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The statements that remove what the replaying catalog left in the database. */
    public List<String> cleanup() {
        return List.of("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
