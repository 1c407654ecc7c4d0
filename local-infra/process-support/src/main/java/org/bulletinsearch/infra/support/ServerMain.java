package org.bulletinsearch.infra.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * The protocol every server launcher speaks with the process that spawned it.
 *
 * <ul>
 *   <li>Arguments: {@code --port=N} (0 picks a free port), {@code --data-dir=PATH} (kept across
 *       restarts; without it a temporary directory is used and removed at exit), and any other
 *       {@code --key=value} a server understands.</li>
 *   <li>Once the server accepts clients it prints one line to stdout:
 *       {@code LOCAL-INFRA READY key=value key=value...}; if it cannot start it prints
 *       {@code LOCAL-INFRA FAILED reason} and exits non-zero.</li>
 *   <li>It stops cleanly on SIGTERM and when its stdin reaches end-of-file, which is what happens
 *       when the parent process dies, so that no orphaned server outlives a crashed test JVM.</li>
 * </ul>
 */
public final class ServerMain {

    /** Starts the line a server prints once it accepts clients. */
    public static final String READY_PREFIX = "LOCAL-INFRA READY ";
    /** Starts the line a server prints when it cannot start. */
    public static final String FAILED_PREFIX = "LOCAL-INFRA FAILED ";
    private static final String LOCK_FILE = "local-infra.lock";
    /** How long a launcher waits for the data directory of a launcher that is still stopping. */
    private static final Duration DATA_DIR_LOCK_WAIT = Duration.ofSeconds(30);

    @SuppressWarnings("unused") // kept so that the channel, and with it the lock, stays open
    private static volatile FolderLock dataDirLock;

    /** What a server needs to run; {@link #close()} stops it and must be idempotent. */
    public interface RunningServer extends AutoCloseable {
        /** Endpoint facts to announce on the ready line, such as {@code port} and {@code url}. */
        Map<String, String> endpoint();

        @Override
        void close() throws Exception;
    }

    /** A launcher's way of starting its server from the parsed arguments. */
    @FunctionalInterface
    public interface ServerStarter {
        /** Starts the server; returns once it accepts clients. */
        RunningServer start(Options options) throws Exception;
    }

    /**
     * Parsed launcher arguments: {@code --port=N} (0, the default, picks a free port), {@code --data-dir=PATH}
     * (without it a temporary directory, not {@link #persistent}), and any other {@code --key=value} as
     * {@link #extra}.
     */
    public record Options(int port, Path dataDir, boolean persistent, Map<String, String> extra) {

        /** Parses the arguments (picocli; an {@link IllegalArgumentException} if one is wrong) and creates the data directory. */
        public static Options parse(String[] args) {
            Arguments parsed = new Arguments();
            try {
                new CommandLine(parsed).parseArgs(args);
            } catch (CommandLine.ParameterException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            Map<String, String> extra = new LinkedHashMap<>();
            for (String arg : parsed.extra) {
                int eq = arg.indexOf('=');
                if (!arg.startsWith("--") || eq < 0) {
                    throw new IllegalArgumentException("expected --key=value, got: " + arg);
                }
                extra.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
            boolean persistent = parsed.dataDir != null && !parsed.dataDir.isBlank();
            try {
                Path dataDir = persistent ? Files.createDirectories(Path.of(parsed.dataDir).toAbsolutePath())
                        : Files.createTempDirectory("local-infra-");
                return new Options(parsed.port, dataDir, persistent, Map.copyOf(extra));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data directory", e);
            }
        }

        /** The value of an extra {@code --key=value} argument. */
        public Optional<String> get(String key) {
            return Optional.ofNullable(extra.get(key));
        }

        /** The requested port, or a free one when 0 was asked for. */
        public int portOrFree() {
            return port != 0 ? port : freePort();
        }
    }

    /** The launcher protocol's command line; every {@code --key=value} it does not name is for the server. */
    private static final class Arguments {
        @Option(names = "--port") int port;
        @Option(names = "--data-dir") String dataDir;
        @Unmatched List<String> extra = new ArrayList<>();
    }

    private ServerMain() {
    }

    /**
     * Starts a server, announces it, and blocks until it must stop. Meant to be the whole body of a
     * launcher's {@code main}.
     */
    public static void run(String name, String[] args, ServerStarter starter) {
        PrintStream out = System.out;
        Options options = null;
        RunningServer server;
        try {
            options = Options.parse(args);
            lockDataDirectory(options.dataDir());
            server = starter.start(options);
        } catch (Throwable e) {
            e.printStackTrace();
            if (options != null && !options.persistent()) {
                deleteRecursively(options.dataDir());
            }
            out.println(FAILED_PREFIX + name + ": " + oneLine(e));
            out.flush();
            System.exit(1);
            return;
        }
        Options running = options;
        Thread shutdown = new Thread(() -> {
            try {
                server.close();
            } catch (Throwable e) {
                System.err.println(name + ": error while stopping: " + oneLine(e));
            } finally {
                if (!running.persistent()) {
                    deleteRecursively(running.dataDir());
                }
            }
        }, name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        Map<String, String> endpoint = new LinkedHashMap<>();
        endpoint.put("name", name);
        endpoint.put("pid", Long.toString(ProcessHandle.current().pid()));
        endpoint.put("dataDir", running.dataDir().toString());
        endpoint.putAll(server.endpoint());
        out.println(READY_PREFIX + endpoint.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")));
        out.flush();

        waitForStdinEof(System.in);
        // Parent is gone (or closed our stdin on purpose): exit, which runs the shutdown hook.
        System.exit(0);
    }

    /**
     * Makes the data directory this launcher's until its JVM exits. Two servers on one directory corrupt it,
     * and the servers' own locks come too late: a second Kafka writes to its metadata log before its log
     * manager finds the directory locked. A launcher that is still stopping (a platform restarted at once)
     * is waited for, up to {@link #DATA_DIR_LOCK_WAIT}.
     */
    private static void lockDataDirectory(Path dataDir) throws IOException, InterruptedException {
        dataDirLock = FolderLock.acquire(dataDir.resolve(LOCK_FILE), DATA_DIR_LOCK_WAIT, holder -> true, holder -> { })
                .orElseThrow(() -> new IllegalStateException("data directory " + dataDir + " is in use by another running"
                        + " launcher (still after " + DATA_DIR_LOCK_WAIT.toSeconds() + " s)"));
    }

    /** Parses a ready line into its key/value pairs. */
    public static Map<String, String> parseReadyLine(String line) {
        if (!line.startsWith(READY_PREFIX)) {
            throw new IllegalArgumentException("not a ready line: " + line);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String token : line.substring(READY_PREFIX.length()).trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                values.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return values;
    }

    /** A TCP port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** Deletes a directory tree (nothing if it is null or gone); what cannot be deleted is reported on stderr. */
    public static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static void waitForStdinEof(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException parentGone) {
            // A broken pipe means the parent is gone as well.
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.replace('\n', ' ').replace('\r', ' ');
    }
}
