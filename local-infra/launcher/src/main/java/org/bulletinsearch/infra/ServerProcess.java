package org.bulletinsearch.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bulletinsearch.infra.support.InfrastructureException;
import org.bulletinsearch.infra.support.JvmProcess;
import org.bulletinsearch.infra.support.ServerMain;

/**
 * One server in a JVM of its own, spawned from its launcher module's classpath, ready at its {@link ServerMain}
 * ready line and stopped by closing its stdin, which also happens when the JVM that started it dies.
 */
public final class ServerProcess extends JvmProcess {

    private final Component component;
    private final Path dataDir;
    private final List<String> jvmOptions;
    private final List<String> launcherArgs;
    private volatile int port;

    ServerProcess(Component component, int port, Path dataDir, Path logFile, List<String> jvmOptions,
            List<String> launcherArgs, Duration startTimeout) {
        // A session of its own: Ctrl-C in the terminal reaches the caller, which stops the servers in
        // order (after the services using them), not every process at once.
        super(component.id(), logFile, Readiness.readyLine(), StopRequest.CLOSE_STDIN, true, startTimeout);
        this.component = component;
        this.port = port;
        this.dataDir = dataDir;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.launcherArgs = List.copyOf(launcherArgs);
    }

    /**
     * Starts the server (again, after {@link #stop()}: same port, same data). Blocks until it is ready.
     *
     * @throws InfrastructureException naming the log file if it does not come up
     */
    @Override
    public synchronized ServerProcess start() {
        super.start();
        port = Integer.parseInt(endpoint("port"));
        return this;
    }

    @Override
    protected List<String> command() {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new InfrastructureException(component.id() + ": cannot create " + dataDir + ": " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>(jvmOptions);
        command.addAll(List.of("-Dlocal-infra.component=" + component.id(), "-cp", launcherClasspath(component),
                component.mainClass(), "--port=" + port, "--data-dir=" + dataDir));
        command.addAll(launcherArgs);
        return command;
    }

    /** Its port: the one asked for, or the one it announced after a start on a free port. */
    public int port() {
        return port;
    }

    /** One value of the ready line (port, url, bootstrap, jdbcUrl, ...); an {@link IllegalStateException} if not announced. */
    public String endpoint(String key) {
        String value = announced().get(key);
        if (value == null) {
            throw new IllegalStateException(component.id() + " announced no '" + key + "': " + announced());
        }
        return value;
    }

    /** The server's data directory. */
    public Path dataDir() {
        return dataDir;
    }

    /** The launcher's jar (or classes folder) followed by the classpath its module recorded at build time. */
    static String launcherClasspath(Component component) {
        String resource = "META-INF/local-infra/" + component.artifactId() + ".classpath";
        URL url = ServerProcess.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new InfrastructureException("no " + resource + " on the classpath: build the local-infra modules first"
                    + " (./mvnw install -pl local-infra -amd -DskipTests)");
        }
        try {
            String recorded = new String(url.openStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return locationOf(url, resource) + java.io.File.pathSeparator + recorded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String locationOf(URL resourceUrl, String resource) {
        String external = resourceUrl.toExternalForm();
        try {
            if (external.startsWith("jar:")) {
                String jar = external.substring("jar:".length(), external.indexOf("!/"));
                return Path.of(new URL(jar).toURI()).toString();
            }
            Path file = Path.of(resourceUrl.toURI());
            Path root = file;
            for (int i = 0; i < resource.split("/").length; i++) {
                root = root.getParent();
            }
            return root.toString();
        } catch (URISyntaxException | IOException e) {
            throw new InfrastructureException("cannot locate " + resourceUrl, e);
        }
    }
}
