package org.bulletinsearch.infra.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

    public static final String READY_PREFIX = "LOCAL-INFRA READY ";
    public static final String FAILED_PREFIX = "LOCAL-INFRA FAILED ";
    private static final String LOCK_FILE = "local-infra.lock";
    /** How long a launcher waits for the data directory of a launcher that is still stopping. */
    private static final Duration DATA_DIR_LOCK_WAIT = Duration.ofSeconds(30);

    @SuppressWarnings("unused") // kept so that the channel, and with it the lock, stays open
    private static volatile FileLock dataDirLock;

    /** What a server needs to run; {@link #close()} stops it and must be idempotent. */
    public interface RunningServer extends AutoCloseable {
        /** Endpoint facts to announce on the ready line, such as {@code port} and {@code url}. */
        Map<String, String> endpoint();

        @Override
        void close() throws Exception;
    }

    @FunctionalInterface
    public interface ServerStarter {
        RunningServer start(Options options) throws Exception;
    }

    /** Parsed launcher arguments. */
    public record Options(int port, Path dataDir, boolean persistent, Map<String, String> extra) {

        public static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("expected --key=value, got: " + arg);
                }
                int eq = arg.indexOf('=');
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
            int port = Integer.parseInt(values.getOrDefault("port", "0"));
            String dir = values.remove("data-dir");
            values.remove("port");
            try {
                if (dir == null || dir.isBlank()) {
                    return new Options(port, Files.createTempDirectory("local-infra-"), false, Map.copyOf(values));
                }
                Path dataDir = Path.of(dir).toAbsolutePath();
                Files.createDirectories(dataDir);
                return new Options(port, dataDir, true, Map.copyOf(values));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data directory", e);
            }
        }

        public Optional<String> get(String key) {
            return Optional.ofNullable(extra.get(key));
        }

        /** The requested port, or a free one when 0 was asked for. */
        public int portOrFree() {
            return port != 0 ? port : freePort();
        }
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
     * Makes the data directory this launcher's until its JVM exits (the OS releases the lock even
     * on kill -9). Two servers on one directory corrupt it, and the servers' own locks come too late:
     * a second Kafka writes to its metadata log before its log manager finds the directory locked.
     * A launcher that is still stopping (a platform restarted at once) is waited for, up to
     * {@link #DATA_DIR_LOCK_WAIT}.
     */
    private static void lockDataDirectory(Path dataDir) throws IOException, InterruptedException {
        FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + DATA_DIR_LOCK_WAIT.toNanos();
        FileLock lock;
        while ((lock = channel.tryLock()) == null) {
            if (System.nanoTime() > deadline) {
                channel.close();
                throw new IllegalStateException("data directory " + dataDir + " is in use by another running launcher"
                        + " (still after " + DATA_DIR_LOCK_WAIT.toSeconds() + " s)");
            }
            Thread.sleep(200);
        }
        dataDirLock = lock;
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

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    public static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static void waitForStdinEof(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException ignored) {
            // A broken pipe means the parent is gone as well.
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.replace('\n', ' ').replace('\r', ' ');
    }
}
