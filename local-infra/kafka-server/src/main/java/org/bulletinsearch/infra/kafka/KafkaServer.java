package org.bulletinsearch.infra.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.bulletinsearch.infra.support.ServerMain;
import org.bulletinsearch.infra.support.ServerMain.Options;
import org.bulletinsearch.infra.support.ServerMain.RunningServer;

/**
 * One Kafka node in KRaft combined mode ({@code process.roles=broker,controller}, {@code node.id=1}).
 *
 * <ul>
 *   <li>Client listener {@code PLAINTEXT://127.0.0.1:PORT} (the launcher's {@code --port}, 0 = free);
 *       controller listener {@code CONTROLLER://127.0.0.1:CPORT} on a free port, remembered in the
 *       data directory and reused on restart when it is still free. The quorum is static
 *       ({@code controller.quorum.voters=1@127.0.0.1:CPORT}), so a different controller port after a
 *       restart is harmless: the voter's address comes from the configuration, not from the log.</li>
 *   <li>Data lives in {@code <data-dir>/kafka-logs} (partition logs and the {@code __cluster_metadata}
 *       log). It is formatted only when {@code meta.properties} is absent, with a fresh cluster id;
 *       afterwards the cluster id is read back from {@code meta.properties} and the node simply starts.</li>
 *   <li>Single-node friendly defaults: every internal topic with replication factor 1 and min ISR 1,
 *       {@code group.initial.rebalance.delay.ms=0}, {@code auto.create.topics.enable=true} and
 *       {@code log.retention.ms=-1} (records never expire: the articles topic is the platform's record,
 *       see README "Retention, not compaction"), {@code num.partitions=3} for auto-created topics (enough
 *       to see consumer-group parallelism
 *       and per-key ordering, small enough to stay cheap). The internal topics
 *       ({@code __consumer_offsets}, {@code __transaction_state}, {@code __share_group_state}) get
 *       a single partition each instead of 50: they are created lazily on first use, and 50 partitions
 *       make the first consumer group join noticeably slower on a small machine. The log cleaner's
 *       dedupe buffer is 16 MiB instead of 128 MiB (it is allocated on the heap at startup).</li>
 *   <li>A launcher holds a file lock on {@code <data-dir>/local-infra.lock} ({@code ServerMain}) while it runs; a
 *       second launcher on the same data directory fails before touching it.</li>
 *   <li>Any extra launcher option {@code --some.broker.property=value} is passed through as a broker
 *       property and overrides the defaults above.</li>
 * </ul>
 */
final class KafkaServer implements RunningServer {

    static final String NODE_ID = "1";
    static final String STATE_FILE = "local-infra-kafka.properties";

    private final KafkaRaftServer server;
    private final Map<String, String> endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaServer(KafkaRaftServer server, Map<String, String> endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    static RunningServer start(Options options) throws Exception {
        Path dataDir = options.dataDir();
        Path logDir = dataDir.resolve("kafka-logs");
        Files.createDirectories(logDir);

        Properties state = loadProperties(dataDir.resolve(STATE_FILE));
        int port = options.portOrFree();
        int controllerPort = reusableControllerPort(state.getProperty("controller.port"), port);

        KafkaConfig config = new KafkaConfig(brokerProperties(port, controllerPort, logDir, options.extra()), false);

        String clusterId = formatIfNeeded(logDir);

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            // Returns once the broker has registered with the controller and been unfenced.
            server.startup();
        } catch (Throwable e) {
            try {
                server.shutdown();
            } catch (Throwable suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }

        state.setProperty("cluster.id", clusterId);
        state.setProperty("controller.port", Integer.toString(controllerPort));
        state.setProperty("port", Integer.toString(port));
        storeProperties(dataDir.resolve(STATE_FILE), state);

        Map<String, String> endpoint = new LinkedHashMap<>();
        endpoint.put("bootstrap", "127.0.0.1:" + port);
        endpoint.put("port", Integer.toString(port));
        endpoint.put("controllerPort", Integer.toString(controllerPort));
        endpoint.put("clusterId", clusterId);
        return new KafkaServer(server, endpoint);
    }

    /** The single-node broker and controller described above; {@code extra} (launcher options) overrides any of it. */
    private static Properties brokerProperties(int port, int controllerPort, Path logDir, Map<String, String> extra) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", NODE_ID);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "true");
        // The articles topic is the record of every sighting and deletion: a catalog rebuilt from it needs
        // all of them, so nothing expires (Kafka's default would drop records after 7 days).
        props.put("log.retention.ms", "-1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // One broker: one replica of everything, and one partition for each internal topic.
        for (String single : List.of("offsets.topic.replication.factor", "offsets.topic.num.partitions",
                "transaction.state.log.replication.factor", "transaction.state.log.min.isr",
                "transaction.state.log.num.partitions", "share.coordinator.state.topic.replication.factor",
                "share.coordinator.state.topic.min.isr", "share.coordinator.state.topic.num.partitions",
                "default.replication.factor", "min.insync.replicas")) {
            props.put(single, "1");
        }
        // The log cleaner (compacted topics such as __consumer_offsets) allocates this on the heap
        // up front; Kafka's default of 128 MiB is most of a small broker's memory.
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        props.putAll(extra);
        return props;
    }

    /** Formats the log directory once; returns the cluster id stored in its meta.properties. */
    private static String formatIfNeeded(Path logDir) throws Exception {
        Path metaProperties = logDir.resolve("meta.properties");
        if (Files.exists(metaProperties)) {
            String clusterId = loadProperties(metaProperties).getProperty("cluster.id");
            if (clusterId == null || clusterId.isBlank()) {
                throw new IllegalStateException(metaProperties + " has no cluster.id");
            }
            return clusterId;
        }
        String clusterId = Uuid.randomUuid().toString();
        // What "kafka-storage.sh format --cluster-id X --config server.properties" does for a
        // static quorum (controller.quorum.voters set, so no --standalone / initial controllers).
        new Formatter()
                .setPrintStream(System.out)
                .setNodeId(Integer.parseInt(NODE_ID))
                .setClusterId(clusterId)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir.toString())
                .addDirectory(logDir.toString())
                .setHasDynamicQuorum(false)
                .setUnstableFeatureVersionsEnabled(false)
                .setIgnoreFormatted(false)
                .run();
        return clusterId;
    }

    private static int reusableControllerPort(String previous, int clientPort) {
        if (previous != null) {
            try {
                int port = Integer.parseInt(previous.trim());
                if (port > 0 && port != clientPort && isFree(port)) {
                    return port;
                }
            } catch (NumberFormatException ignored) {
                // fall through to a fresh port
            }
        }
        int port;
        do {
            port = ServerMain.freePort();
        } while (port == clientPort);
        return port;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Properties loadProperties(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
        }
        return properties;
    }

    private static void storeProperties(Path file, Properties properties) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            properties.store(out, "local-infra kafka launcher state (cluster id is authoritative in kafka-logs/meta.properties)");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Map<String, String> endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            server.awaitShutdown();
        }
    }
}
