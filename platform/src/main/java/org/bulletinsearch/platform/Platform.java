package org.bulletinsearch.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bulletinsearch.infra.Component;
import org.bulletinsearch.infra.HeapSize;
import org.bulletinsearch.infra.LocalInfrastructure;
import org.bulletinsearch.infra.ServerProcess;
import org.bulletinsearch.infra.support.InfrastructureException;
import org.bulletinsearch.infra.support.JvmProcess;
import org.bulletinsearch.infra.support.Ports;
import org.bulletinsearch.infra.support.ServerMain;
import org.bulletinsearch.platform.client.PlatformClient;

/**
 * The whole platform on one machine: Kafka, PostgreSQL and the search engine from
 * {@link LocalInfrastructure}, then the three packaged services, each a process of its own,
 * wired together through the same environment variables they read in production.
 *
 * <p>Stops in the reverse order: services first (so that they commit what they hold), then the
 * infrastructure.
 */
public final class Platform implements AutoCloseable {

    /** How long a start waits for a port held by a Bulletin Search process that is stopping. */
    static final Duration PORT_WAIT = Duration.ofSeconds(30);

    /** The services' JVM options unless {@link Builder#serviceJvmOptions} says otherwise. */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC");

    /** How long a service may take to be ready. */
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(120);

    /** Upload key used when {@code INGEST_API_KEY} is not set; for local use only. */
    public static final String DEVELOPMENT_API_KEY = "dev-key-change-me";

    private final LocalInfrastructure infrastructure;
    /**
     * Written under this platform's lock (start, restart) and iterated under it (close); synchronized for
     * {@link #service} and {@link #url}, which read it without the lock from any thread (a load while a restart).
     */
    private final Map<Service, ServiceProcess> services = Collections.synchronizedMap(new EnumMap<>(Service.class));
    /** What the builder was told; {@link Builder#start()} builds one platform from it and is done with it. */
    private final Builder settings;
    /** Set by {@link #close}; guarded by this platform's lock, which a restart holds until its service is ready. */
    private boolean closed;

    private Platform(Builder settings, LocalInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
        this.settings = settings;
    }

    /** A platform of the services packaged under {@code repositoryRoot}. */
    public static Builder builder(Path repositoryRoot) {
        return new Builder(repositoryRoot);
    }

    /** Kafka, PostgreSQL and the search engine. */
    public LocalInfrastructure infrastructure() {
        return infrastructure;
    }

    /** One service's process. */
    public ServiceProcess service(Service service) {
        return services.get(service);
    }

    /** A service's base URL, {@code http://127.0.0.1:PORT}. */
    public String url(Service service) {
        return services.get(service).url();
    }

    /** The upload key(s) the ingest service accepts, comma-separated. */
    public String apiKey() {
        return settings.apiKey;
    }

    /** A client of this platform's services, uploading with the first of its keys. */
    public PlatformClient client() {
        return new PlatformClient(url(Service.INGEST), url(Service.CATALOG), url(Service.SEARCH),
                settings.apiKey.split(",")[0].trim());
    }

    /** Where every server and service writes its log. */
    public Path logDir() {
        return settings.logDir;
    }

    /**
     * Restarts one service after {@link ServiceProcess#stop()} or {@link ServiceProcess#kill()}.
     *
     * @throws IllegalStateException once the platform is closed (a restart must not outlive it)
     */
    public synchronized ServiceProcess restart(Service service) {
        requireOpen();
        ServiceProcess process = services.get(service);
        process.stop();
        return startService(process);
    }

    /**
     * Stops one service and starts it again with some of its environment variables changed (for example
     * {@code SEARCH_VECTORS_ENABLED}); the new process replaces the old one from then on.
     *
     * @throws IllegalStateException once the platform is closed
     */
    public synchronized ServiceProcess restart(Service service, Map<String, String> changes) {
        requireOpen();
        ServiceProcess old = services.get(service);
        old.stop();
        ServiceProcess changed = old.withEnvironment(changes);
        services.put(service, changed);
        return startService(changed);
    }

    /**
     * Stops the services, then the infrastructure; once. Waits for a restart in progress (from another thread, such
     * as a shutdown hook's close while the main thread restarts a service), so that no service outlives it.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        JvmProcess.inParallel(services.values(), ServiceProcess::stop);
        sayWhichFailedToStop(List.copyOf(services.values()));
        settings.progress.accept("services stopped");
        infrastructure.close();
        sayWhichFailedToStop(infrastructure.components().stream().map(infrastructure::server).toList());
        settings.progress.accept("infrastructure stopped");
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the platform is stopped");
        }
    }

    /** A crash while stopping would otherwise pass unseen: the stop still ends, just later. */
    private void sayWhichFailedToStop(List<? extends JvmProcess> stopped) {
        for (JvmProcess process : stopped) {
            if (process.lastExitStatus() >= 0 && !process.stoppedAsAsked()) {
                settings.progress.accept(String.format("%s did not stop cleanly (exit status %d: a crash, or killed"
                        + " after the grace time); see %s", process.name(), process.lastExitStatus(), process.logFile()));
            }
        }
    }

    /** Holds the platform's lock: a {@link #close} asked meanwhile waits for the start to end, then stops it all. */
    private synchronized Platform startAll() {
        long started = System.nanoTime();
        settings.progress.accept("starting Kafka, PostgreSQL and the search engine ...");
        infrastructure.start();
        for (Component component : infrastructure.components()) {
            ServerProcess server = infrastructure.server(component);
            settings.progress.accept(String.format("%-15s ready in %5.1f s  port %d", component.id(),
                    seconds(server.startTime()), server.port()));
        }
        // Services are configured with the same variables as in production (see README).
        Map<String, String> environment = new LinkedHashMap<>(infrastructure.environment());
        environment.put("INGEST_API_KEY", settings.apiKey);
        // The search service rebuilds its index from the catalog (reindex); both start in parallel, and the
        // search service retries until the catalog answers.
        environment.put("CATALOG_URL", "http://127.0.0.1:" + settings.ports.get(Service.CATALOG));
        // The search page's upload form forwards files to the ingest service.
        environment.put("INGEST_URL", "http://127.0.0.1:" + settings.ports.get(Service.INGEST));
        environment.putAll(settings.environment);
        for (Service service : Service.values()) {
            Path runJar = settings.repositoryRoot.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
            services.put(service, new ServiceProcess(service, runJar, settings.ports.get(service), environment,
                    settings.serviceJvmOptions, settings.classDataSharing, settings.logDir.resolve(service.module() + ".log"),
                    SERVICE_START_TIMEOUT));
        }
        settings.progress.accept("starting ingest, catalog and search services ...");
        try {
            JvmProcess.inParallel(services.values(), this::startService);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        settings.progress.accept(String.format("platform ready in %.1f s",
                seconds(Duration.ofNanos(System.nanoTime() - started))));
        return this;
    }

    private ServiceProcess startService(ServiceProcess process) {
        process.start();
        settings.progress.accept(String.format("%-15s ready in %5.1f s  %s", process.service().module(),
                seconds(process.startTime()), process.url()));
        return process;
    }

    /** The environment variable that fixes a server's port for {@code ./bulletin-search}. */
    static String portVariable(Component component) {
        return switch (component) {
            case KAFKA -> "KAFKA_PORT";
            case POSTGRES -> "POSTGRES_PORT";
            case SEARCH_ENGINE -> "SEARCH_ENGINE_PORT";
        };
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** Where the platform runs, on which ports, with which key. */
    public static final class Builder {
        private final Path repositoryRoot;
        private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
        private final Map<Component, Integer> infraPorts = new EnumMap<>(Component.class);
        private final Map<Component, List<String>> infraArgs = new EnumMap<>(Component.class);
        private final Map<Component, HeapSize> infraHeaps = new EnumMap<>(Component.class);
        private Path dataDir;
        private Path logDir;
        private String apiKey = DEVELOPMENT_API_KEY;
        private List<String> serviceJvmOptions = SERVICE_JVM_OPTIONS;
        private boolean classDataSharing = true;
        private Consumer<String> progress = line -> { };
        private boolean closeOnShutdown;
        private final Map<String, String> environment = new LinkedHashMap<>();

        private Builder(Path repositoryRoot) {
            this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
            for (Service service : Service.values()) {
                ports.put(service, service.defaultPort());
            }
        }

        /** Fixed HTTP port of a service; 0 picks a free one. */
        public Builder port(Service service, int port) {
            ports.put(service, port);
            return this;
        }

        /** Fixed port of Kafka, PostgreSQL or the search engine; 0 (default) picks a free one. */
        public Builder port(Component component, int port) {
            infraPorts.put(component, port);
            return this;
        }

        /**
         * More launcher arguments for Kafka, PostgreSQL or the search engine
         * ({@code LocalInfrastructure.Builder#serverArgs}).
         */
        public Builder serverArgs(Component component, List<String> args) {
            infraArgs.put(component, List.copyOf(args));
            return this;
        }

        /** The JVM heap of Kafka, PostgreSQL or the search engine ({@code LocalInfrastructure.Builder#heap}). */
        public Builder heap(Component component, HeapSize heap) {
            infraHeaps.put(component, heap);
            return this;
        }

        /** Keeps every server's data here across runs; without it, all data is temporary. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Where the logs go; default {@code <data dir>/logs}. */
        public Builder logDir(Path dir) {
            this.logDir = dir;
            return this;
        }

        /** The upload key(s), comma-separated; default {@link #DEVELOPMENT_API_KEY}. */
        public Builder apiKey(String key) {
            this.apiKey = key;
            return this;
        }

        /** Replaces {@link #SERVICE_JVM_OPTIONS}. */
        public Builder serviceJvmOptions(List<String> options) {
            this.serviceJvmOptions = List.copyOf(options);
            return this;
        }

        /**
         * Whether services start from a class-data archive that their first run trains (on by default:
         * it saves seconds of every later start; see {@link ClassDataArchive}).
         */
        public Builder classDataSharing(boolean enabled) {
            this.classDataSharing = enabled;
            return this;
        }

        /** One more environment variable for every service (after the platform's own, so it can replace them). */
        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** Receives a line for each step of the start and the stop. */
        public Builder progress(Consumer<String> listener) {
            this.progress = listener;
            return this;
        }

        /**
         * Closes the platform when the JVM exits (SIGTERM, Ctrl-C, {@code System.exit}), from before its start: a
         * kill during the start then stops what it started once the start ends. Without it, the services of a
         * killed JVM run on (the infrastructure's servers stop by themselves once their parent is gone).
         */
        public Builder closeOnShutdown() {
            this.closeOnShutdown = true;
            return this;
        }

        /**
         * Starts everything; returns once every service reports ready.
         *
         * @throws InfrastructureException naming the port and the process holding it when a fixed port is
         *     taken (after waiting up to {@link #PORT_WAIT} for a Bulletin Search process that is stopping),
         *     or when a server or service does not come up
         */
        public Platform start() {
            for (Map.Entry<Service, Integer> entry : ports.entrySet()) {
                if (entry.getValue() == 0) {
                    entry.setValue(ServerMain.freePort());
                } else {
                    claim(entry.getValue(), entry.getKey().module(), entry.getKey().portVariable());
                }
            }
            infraPorts.forEach((component, port) -> {
                if (port != 0) {
                    claim(port, component.id(), portVariable(component));
                }
            });
            LocalInfrastructure.Builder infra = LocalInfrastructure.builder().all();
            if (dataDir != null) {
                infra.dataDir(dataDir);
            }
            infraPorts.forEach(infra::port);
            infraArgs.forEach(infra::serverArgs);
            infraHeaps.forEach(infra::heap);
            if (logDir == null) {
                logDir = (dataDir != null ? dataDir : repositoryRoot.resolve("target")).resolve("logs");
            }
            infra.logDir(logDir);
            // The platform stops the infrastructure itself, after the services.
            infra.shutdownHook(false);
            Platform platform = new Platform(this, infra.build());
            if (closeOnShutdown) {
                Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-close"));
            }
            return platform.startAll();
        }

        /**
         * Makes sure {@code port} can be listened on. A port held by one of our own processes (a platform
         * from this checkout or data folder that is still stopping) is waited for; any other holder is named.
         */
        private void claim(int port, String user, String variable) {
            if (Ports.isFree(port)) {
                return;
            }
            Optional<ProcessHandle> holder = Ports.holder(port);
            String who = holder.map(Ports::describe).orElseGet(() -> Ports.describeHolder(port));
            if (holder.isPresent() && isOurs(holder.get())) {
                progress.accept("port " + port + " (" + user + ") is held by " + who
                        + ", a Bulletin Search process; waiting up to " + PORT_WAIT.toSeconds() + " s in case it is stopping");
                try {
                    if (Ports.awaitFree(port, PORT_WAIT)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new InfrastructureException("port " + port + " (" + user + ") is still held by " + who
                        + " after " + PORT_WAIT.toSeconds() + " s: stop that platform first (Ctrl-C in its terminal, or kill "
                        + holder.get().pid() + "), or set " + variable + " to another port");
            }
            throw new InfrastructureException("port " + port + " (" + user + ") is taken by " + who
                    + ": stop it, or set " + variable + " to another port");
        }

        private boolean isOurs(ProcessHandle process) {
            String command = process.info().commandLine().orElse("");
            return command.contains("org.bulletinsearch") || command.contains(repositoryRoot.toString())
                    || (dataDir != null && command.contains(dataDir.toAbsolutePath().toString()));
        }
    }
}
