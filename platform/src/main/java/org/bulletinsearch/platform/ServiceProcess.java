package org.bulletinsearch.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bulletinsearch.infra.InfrastructureException;
import org.bulletinsearch.infra.support.ProcessControl;

/**
 * A service run as in production: {@code java -jar target/quarkus-app/quarkus-run.jar} in a process
 * of its own, configured through environment variables only, ready when {@code /q/health/ready}
 * answers 200.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final Path runJar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final boolean classDataSharing;
    private final Path logFile;
    private volatile Process process;
    private volatile ClassDataArchive classData;
    private volatile Duration startTime = Duration.ZERO;

    ServiceProcess(Service service, Path runJar, int port, Map<String, String> environment, List<String> jvmOptions,
            boolean classDataSharing, Path logFile) {
        this.service = service;
        this.runJar = runJar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.classDataSharing = classDataSharing;
        this.logFile = logFile;
    }

    /** Starts the service and waits until it reports ready. */
    public synchronized ServiceProcess start(Duration timeout) {
        if (process != null && process.isAlive()) {
            return this;
        }
        if (!Files.isRegularFile(runJar)) {
            throw new InfrastructureException(service.module() + " is not built: " + runJar
                    + " is missing (./mvnw -B install -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (classDataSharing) {
            classData = ClassDataArchive.forJar(runJar);
            command.addAll(classData.jvmOptions());
        }
        command.add("-jar");
        command.add(runJar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put(service.portVariable(), Integer.toString(port));
        long started = System.nanoTime();
        try {
            Files.createDirectories(logFile.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new InfrastructureException(service.module() + " could not be spawned: " + e.getMessage(), e);
        }
        awaitReady(timeout);
        startTime = Duration.ofNanos(System.nanoTime() - started);
        return this;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new InfrastructureException(service.module() + " exited with code " + process.exitValue()
                        + " while starting; see " + logFile);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfrastructureException(service.module() + ": interrupted while starting");
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfrastructureException(service.module() + ": interrupted while starting");
            }
        }
        throw new InfrastructureException(service.module() + " was not ready within " + timeout.toSeconds()
                + " s; see " + logFile);
    }

    /** SIGTERM, which Quarkus answers with a graceful shutdown; SIGKILL if that takes too long. */
    public synchronized void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        ProcessControl.stop(running, running::destroy, Duration.ofSeconds(30));
        process = null;
        // 137 = SIGKILL after the grace period: a class-data archive it was writing is incomplete.
        afterExit(!running.isAlive() && running.exitValue() != 137);
    }

    /** {@code kill -9}: no shutdown hooks, no final commits, as a crash. */
    public synchronized void kill() {
        Process running = process;
        if (running == null) {
            return;
        }
        ProcessControl.kill(running);
        process = null;
        afterExit(false);
    }

    private void afterExit(boolean exitedNormally) {
        ClassDataArchive archive = classData;
        classData = null;
        if (archive != null) {
            archive.afterExit(exitedNormally);
        }
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        Process running = process;
        return running != null && running.isAlive();
    }

    public Service service() {
        return service;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public Duration startTime() {
        return startTime;
    }

    public long pid() {
        Process running = process;
        return running == null ? -1 : running.pid();
    }
}
