package org.bulletinsearch.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bulletinsearch.infra.support.ServerMain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Proves each server for real, through the clients the services use, and that data given a data
 * directory survives a restart of every server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalInfrastructureIT {

    private static final String TOPIC = "infra-proof";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Not the default 512m, to show that the engine runs with the heap it is given. */
    private static final HeapSize ENGINE_HEAP = HeapSize.parse("384m");

    private static Path dataDir;
    private static LocalInfrastructure infra;

    @BeforeAll
    static void startEverything() throws Exception {
        dataDir = Files.createTempDirectory("local-infra-it-");
        infra = LocalInfrastructure.builder().all().dataDir(dataDir).heap(Component.SEARCH_ENGINE, ENGINE_HEAP)
                .logDir(Path.of("target", "local-infra-logs")).build().start();
        for (Component component : infra.components()) {
            ServerProcess server = infra.server(component);
            System.out.printf("%s ready in %d ms on port %d (pid %d)%n", component.id(),
                    server.startTime().toMillis(), server.port(), server.pid());
        }
    }

    @AfterAll
    static void stopEverything() {
        if (infra != null) {
            infra.close();
        }
        ServerMain.deleteRecursively(dataDir);
    }

    @Test
    @Order(1)
    void kafkaProducesAndConsumesARecord() throws Exception {
        produce("key-1", "first record");
        assertThat(consumeAll()).containsEntry("key-1", "first record");
    }

    @Test
    @Order(2)
    void searchEngineIndexesAndFindsADocument() throws Exception {
        assertThat(http("PUT", "/infra-proof", """
                {"mappings":{"properties":{"title":{"type":"text","analyzer":"english"}}}}""").statusCode())
                .isEqualTo(200);
        assertThat(http("PUT", "/infra-proof/_doc/1?refresh=true",
                "{\"title\":\"Inspections of refrigerated containers\"}").statusCode()).isEqualTo(201);
        // The english analyzer (analysis-common module) stems "inspection" and "container".
        HttpResponse<String> hits = http("POST", "/infra-proof/_search",
                "{\"query\":{\"match\":{\"title\":\"container inspection\"}}}");
        assertThat(hits.statusCode()).isEqualTo(200);
        assertThat(hits.body()).contains("\"_id\":\"1\"");
    }

    @Test
    @Order(2)
    void searchEngineRunsOneSearchThreadPerProcessor() throws Exception {
        HttpResponse<String> pools = http("GET", "/_nodes/thread_pool?filter_path=nodes.*.thread_pool.search.size", null);
        assertThat(pools.statusCode()).isEqualTo(200);
        assertThat(pools.body()).contains("\"size\":" + Runtime.getRuntime().availableProcessors() + "}");
    }

    @Test
    @Order(2)
    void searchEngineRunsWithTheHeapItIsGiven() throws Exception {
        HttpResponse<String> jvm = http("GET", "/_nodes/jvm?filter_path=nodes.*.jvm.mem", null);
        assertThat(jvm.statusCode()).isEqualTo(200);
        assertThat(jvm.body()).contains("\"heap_init_in_bytes\":" + ENGINE_HEAP.bytes(),
                "\"heap_max_in_bytes\":" + ENGINE_HEAP.bytes());
    }

    @Test
    @Order(2)
    void searchEngineAnswersFilteredVectorQueriesWithTheLuceneKnnEngine() throws Exception {
        assertThat(http("PUT", "/infra-vectors", """
                {"settings":{"index":{"knn":true}},"mappings":{"properties":{"kind":{"type":"keyword"},
                 "vector":{"type":"knn_vector","dimension":3,
                           "method":{"name":"hnsw","engine":"lucene","space_type":"cosinesimil"}}}}}""")
                .statusCode()).isEqualTo(200);
        for (int i = 1; i <= 3; i++) {
            assertThat(http("PUT", "/infra-vectors/_doc/" + i + "?refresh=true",
                    "{\"kind\":\"k" + (i % 2) + "\",\"vector\":[" + i + ",1,0]}").statusCode()).isEqualTo(201);
        }
        HttpResponse<String> nearest = http("POST", "/infra-vectors/_search", """
                {"size":1,"query":{"knn":{"vector":{"vector":[3,1,0],"k":2,"filter":{"term":{"kind":"k1"}}}}}}""");
        assertThat(nearest.statusCode()).isEqualTo(200);
        assertThat(nearest.body()).contains("\"_id\":\"3\"").doesNotContain("\"_id\":\"2\"");
    }

    @Test
    @Order(3)
    void postgresCreatesAndQueriesATable() throws Exception {
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            sql.execute("create table proof (id int primary key, note text)");
            sql.execute("insert into proof values (1, 'kept')");
            try (ResultSet rows = sql.executeQuery("select note from proof where id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("kept");
            }
        }
    }

    @Test
    @Order(4)
    void dataSurvivesARestartOfEveryServer() throws Exception {
        Map<Component, Integer> ports = Map.of(
                Component.KAFKA, infra.kafka().port(),
                Component.POSTGRES, infra.postgres().port(),
                Component.SEARCH_ENGINE, infra.searchEngine().port());
        infra.close();
        assertThat(infra.kafka().isRunning()).isFalse();
        assertThat(processesNaming(dataDir)).as("processes naming %s after close()", dataDir).isEmpty();

        infra = LocalInfrastructure.builder().all().dataDir(dataDir)
                .port(Component.KAFKA, ports.get(Component.KAFKA))
                .port(Component.POSTGRES, ports.get(Component.POSTGRES))
                .port(Component.SEARCH_ENGINE, ports.get(Component.SEARCH_ENGINE))
                .logDir(Path.of("target", "local-infra-logs")).build().start();

        assertThat(consumeAll()).containsEntry("key-1", "first record");
        try (Connection db = connect(); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select note from proof where id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> doc = http("GET", "/infra-proof/_doc/1", null);
            assertThat(doc.statusCode()).isEqualTo(200);
            assertThat(doc.body()).contains("refrigerated containers");
        });
    }

    @Test
    @Order(5)
    void aStoppedServerIsDownAndComesBackOnItsPort() throws Exception {
        int port = infra.postgres().port();
        infra.postgres().stop();
        assertThat(infra.postgres().isRunning()).isFalse();
        // What a user checks after Ctrl-C (pgrep -f on the data folder): the server, its launcher and its watchdog
        // are gone by the time stop() returns, not a moment later.
        Path postgresData = dataDir.resolve(Component.POSTGRES.id());
        assertThat(processesNaming(postgresData)).as("processes naming %s after stop()", postgresData).isEmpty();
        assertThat(canConnect()).isFalse();
        infra.postgres().start();
        assertThat(infra.postgres().port()).isEqualTo(port);
        assertThat(canConnect()).isTrue();
    }

    private static List<String> processesNaming(Path dir) {
        return ProcessHandle.allProcesses()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .filter(line -> line.contains(dir.toString()))
                .toList();
    }

    private static void produce(String key, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    private static Map<String, String> consumeAll() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "proof-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, String> seen = new java.util.HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.put(record.key(), record.value());
                }
                return !seen.isEmpty();
            });
        }
        return seen;
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(infra.jdbcUrl(), infra.databaseUser(), infra.databasePassword());
    }

    private static boolean canConnect() {
        try (Connection ignored = connect()) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static HttpResponse<String> http(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(infra.searchEngineUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
