package org.bulletinsearch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bulletinsearch.events.Topics;
import org.junit.jupiter.api.Test;

/**
 * The infrastructure of the dev overlay is what the services expect: the event contract's topics
 * (articles topic kept forever, not compacted), a KRaft Kafka whose replication settings fit its brokers, and endpoints
 * and credentials that point at the Services and Secrets the operators create. Prod brings none of it
 * and points elsewhere.
 */
class InfrastructureTest {

    private static final String STRIMZI = "kafka.strimzi.io/v1beta2";
    private final RenderedOverlay dev = RenderedOverlay.of("dev");

    private JsonNode single(RenderedOverlay overlay, String apiVersion, String kind) {
        List<com.fasterxml.jackson.databind.node.ObjectNode> found = overlay.documents(apiVersion, kind);
        assertThat(found).as("%s in %s", kind, overlay).hasSize(1);
        return found.get(0);
    }

    private Map<String, String> endpoints(RenderedOverlay overlay) {
        return overlay.all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().startsWith("bulletin-search-endpoints"))
                .findFirst().orElseThrow(() -> new AssertionError("no bulletin-search-endpoints in " + overlay)).getData();
    }

    private int brokers() {
        return dev.documents(STRIMZI, "KafkaNodePool").stream()
                .filter(pool -> pool.path("spec").path("roles").toString().contains("\"broker\""))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt()).sum();
    }

    @Test
    void topicsAreTheEventContractsAndTheArticlesTopicKeepsEverything() {
        JsonNode kafka = single(dev, STRIMZI, "Kafka");
        String cluster = kafka.path("metadata").path("name").asText();
        Set<String> topics = new TreeSet<>();
        for (JsonNode topic : dev.documents(STRIMZI, "KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
            topics.add(name);
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .as("strimzi.io/cluster of topic %s", name).isEqualTo(cluster);
            String cleanup = topic.path("spec").path("config").path("cleanup.policy").asText("delete");
            if (name.equals(Topics.ARTICLES)) {
                // every sighting and deletion is needed to rebuild the catalog from the topic
                assertThat(cleanup).as("cleanup.policy of %s", name).isEqualTo("delete");
                assertThat(topic.path("spec").path("config").path("retention.ms").asLong())
                        .as("retention.ms of %s (forever)", name).isEqualTo(-1L);
            } else {
                assertThat(cleanup).as("cleanup.policy of %s (dead letters are kept as they came)", name).isEqualTo("delete");
            }
            int replicas = topic.path("spec").path("replicas").asInt();
            assertThat(replicas).as("replicas of %s <= brokers", name).isBetween(1, brokers());
            JsonNode minIsr = topic.path("spec").path("config").path("min.insync.replicas");
            if (!minIsr.isMissingNode()) {
                assertThat(minIsr.asInt()).as("min.insync.replicas of %s <= replicas", name).isLessThanOrEqualTo(replicas);
            }
        }
        assertThat(topics).containsExactlyInAnyOrder(Topics.ARTICLES, Topics.ARTICLES_DEAD_LETTER);
    }

    @Test
    void theServicesUseTheContractsTopics() {
        Set<String> contract = Set.of(Topics.ARTICLES, Topics.ARTICLES_DEAD_LETTER);
        List<String> problems = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            ServiceConfiguration config = ServiceConfiguration.of(service);
            for (String key : config.properties.stringPropertyNames()) {
                if (key.startsWith("mp.messaging.") && key.endsWith(".topic")) {
                    String topic = ServiceConfiguration.resolve(config.properties.getProperty(key), name -> null);
                    if (!contract.contains(topic)) {
                        problems.add(service + ": " + key + "=" + topic);
                    }
                }
            }
        }
        assertThat(problems).as("topics the services' channels use that the manifests do not create").isEmpty();
    }

    @Test
    void kafkaRunsInKraftModeWithReplicationItsBrokersCanHold() {
        JsonNode kafka = single(dev, STRIMZI, "Kafka");
        assertThat(kafka.path("spec").has("zookeeper")).as("ZooKeeper (KRaft only)").isFalse();
        List<com.fasterxml.jackson.databind.node.ObjectNode> pools = dev.documents(STRIMZI, "KafkaNodePool");
        assertThat(pools).as("node pools").isNotEmpty()
                .allSatisfy(pool -> assertThat(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                        .isEqualTo(kafka.path("metadata").path("name").asText()));
        assertThat(pools).as("a pool with the controller role")
                .anySatisfy(pool -> assertThat(pool.path("spec").path("roles").toString()).contains("controller"));
        int brokers = brokers();
        assertThat(brokers).isPositive();
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        for (String key : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "default.replication.factor")) {
            assertThat(config.path(key).asInt(1)).as("%s <= %d brokers (ingest's transactions need it)", key, brokers)
                    .isLessThanOrEqualTo(brokers);
        }
        assertThat(config.path("transaction.state.log.min.isr").asInt(1))
                .isLessThanOrEqualTo(config.path("transaction.state.log.replication.factor").asInt(1));
        assertThat(config.path("min.insync.replicas").asInt(1))
                .isLessThanOrEqualTo(config.path("default.replication.factor").asInt(1));
    }

    @Test
    void devEndpointsAreTheServicesTheOperatorsCreate() {
        Map<String, String> endpoints = endpoints(dev);

        JsonNode kafka = single(dev, STRIMZI, "Kafka");
        JsonNode plain = null;
        for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
            if (listener.path("type").asText().equals("internal") && !listener.path("tls").asBoolean()) {
                plain = listener;
            }
        }
        assertThat(plain).as("an internal listener without TLS (the services speak plain Kafka)").isNotNull();
        assertThat(endpoints.get("kafka-bootstrap-servers")).isEqualTo(
                kafka.path("metadata").path("name").asText() + "-kafka-bootstrap:" + plain.path("port").asInt());

        JsonNode db = single(dev, "postgresql.cnpg.io/v1", "Cluster");
        URI jdbc = URI.create(endpoints.get("catalog-jdbc-url").substring("jdbc:".length()));
        assertThat(jdbc.getScheme()).isEqualTo("postgresql");
        assertThat(jdbc.getHost()).as("the primary's Service").isEqualTo(db.path("metadata").path("name").asText() + "-rw");
        assertThat(jdbc.getPort()).isEqualTo(5432);
        assertThat(jdbc.getPath()).isEqualTo("/" + db.path("spec").path("bootstrap").path("initdb").path("database").asText());

        JsonNode es = single(dev, "elasticsearch.k8s.elastic.co/v1", "Elasticsearch");
        assertThat(endpoints.get("search-engine-hosts")).isEqualTo(es.path("metadata").path("name").asText() + "-es-http:9200");
        boolean tlsDisabled = es.path("spec").path("http").path("tls").path("selfSignedCertificate").path("disabled").asBoolean(false);
        assertThat(endpoints.get("search-engine-protocol")).isEqualTo(tlsDisabled ? "http" : "https");
    }

    @Test
    void theDatabaseAndSearchEngineUseTheCredentialsTheServicesRead() {
        JsonNode db = single(dev, "postgresql.cnpg.io/v1", "Cluster");
        String dbSecret = db.path("spec").path("bootstrap").path("initdb").path("secret").path("name").asText();
        var catalog = dev.deployment("catalog-service").getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(catalog.getEnv()).filteredOn(e -> e.getName().startsWith("QUARKUS_DATASOURCE_USERNAME")
                        || e.getName().equals("QUARKUS_DATASOURCE_PASSWORD"))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo(dbSecret));
        // CloudNativePG requires the Secret's username to be the owner.
        assertThat(SecretReferences.examples().get(dbSecret).path("stringData").path("username").asText())
                .isEqualTo(db.path("spec").path("bootstrap").path("initdb").path("owner").asText());

        JsonNode es = single(dev, "elasticsearch.k8s.elastic.co/v1", "Elasticsearch");
        List<String> realms = new ArrayList<>();
        es.path("spec").path("auth").path("fileRealm").forEach(r -> realms.add(r.path("secretName").asText()));
        var search = dev.deployment("search-service").getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(search.getEnv()).filteredOn(e -> e.getName().equals("QUARKUS_ELASTICSEARCH_USERNAME")
                        || e.getName().equals("QUARKUS_ELASTICSEARCH_PASSWORD"))
                .hasSize(2)
                .allSatisfy(e -> assertThat(realms).contains(e.getValueFrom().getSecretKeyRef().getName()));
    }

    @Test
    void everyServiceReadsTheSameApiKeys() {
        for (String service : Repository.SERVICES) {
            var container = dev.deployment(service).getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getEnv()).as(service).filteredOn(e -> e.getName().equals("INGEST_API_KEY"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("ingest-api-keys"))
                    .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("api-keys"));
        }
    }

    @Test
    void theOperatorsVocabularyReachesEverySearchReplicaThroughADirectoryMount() {
        var pod = dev.deployment("search-service").getSpec().getTemplate().getSpec();
        var container = pod.getContainers().get(0);
        String file = container.getEnv().stream().filter(e -> e.getName().equals("SEARCH_VOCABULARY_FILE"))
                .findFirst().orElseThrow().getValue();
        var mount = container.getVolumeMounts().stream().filter(m -> file.startsWith(m.getMountPath() + "/"))
                .findFirst().orElseThrow(() -> new AssertionError("no volume mount holds " + file));
        assertThat(mount.getSubPath()).as("a subPath mount never sees ConfigMap updates").isNull();
        var volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        String configMap = volume.getConfigMap().getName();
        assertThat(dev.all(ConfigMap.class)).as("the ConfigMap, under its own name (no content hash)")
                .anySatisfy(map -> {
                    assertThat(map.getMetadata().getName()).isEqualTo(configMap);
                    assertThat(map.getData()).containsKey(file.substring(file.lastIndexOf('/') + 1));
                });
    }

    @Test
    void prodBringsNoInfrastructureAndPointsOutsideTheNamespace() {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        for (String kind : List.of("Kafka", "KafkaNodePool", "KafkaTopic", "Cluster", "Elasticsearch")) {
            assertThat(prod.hasKind(kind)).as("%s in prod", kind).isFalse();
        }
        Map<String, String> endpoints = endpoints(prod);
        Map<String, String> devEndpoints = endpoints(dev);
        assertThat(endpoints.keySet()).isEqualTo(devEndpoints.keySet());
        endpoints.forEach((key, value) -> {
            assertThat(value).as("prod %s", key).isNotBlank().doesNotContain("-kafka-bootstrap:", "-rw:", "-es-http:");
            if (!key.endsWith("-protocol")) {
                assertThat(value).as("prod %s (dev's in-cluster address)", key).isNotEqualTo(devEndpoints.get(key));
            }
        });
    }
}
