package org.bulletinsearch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.deploy.NetworkPolicyModel.Pod;
import org.bulletinsearch.deploy.NetworkPolicyModel.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Who may reach what, asked of the rendered NetworkPolicies: ingest takes uploads from anywhere,
 * catalog and search are readable from inside the cluster, the infrastructure only from the services
 * that use it. Pods of the operators' resources carry the labels the operators give them; Kafka's
 * client listener is guarded by the NetworkPolicy Strimzi generates from networkPolicyPeers (modelled
 * here the way Strimzi writes it).
 */
class NetworkPolicyTest {

    static final List<String> OVERLAYS = Repository.OVERLAYS;
    private static final Map<String, String> SOME_OTHER_APP = Map.of("app.kubernetes.io/name", "some-other-app");

    private record Setup(NetworkPolicyModel model, String namespace, Map<String, Pod> pods) {
        Source from(String pod) {
            return Source.pod(namespace, pods.get(pod).labels());
        }

        boolean allows(Source source, String pod, int port) {
            return model.allows(source, pods.get(pod), port);
        }
    }

    private static Setup setup(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        String namespace = rendered.deployment("ingest-service").getMetadata().getNamespace();
        Map<String, Pod> pods = new HashMap<>();
        for (String service : Repository.SERVICES) {
            var template = rendered.deployment(service).getSpec().getTemplate();
            Map<String, Integer> named = new HashMap<>();
            for (Container c : template.getSpec().getContainers()) {
                for (ContainerPort p : c.getPorts()) {
                    if (p.getName() != null) {
                        named.put(p.getName(), p.getContainerPort());
                    }
                }
            }
            pods.put(service, new Pod(namespace, template.getMetadata().getLabels(), named));
        }
        List<NetworkPolicy> policies = new ArrayList<>(rendered.all(NetworkPolicy.class));
        for (JsonNode kafka : rendered.documents("kafka.strimzi.io/v1beta2", "Kafka")) {
            String name = kafka.path("metadata").path("name").asText();
            Map<String, String> labels = new HashMap<>(labels(kafka));
            labels.putAll(Map.of("strimzi.io/cluster", name, "strimzi.io/kind", "Kafka", "strimzi.io/name", name + "-kafka"));
            pods.put("kafka", new Pod(namespace, labels, Map.of()));
            policies.addAll(strimziListenerPolicies(kafka, namespace));
        }
        for (JsonNode db : rendered.documents("postgresql.cnpg.io/v1", "Cluster")) {
            Map<String, String> labels = new HashMap<>(labels(db));
            labels.put("cnpg.io/cluster", db.path("metadata").path("name").asText());
            pods.put("postgres", new Pod(namespace, labels, Map.of()));
        }
        for (JsonNode es : rendered.documents("elasticsearch.k8s.elastic.co/v1", "Elasticsearch")) {
            Map<String, String> labels = new HashMap<>(labels(es));
            labels.put("elasticsearch.k8s.elastic.co/cluster-name", es.path("metadata").path("name").asText());
            pods.put("elasticsearch", new Pod(namespace, labels, Map.of()));
        }
        return new Setup(new NetworkPolicyModel(policies), namespace, pods);
    }

    private static Map<String, String> labels(JsonNode resource) {
        Map<String, String> labels = new HashMap<>();
        resource.path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** What Strimzi generates for each listener: its port, from the listener's networkPolicyPeers (or anyone). */
    private static List<NetworkPolicy> strimziListenerPolicies(JsonNode kafka, String namespace) {
        String name = kafka.path("metadata").path("name").asText();
        List<NetworkPolicy> policies = new ArrayList<>();
        for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
            List<NetworkPolicyPeer> peers = new ArrayList<>();
            for (JsonNode peer : listener.path("networkPolicyPeers")) {
                peers.add(RenderedOverlay.SERIALIZATION.convertValue(peer, NetworkPolicyPeer.class));
            }
            policies.add(new NetworkPolicyBuilder()
                    .withNewMetadata().withName(name + "-network-policy-kafka-" + listener.path("name").asText())
                    .withNamespace(namespace).endMetadata()
                    .withNewSpec()
                    .withPodSelector(new LabelSelector(null, Map.of("strimzi.io/cluster", name, "strimzi.io/kind", "Kafka",
                            "strimzi.io/name", name + "-kafka")))
                    .withPolicyTypes("Ingress")
                    .addNewIngress().addNewPort().withNewPort(listener.path("port").asInt()).withProtocol("TCP").endPort()
                    .withFrom(peers).endIngress()
                    .endSpec().build());
        }
        return policies;
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void onlyIngestTakesTrafficFromOutsideTheCluster(String overlay) {
        Setup s = setup(overlay);
        Source outside = Source.outsideCluster();
        assertThat(s.allows(outside, "ingest-service", 8081)).as("outside -> ingest-service:8081").isTrue();
        assertThat(s.allows(outside, "ingest-service", 9000)).as("outside -> ingest-service on another port").isFalse();
        assertThat(s.allows(outside, "catalog-service", 8082)).as("outside -> catalog-service").isFalse();
        assertThat(s.allows(outside, "search-service", 8083)).as("outside -> search-service").isFalse();
        for (String infrastructure : List.of("kafka", "postgres", "elasticsearch")) {
            if (s.pods().containsKey(infrastructure)) {
                for (int port : List.of(9092, 5432, 9200)) {
                    assertThat(s.allows(outside, infrastructure, port)).as("outside -> %s:%d", infrastructure, port).isFalse();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void catalogAndSearchAreReadableFromTheCluster(String overlay) {
        Setup s = setup(overlay);
        Source ingressController = Source.pod("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        Source neighbour = Source.pod(s.namespace(), SOME_OTHER_APP);
        for (Source reader : List.of(ingressController, neighbour)) {
            assertThat(s.allows(reader, "catalog-service", 8082)).as("%s -> catalog-service", reader).isTrue();
            assertThat(s.allows(reader, "search-service", 8083)).as("%s -> search-service", reader).isTrue();
            assertThat(s.allows(reader, "catalog-service", 5005)).as("%s -> catalog-service:5005", reader).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void searchReachesTheCatalogItReindexesFrom(String overlay) {
        Setup s = setup(overlay);
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        URI catalogUrl = URI.create(env(rendered, "search-service", "CATALOG_URL"));
        Service catalog = rendered.all(Service.class).stream()
                .filter(svc -> svc.getMetadata().getName().equals(catalogUrl.getHost()))
                .findFirst().orElseThrow(() -> new AssertionError("no Service " + catalogUrl.getHost()));
        assertThat(catalog.getSpec().getPorts()).extracting(ServicePort::getPort).contains(catalogUrl.getPort());
        assertThat(catalog.getSpec().getSelector()).containsEntry("app.kubernetes.io/name", "catalog-service");
        assertThat(s.allows(s.from("search-service"), "catalog-service", 8082)).as("search -> catalog").isTrue();
    }

    private static String env(RenderedOverlay rendered, String service, String name) {
        return rendered.deployment(service).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no " + name)).getValue();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void infrastructureIsReachableOnlyFromTheServicesThatUseIt(String overlay) {
        Setup s = setup(overlay);
        if (!s.pods().containsKey("kafka")) {
            return; // prod: the infrastructure lives elsewhere, with its own policies
        }
        Source neighbour = Source.pod(s.namespace(), SOME_OTHER_APP);
        Source otherNamespace = Source.pod("elsewhere", Map.of("app.kubernetes.io/name", "ingest-service"));
        for (String service : Repository.SERVICES) {
            assertThat(s.allows(s.from(service), "kafka", 9092)).as("%s -> kafka", service).isTrue();
        }
        assertThat(s.allows(neighbour, "kafka", 9092)).as("other pod -> kafka").isFalse();
        assertThat(s.allows(otherNamespace, "kafka", 9092)).as("look-alike in another namespace -> kafka").isFalse();

        assertThat(s.allows(s.from("catalog-service"), "postgres", 5432)).as("catalog -> postgres").isTrue();
        assertThat(s.allows(s.from("ingest-service"), "postgres", 5432)).as("ingest -> postgres").isFalse();
        assertThat(s.allows(s.from("search-service"), "postgres", 5432)).as("search -> postgres").isFalse();
        assertThat(s.allows(neighbour, "postgres", 5432)).as("other pod -> postgres").isFalse();
        assertThat(s.allows(s.from("postgres"), "postgres", 5432)).as("postgres replication").isTrue();

        assertThat(s.allows(s.from("search-service"), "elasticsearch", 9200)).as("search -> elasticsearch").isTrue();
        assertThat(s.allows(s.from("catalog-service"), "elasticsearch", 9200)).as("catalog -> elasticsearch").isFalse();
        assertThat(s.allows(s.from("ingest-service"), "elasticsearch", 9200)).as("ingest -> elasticsearch").isFalse();
        assertThat(s.allows(neighbour, "elasticsearch", 9200)).as("other pod -> elasticsearch").isFalse();
        assertThat(s.allows(s.from("elasticsearch"), "elasticsearch", 9300)).as("elasticsearch transport").isTrue();

        Source cnpgOperator = Source.pod("cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"));
        Source eckOperator = Source.pod("elastic-system", Map.of("control-plane", "elastic-operator"));
        assertThat(s.allows(cnpgOperator, "postgres", 8000)).as("CloudNativePG operator -> instance manager").isTrue();
        assertThat(s.allows(eckOperator, "elasticsearch", 9200)).as("ECK operator -> elasticsearch").isTrue();
    }
}
