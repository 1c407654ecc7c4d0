package org.bulletinsearch.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulletinsearch.infra.support.JvmProcess;
import org.bulletinsearch.infra.support.ServerMain;

/**
 * Starts any subset of Kafka, PostgreSQL and the search engine, each in its own JVM, and stops them.
 *
 * <pre>{@code
 * try (LocalInfrastructure infra = LocalInfrastructure.builder()
 *         .with(Component.KAFKA, Component.POSTGRES)
 *         .build().start()) {
 *     String bootstrap = infra.kafkaBootstrapServers();
 * }
 * }</pre>
 *
 * <p>With a data directory each server keeps its data there across restarts; without one, a
 * temporary directory is used and removed by {@link #close()}. Servers start in parallel.
 */
public final class LocalInfrastructure implements AutoCloseable {

    /** How long each server may take to be ready. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Map<Component, ServerProcess> servers;
    private final Path dataRoot;
    private final boolean temporaryData;
    private final Thread shutdownHook;

    private LocalInfrastructure(Map<Component, ServerProcess> servers, Path dataRoot, boolean temporaryData,
            boolean useShutdownHook) {
        this.servers = servers;
        this.dataRoot = dataRoot;
        this.temporaryData = temporaryData;
        this.shutdownHook = useShutdownHook ? new Thread(this::stopAll, "local-infra-shutdown") : null;
    }

    /** Nothing chosen yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts every server not yet running, in parallel; returns once all are ready. */
    public LocalInfrastructure start() {
        try {
            JvmProcess.inParallel(servers.values(), ServerProcess::start);
        } catch (RuntimeException e) {
            stopAll();
            throw e;
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            } catch (IllegalArgumentException alreadyRegistered) {
                // start() after a partial stop: the hook is in place already.
            }
        }
        return this;
    }

    /** The servers this instance runs. */
    public Set<Component> components() {
        return servers.keySet();
    }

    private boolean has(Component component) {
        return servers.containsKey(component);
    }

    /** One server; an {@link IllegalStateException} if it was not asked for. */
    public ServerProcess server(Component component) {
        ServerProcess server = servers.get(component);
        if (server == null) {
            throw new IllegalStateException(component.id() + " was not requested from this LocalInfrastructure");
        }
        return server;
    }

    /** The Kafka server. */
    public ServerProcess kafka() {
        return server(Component.KAFKA);
    }

    /** The PostgreSQL server. */
    public ServerProcess postgres() {
        return server(Component.POSTGRES);
    }

    /** The search engine. */
    public ServerProcess searchEngine() {
        return server(Component.SEARCH_ENGINE);
    }

    /** {@code host:port} for Kafka clients. */
    public String kafkaBootstrapServers() {
        return kafka().endpoint("bootstrap");
    }

    /** JDBC URL of the PostgreSQL database. */
    public String jdbcUrl() {
        return postgres().endpoint("jdbcUrl");
    }

    /** The database user. */
    public String databaseUser() {
        return postgres().endpoint("user");
    }

    /** The database user's password. */
    public String databasePassword() {
        return postgres().endpoint("password");
    }

    /** {@code http://host:port} of the search engine's REST API. */
    public String searchEngineUrl() {
        return searchEngine().endpoint("url");
    }

    /** {@code host:port} of the search engine, the form {@code quarkus.elasticsearch.hosts} takes. */
    public String searchEngineHost() {
        return "127.0.0.1:" + searchEngine().port();
    }

    /**
     * Connection settings for the services, keyed by the environment variables they read
     * ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code QUARKUS_DATASOURCE_JDBC_URL}, ...).
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (has(Component.KAFKA)) {
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        }
        if (has(Component.POSTGRES)) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", databaseUser());
            env.put("QUARKUS_DATASOURCE_PASSWORD", databasePassword());
        }
        if (has(Component.SEARCH_ENGINE)) {
            env.put("QUARKUS_ELASTICSEARCH_HOSTS", searchEngineHost());
        }
        return env;
    }

    /**
     * The same settings as Quarkus configuration properties, for tests: each variable's name in lower case with
     * dots for underscores, the property MicroProfile Config reads that variable for.
     */
    public Map<String, String> quarkusProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        environment().forEach((variable, value) -> props.put(variable.toLowerCase(Locale.ROOT).replace('_', '.'), value));
        return props;
    }

    /** The root of every server's data directory. */
    public Path dataRoot() {
        return dataRoot;
    }

    /** Stops every server (services using them first, if you have any) and removes temporary data. */
    @Override
    public void close() {
        stopAll();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException | IllegalArgumentException ignored) {
                // Already shutting down, or never started.
            }
        }
    }

    private synchronized void stopAll() {
        JvmProcess.inParallel(servers.values(), ServerProcess::stop);
        if (temporaryData) {
            ServerMain.deleteRecursively(dataRoot);
        }
    }

    /** What to start, where and how. */
    public static final class Builder {
        private final Set<Component> components = EnumSet.noneOf(Component.class);
        private final Map<Component, Integer> ports = new EnumMap<>(Component.class);
        private final Map<Component, List<String>> jvmOptions = new EnumMap<>(Component.class);
        private final Map<Component, List<String>> serverArgs = new EnumMap<>(Component.class);
        private Path dataDir;
        private Path logDir;
        private boolean shutdownHook = true;

        private Builder() {
        }

        /**
         * Whether a JVM shutdown hook stops the servers (default). Turn it off when the caller stops
         * them itself, in an order of its own (services first).
         */
        public Builder shutdownHook(boolean enabled) {
            this.shutdownHook = enabled;
            return this;
        }

        /** Adds servers to start. */
        public Builder with(Component... wanted) {
            components.addAll(List.of(wanted));
            return this;
        }

        /** Adds servers to start. */
        public Builder with(Set<Component> wanted) {
            components.addAll(wanted);
            return this;
        }

        /** All three servers. */
        public Builder all() {
            return with(Component.values());
        }

        /** Fixed port for a server; 0 (the default) picks a free one. */
        public Builder port(Component component, int port) {
            ports.put(component, port);
            return this;
        }

        /** Keeps data here, one sub-directory per server, across restarts. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Where the servers' logs go, one file each; defaults to {@code <data dir>/logs}. */
        public Builder logDir(Path dir) {
            this.logDir = dir;
            return this;
        }

        /** Replaces the default JVM options (heap size first of all) of one server. */
        public Builder jvmOptions(Component component, List<String> options) {
            jvmOptions.put(component, List.copyOf(options));
            return this;
        }

        /**
         * The heap of one server's JVM, in place of its default (the search engine's 512m); its other default JVM
         * options stay.
         */
        public Builder heap(Component component, HeapSize heap) {
            return jvmOptions(component, component.jvmOptions(heap));
        }

        /**
         * More {@code --key=value} arguments for one server's launcher, such as the search engine's
         * {@code --search-threads=N}; each launcher's class comment lists what it takes.
         */
        public Builder serverArgs(Component component, List<String> args) {
            serverArgs.put(component, List.copyOf(args));
            return this;
        }

        /** The servers, not started yet; their data directories are created. */
        public LocalInfrastructure build() {
            if (components.isEmpty()) {
                throw new IllegalStateException("no component requested");
            }
            boolean temporary = dataDir == null;
            Path root;
            try {
                root = temporary ? Files.createTempDirectory("local-infra-") : Files.createDirectories(dataDir.toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data directory", e);
            }
            Path logs = Optional.ofNullable(logDir).map(Path::toAbsolutePath).orElse(root.resolve("logs"));
            Map<Component, ServerProcess> servers = new EnumMap<>(Component.class);
            for (Component component : components) {
                // Throwaway data need not survive a power cut: skip fsync where the server allows it.
                List<String> args = new ArrayList<>(temporary && component == Component.POSTGRES
                        ? List.of("--durable=false") : List.of());
                args.addAll(serverArgs.getOrDefault(component, List.of()));
                servers.put(component, new ServerProcess(component, ports.getOrDefault(component, 0),
                        root.resolve(component.id()), logs.resolve(component.id() + ".log"),
                        jvmOptions.getOrDefault(component, component.defaultJvmOptions()), args, START_TIMEOUT));
            }
            return new LocalInfrastructure(servers, root, temporary, shutdownHook);
        }
    }
}
