package org.bulletinsearch.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bulletinsearch.infra.support.ProcessControl;
import org.bulletinsearch.infra.support.ServerMain;

/**
 * One server running in a JVM of its own, spawned from its launcher module's classpath.
 *
 * <p>The child's stdin stays open for as long as this object lives: if the JVM that started it dies,
 * the pipe closes and the server stops by itself (see {@link ServerMain}).
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Component component;
    private final Path dataDir;
    private final Path logFile;
    private final List<String> jvmOptions;
    private final List<String> launcherArgs;
    private final Duration startTimeout;
    private volatile int port;
    private volatile Process process;
    private volatile Map<String, String> endpoint = Map.of();
    private volatile Duration startTime = Duration.ZERO;

    ServerProcess(Component component, int port, Path dataDir, Path logFile, List<String> jvmOptions,
            List<String> launcherArgs, Duration startTimeout) {
        this.component = component;
        this.port = port;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.launcherArgs = List.copyOf(launcherArgs);
        this.startTimeout = startTimeout;
    }

    /** Starts the server (again, after {@link #stop()}: same port, same data). Blocks until it is ready. */
    public synchronized ServerProcess start() {
        if (isRunning()) {
            return this;
        }
        long started = System.nanoTime();
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // A session of its own: Ctrl-C in the terminal reaches the caller, which stops the
            // servers in order (after the services using them), not every process at once.
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dlocal-infra.component=" + component.id());
        command.add("-cp");
        command.add(launcherClasspath(component));
        command.add(component.mainClass());
        command.add("--port=" + port);
        command.add("--data-dir=" + dataDir);
        command.addAll(launcherArgs);
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(dataDir);
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new InfrastructureException(component.id() + " could not be spawned: " + e.getMessage(), e);
        }
        CompletableFuture<Map<String, String>> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pumpOutput(process, ready), component.id() + "-output");
        pump.setDaemon(true);
        pump.start();
        try {
            endpoint = ready.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new InfrastructureException(component.id() + " was not ready within " + startTimeout.toSeconds()
                    + " s; see " + logFile);
        } catch (ExecutionException e) {
            process.destroyForcibly();
            throw new InfrastructureException(component.id() + " failed to start: " + e.getCause().getMessage()
                    + "; see " + logFile, e.getCause());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InfrastructureException(component.id() + ": interrupted while starting");
        }
        port = Integer.parseInt(endpoint.get("port"));
        startTime = Duration.ofNanos(System.nanoTime() - started);
        return this;
    }

    /** Stops the server gracefully (its data stays); {@link #start()} brings it back on the same port. */
    public synchronized void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        // Closing stdin is the launcher's "please stop"; SIGTERM and SIGKILL are the fallbacks.
        ProcessControl.stop(running, () -> closeQuietly(running.getOutputStream()), STOP_GRACE);
        process = null;
    }

    /** Kills the launcher JVM with SIGKILL, as a crash would (child processes it supervised may linger). */
    public synchronized void kill() {
        Process running = process;
        if (running != null) {
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            ProcessControl.kill(running);
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void closeQuietly(OutputStream stdin) {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // Already closed: the process is on its way out.
        }
    }

    public boolean isRunning() {
        Process running = process;
        return running != null && running.isAlive();
    }

    public Component component() {
        return component;
    }

    public int port() {
        return port;
    }

    /** What the server announced on its ready line (port, url, bootstrap, jdbcUrl, ...). */
    public Map<String, String> endpoint() {
        return endpoint;
    }

    public String endpoint(String key) {
        String value = endpoint.get(key);
        if (value == null) {
            throw new IllegalStateException(component.id() + " announced no '" + key + "': " + endpoint);
        }
        return value;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    /** Time from spawning the JVM to its ready line, for the last start. */
    public Duration startTime() {
        return startTime;
    }

    /** The launcher JVM's pid while it runs. */
    public long pid() {
        Process running = process;
        return running == null ? -1 : running.pid();
    }

    private void pumpOutput(Process child, CompletableFuture<Map<String, String>> ready) {
        Deque<String> lastLines = new ArrayDeque<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
            log.write("---- " + component.id() + " starting (pid " + child.pid() + ") ----\n");
            log.flush();
            String line;
            while ((line = reader.readLine()) != null) {
                log.write(line);
                log.write('\n');
                log.flush();
                if (line.startsWith(ServerMain.READY_PREFIX)) {
                    ready.complete(ServerMain.parseReadyLine(line));
                } else if (line.startsWith(ServerMain.FAILED_PREFIX)) {
                    ready.completeExceptionally(new InfrastructureException(line.substring(ServerMain.FAILED_PREFIX.length())));
                }
                if (!ready.isDone()) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 20) {
                        lastLines.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        if (!ready.isDone()) {
            ready.completeExceptionally(new InfrastructureException("process exited before it was ready; last output:\n  "
                    + String.join("\n  ", lastLines)));
        }
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
