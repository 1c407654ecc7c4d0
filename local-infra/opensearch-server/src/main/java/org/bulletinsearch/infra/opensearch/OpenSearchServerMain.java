package org.bulletinsearch.infra.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.bulletinsearch.infra.support.ServerMain;
import org.bulletinsearch.infra.support.ServerMain.Options;
import org.bulletinsearch.infra.support.ServerMain.RunningServer;
import org.opensearch.Version;
import org.opensearch.action.admin.cluster.health.ClusterHealthResponse;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.common.transport.TransportAddress;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * Runs a single-node OpenSearch as a local-infra server: {@code --port=N} is the HTTP port (0 picks
 * a free one), {@code --data-dir=PATH} holds {@code home/} (path.home) and {@code data/} (path.data),
 * so indices survive a restart with the same directory, and {@code --search-threads=N} sizes the search thread pool
 * (one per processor by default, {@link #searchThreads}). The ready line carries {@code host},
 * {@code port}, {@code url}, {@code clusterName} and {@code version}.
 *
 * <h2>Why an embedded node and the {@link EmbeddedNode} subclass</h2>
 *
 * OpenSearch is not meant to be embedded: its distribution starts through {@code Bootstrap}, which
 * refuses to run as root, enforces production bootstrap checks and loads the HTTP transport,
 * analyzers, painless and so on as <em>modules</em> from a {@code modules/} directory. Here the
 * server and those modules ({@code transport-netty4-client}, {@code analysis-common},
 * {@code mapper-extras-client}, {@code lang-painless}) come from Maven Central as plain jars on one
 * classpath. The only way to hand plugin classes to a node is the protected
 * {@code Node(Environment, Collection<Class<? extends Plugin>>, boolean)} constructor (the one the
 * OpenSearch test framework's {@code MockNode} uses), hence {@link EmbeddedNode}. Bypassing
 * {@code Bootstrap} also skips the bootstrap checks, which is what a throwaway local node wants.
 *
 * <p>Also loaded: the k-NN plugin ({@link KnnPlugin}), for vector fields with the {@code lucene} engine.
 *
 * <p>Not loaded: the other distribution modules (ingest-common, reindex, lang-mustache,
 * parent-join, percolator, geo, aggs-matrix-stats, ...), no security plugin. The system
 * properties the distribution's launcher would pass are set in this class's static initialiser,
 * before any OpenSearch, Netty or Log4j class is loaded; the spawner only chooses the heap.
 */
public final class OpenSearchServerMain {

    static {
        // What OpenSearch's launcher (SystemJvmOptions) passes as -D flags; a spawner may still
        // override any of them on the command line.
        setIfAbsent("log4j.shutdownHookEnabled", "false"); // we stop log4j after the node, not before
        setIfAbsent("log4j2.disable.jmx", "true");
        setIfAbsent("io.netty.noUnsafe", "true");
        setIfAbsent("io.netty.noKeySetOptimization", "true");
        setIfAbsent("io.netty.recycler.maxCapacityPerThread", "0");
        setIfAbsent("io.netty.allocator.numDirectArenas", "0");
        setIfAbsent("jna.nosys", "true");
        // OpenSearch 2.x parses dates with these providers (SPI = its IsoCalendarDataProvider).
        setIfAbsent("java.locale.providers", Runtime.version().feature() < 23 ? "SPI,COMPAT" : "SPI,CLDR");
    }

    static final String CLUSTER_NAME = "bulletin-search-local";
    static final String NODE_NAME = "local-infra-opensearch";
    static final String HOST = "127.0.0.1";

    /** The distribution modules this node needs, loaded from the classpath. */
    static final List<Class<? extends Plugin>> PLUGINS = List.of(
            Netty4Plugin.class,          // HTTP and transport
            CommonAnalysisPlugin.class,  // english & co, stemmers, word_delimiter_graph, asciifolding
            MapperExtrasPlugin.class,    // search_as_you_type, scaled_float, rank_feature, token_count
            PainlessPlugin.class);       // scripts

    private OpenSearchServerMain() {
    }

    /**
     * Threads of the node's {@code search} pool: {@code --search-threads=N}, else one per processor the JVM sees.
     * OpenSearch's default, {@code int(processors * 3 / 2) + 1}, is made for shards that wait on disk; this node's
     * index sits in the page cache and its searches only compute, so more threads than processors only share them,
     * and every search under load waits for all the others. Measured on the benchmark's 1,000,000-article index
     * on 2 cores, 4 clients sending the search mix to the engine alone for 60 s (bench/README.md, item 9): 4
     * threads (the default) p50 / p99 58.4 / 328 and 47.4 / 286 ms at 48.6 and 58.6 searches/s; 2 threads
     * 41.9 / 169 and 47.0 / 184 ms at 79.0 and 70.1 searches/s.
     *
     * @throws IllegalArgumentException when {@code --search-threads} is not a positive integer
     */
    static int searchThreads(Options options) {
        int threads = options.get("search-threads").map(Integer::parseInt)
                .orElseGet(() -> Runtime.getRuntime().availableProcessors());
        if (threads < 1) {
            throw new IllegalArgumentException("--search-threads must be at least 1, got " + threads);
        }
        return threads;
    }

    public static void main(String[] args) {
        ServerMain.run("opensearch", args, OpenSearchServerMain::start);
    }

    static RunningServer start(Options options) throws Exception {
        Path home = Files.createDirectories(options.dataDir().resolve("home"));
        Path data = Files.createDirectories(options.dataDir().resolve("data"));
        String clusterName = options.get("cluster-name").orElse(CLUSTER_NAME);
        int searchThreads = searchThreads(options);

        Settings settings = Settings.builder()
                .put("cluster.name", clusterName)
                .put("node.name", NODE_NAME)
                .put("path.home", home.toString())
                .put("path.data", data.toString())
                .put("network.host", HOST)
                .put("http.port", Integer.toString(options.port())) // 0: OpenSearch binds a free port
                .put("transport.port", "0")
                .put("discovery.type", "single-node")
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", true)
                .put("thread_pool.search.size", searchThreads)
                .build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> NODE_NAME);

        List<Class<? extends Plugin>> plugins = new ArrayList<>(PLUGINS);
        KnnPlugin.load().ifPresent(plugins::add);
        Node node = new EmbeddedNode(environment, plugins);
        try {
            node.start();
            ClusterHealthResponse health = node.client().admin().cluster().prepareHealth()
                    .setWaitForYellowStatus()
                    .setTimeout(TimeValue.timeValueSeconds(60))
                    .get();
            if (health.isTimedOut()) {
                throw new IllegalStateException("cluster health did not reach yellow, it is " + health.getStatus());
            }
            TransportAddress http = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
            Map<String, String> endpoint = new LinkedHashMap<>();
            endpoint.put("host", HOST);
            endpoint.put("port", Integer.toString(http.getPort()));
            endpoint.put("url", "http://" + HOST + ":" + http.getPort());
            endpoint.put("clusterName", clusterName);
            endpoint.put("version", Version.CURRENT.toString());
            return new Running(node, Collections.unmodifiableMap(endpoint));
        } catch (Throwable e) {
            // Release the data directory lock before ServerMain exits.
            new Running(node, Map.of()).close();
            throw e;
        }
    }

    private static final class Running implements RunningServer {
        private final Node node;
        private final Map<String, String> endpoint;
        private final AtomicBoolean closed = new AtomicBoolean();

        Running(Node node, Map<String, String> endpoint) {
            this.node = node;
            this.endpoint = endpoint;
        }

        @Override
        public Map<String, String> endpoint() {
            return endpoint;
        }

        @Override
        public void close() throws Exception {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                node.close();
                if (!node.awaitClose(10, TimeUnit.SECONDS)) {
                    System.err.println("opensearch: node did not close within 10 s");
                }
            } finally {
                // log4j's own shutdown hook is off, so that the node can log while it closes.
                Configurator.shutdown((LoggerContext) LogManager.getContext(false));
            }
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
