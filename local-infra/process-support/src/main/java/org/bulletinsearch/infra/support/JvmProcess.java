package org.bulletinsearch.infra.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A Java program run as a child process, started (again, after a stop) and stopped on demand: the one way the
 * project spawns its servers (the local-infra launchers) and services (a packaged {@code quarkus-run.jar}); a
 * subclass says what to run ({@link #command()}, {@link #environment()}).
 *
 * <p>The child runs this JVM's own {@code java}, optionally in a session of its own ({@code setsid}: Ctrl-C in
 * the terminal then reaches only the caller, which stops its children in order). The OS appends its output to a
 * log file, so nothing is lost when the caller dies. {@link #start} returns once the child is ready by its
 * {@link Readiness}; {@link #stop()} asks, waits, then insists. The child's stdin stays an open pipe while the
 * caller lives: the {@link ServerMain} protocol stops a server whose caller is gone when it closes.
 */
public abstract class JvmProcess implements AutoCloseable {

    /** How long {@link #stop()} waits after asking the child to stop before it sends SIGTERM, then SIGKILL. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** How long each of SIGTERM and SIGKILL is given after that. */
    private static final Duration ESCALATION_WAIT = Duration.ofSeconds(10);
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    /** How often {@link Readiness} is asked. */
    private static final Duration POLL = Duration.ofMillis(100);
    /**
     * Exit statuses of a JVM that stopped as asked: 0 (end of input, or {@code System.exit(0)}), 130 (SIGINT,
     * 128 + 2) and 143 (SIGTERM, 128 + 15). Anything else while stopping is a failure, such as 134 (SIGABRT after a
     * fatal error, which writes an {@code hs_err_pid*.log}) or 137 (SIGKILL).
     */
    private static final Set<Integer> STOPPED_AS_ASKED = Set.of(0, 130, 143);

    /** How a child is asked to stop before SIGTERM and SIGKILL insist. */
    public enum StopRequest {
        /** End of input: the {@link ServerMain} protocol's "please stop". */
        CLOSE_STDIN,
        /** SIGTERM, which Quarkus (like any JVM) answers with a graceful shutdown. */
        SIGTERM
    }

    private final String name;
    private final Path logFile;
    private final Readiness readiness;
    private final StopRequest stopRequest;
    private final boolean ownSession;
    private final Duration startTimeout;
    private volatile Process process;
    private volatile Map<String, String> announced = Map.of();
    private volatile Duration startTime = Duration.ZERO;
    private volatile int lastExitStatus = -1;

    /** A child not started yet, named {@code name} in every message; {@code ownSession} where setsid exists. */
    protected JvmProcess(String name, Path logFile, Readiness readiness, StopRequest stopRequest, boolean ownSession,
            Duration startTimeout) {
        this.name = name;
        this.logFile = logFile.toAbsolutePath();
        this.readiness = readiness;
        this.stopRequest = stopRequest;
        this.ownSession = ownSession;
        this.startTimeout = startTimeout;
    }

    /** What follows {@code java} for this start: JVM options, {@code -cp CP MAIN} or {@code -jar JAR}, arguments. */
    protected abstract List<String> command();

    /** Variables added to this JVM's environment for the child; none by default. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    /**
     * Called once the child is gone (or failed to start), with whether it stopped as asked (exit status 0, 130 or
     * 143: not a crash, not SIGKILL).
     */
    protected void exited(boolean normally) {
    }

    /**
     * Spawns the child, unless it runs, and waits until it is ready; an {@link InfrastructureException} naming the
     * log file if it cannot be spawned, exits or reports a failure first, or is not ready in time (it is then killed).
     */
    public synchronized JvmProcess start() {
        if (isRunning()) {
            return this;
        }
        List<String> command = new ArrayList<>();
        if (ownSession && Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(command());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment());
        long started = System.nanoTime();
        Process child = null;
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "---- " + name + " starting ----\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Output output = new Output(logFile, Files.size(logFile));
            child = builder.start();
            announced = awaitReady(child, output);
        } catch (IOException | RuntimeException e) {
            if (child != null) {
                child.destroyForcibly();
            }
            exited(false);
            throw e instanceof IOException ? new InfrastructureException(name + " could not be spawned: " + e.getMessage(), e)
                    : (RuntimeException) e;
        }
        process = child;
        startTime = Duration.ofNanos(System.nanoTime() - started);
        return this;
    }

    private Map<String, String> awaitReady(Process child, Output output) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        try {
            while (true) {
                // Sampled before reading, so that the lines read include all a dead child wrote.
                boolean exited = !child.isAlive();
                Optional<Map<String, String>> ready = readiness.check(output.newLines());
                if (ready.isPresent()) {
                    return ready.get();
                }
                if (exited) {
                    throw new InfrastructureException(name + " exited with code " + child.exitValue()
                            + " before it was ready; see " + logFile + "; last output:\n  " + output.last());
                }
                if (System.nanoTime() > deadline) {
                    throw new InfrastructureException(name + " was not ready within " + startTimeout.toSeconds()
                            + " s; see " + logFile);
                }
                child.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (IOException e) {
            throw new InfrastructureException(name + ": cannot read " + logFile + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException(name + ": interrupted while starting");
        } catch (IllegalStateException e) {
            throw new InfrastructureException(name + " failed to start: " + e.getMessage() + "; see " + logFile, e);
        }
    }

    /**
     * Asks the child to stop as its {@link StopRequest} says, waits up to 30 s, then sends SIGTERM, then SIGKILL;
     * then the processes the child had started and left behind get SIGTERM, 10 s, then SIGKILL, so that nothing of
     * it is left when this returns.
     */
    public synchronized void stop() {
        Process running = process;
        if (running != null) {
            process = null;
            List<ProcessHandle> started = running.descendants().toList();
            try {
                ask(running);
                if (!running.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    running.destroy();
                    if (!running.waitFor(ESCALATION_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                        running.destroyForcibly().waitFor(ESCALATION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    }
                }
                stopLeftovers(started);
            } catch (InterruptedException e) {
                running.destroyForcibly();
                started.forEach(ProcessHandle::destroyForcibly);
                Thread.currentThread().interrupt();
            }
            exited(recordExit(running));
        }
    }

    /** Orphans once the child is gone: nothing stops them otherwise. */
    private static void stopLeftovers(List<ProcessHandle> processes) throws InterruptedException {
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + ESCALATION_WAIT.toNanos();
        for (ProcessHandle p : processes) {
            try {
                p.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                p.destroyForcibly();
            }
        }
    }

    /** SIGKILL to the child and every process it started, as a crash would; waits until it is gone. */
    public synchronized void kill() {
        Process running = process;
        if (running != null) {
            process = null;
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            try {
                running.destroyForcibly().waitFor(ESCALATION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            recordExit(running);
            exited(false);
        }
    }

    /**
     * Runs an action on every item at once (starting or stopping several processes) and waits for all of them;
     * a failure is rethrown as the action threw it, once every action has ended.
     */
    public static <T> void inParallel(Collection<T> items, Consumer<T> action) {
        try {
            CompletableFuture.allOf(items.stream().map(item -> CompletableFuture.runAsync(() -> action.accept(item)))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private void ask(Process running) {
        if (stopRequest == StopRequest.SIGTERM) {
            running.destroy();
            return;
        }
        try {
            running.getOutputStream().close();
        } catch (IOException alreadyClosed) {
            // The process is on its way out.
        }
    }

    /** Keeps the exit status of a child that ended; returns whether it stopped as asked. */
    private boolean recordExit(Process ended) {
        lastExitStatus = ended.isAlive() ? -1 : ended.exitValue();
        return stoppedAsAsked();
    }

    /** The exit status of the child's last run, once {@link #stop()} or {@link #kill()} saw it end; -1 before. */
    public int lastExitStatus() {
        return lastExitStatus;
    }

    /** Whether the child's last run ended as {@link #stop()} asked: exit status 0, 130 (SIGINT) or 143 (SIGTERM). */
    public boolean stoppedAsAsked() {
        return STOPPED_AS_ASKED.contains(lastExitStatus);
    }

    /** Whether the child runs. */
    public boolean isRunning() {
        Process running = process;
        return running != null && running.isAlive();
    }

    /** The child's pid while it runs, -1 otherwise. */
    public long pid() {
        Process running = process;
        return running == null ? -1 : running.pid();
    }

    /** What the child announced when it last became ready (the ready line's pairs; empty for an HTTP check). */
    public Map<String, String> announced() {
        return announced;
    }

    /** From spawning the JVM to its being ready, for the last start. */
    public Duration startTime() {
        return startTime;
    }

    /** The name this child goes by in every message. */
    public String name() {
        return name;
    }

    /** The file the child's output is appended to. */
    public Path logFile() {
        return logFile;
    }

    /**
     * When a spawned JVM counts as started, asked every 100 ms with the lines it wrote since: returns what it
     * announced once it is ready, nothing while it is not yet, or throws {@link IllegalStateException} with
     * the reason the child gave for not starting.
     */
    @FunctionalInterface
    public interface Readiness {

        /** One check; {@code newOutput} holds the complete lines the child wrote since the last one. */
        Optional<Map<String, String>> check(List<String> newOutput) throws IOException, InterruptedException;

        /**
         * The {@link ServerMain} protocol: ready at the {@code LOCAL-INFRA READY key=value...} line, whose pairs
         * become {@link JvmProcess#announced()}; a {@code LOCAL-INFRA FAILED reason} line fails the start.
         */
        static Readiness readyLine() {
            return output -> {
                for (String line : output) {
                    if (line.startsWith(ServerMain.READY_PREFIX)) {
                        return Optional.of(ServerMain.parseReadyLine(line));
                    }
                    if (line.startsWith(ServerMain.FAILED_PREFIX)) {
                        throw new IllegalStateException(line.substring(ServerMain.FAILED_PREFIX.length()));
                    }
                }
                return Optional.empty();
            };
        }

        /** Ready when a GET of {@code url} answers 200, such as Quarkus' {@code /q/health/ready}. */
        static Readiness httpOk(URI url) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build();
            return output -> {
                try {
                    boolean ok = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    return ok ? Optional.of(Map.of()) : Optional.empty();
                } catch (IOException notListeningYet) {
                    return Optional.empty();
                }
            };
        }
    }

    /** The child's output since it was spawned, read from its log file as the file grows. */
    private static final class Output {
        private final Path file;
        private final long start;
        private long offset;

        Output(Path file, long start) {
            this.file = file;
            this.start = start;
            this.offset = start;
        }

        /** The complete lines written since the last call ('\n' never occurs inside a multi-byte UTF-8 sequence). */
        List<String> newLines() throws IOException {
            byte[] fresh = since(offset);
            int end = fresh.length;
            while (end > 0 && fresh[end - 1] != '\n') {
                end--;
            }
            offset += end;
            return new String(fresh, 0, end, StandardCharsets.UTF_8).lines().toList();
        }

        /** The last 20 lines since the child was spawned, for a message. */
        String last() throws IOException {
            List<String> lines = new String(since(start), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n  ", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        }

        private byte[] since(long position) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(position);
                return in.readAllBytes();
            }
        }
    }
}
