package org.bulletinsearch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every overlay renders with kustomize, and every object it renders is valid: built-in kinds against
 * the Kubernetes API schemas (fabric8's typed model: no unknown or mistyped field; kubernetes-models:
 * required fields, types, enums), custom resources against the operators' CRD shapes.
 */
class ManifestValidationTest {

    static final List<String> OVERLAYS = Repository.OVERLAYS;

    /** The API versions these manifests may use: current, not deprecated. */
    private static final Set<String> BUILT_IN_API_VERSIONS = Set.of(
            "v1", "apps/v1", "policy/v1", "autoscaling/v2", "networking.k8s.io/v1");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every kustomization under deploy/ (base, infrastructure, overlays) builds, not only the overlays. */
    @Test
    void everyKustomizationRenders() throws IOException {
        List<Path> kustomizations;
        try (Stream<Path> files = Files.walk(Repository.deploy())) {
            kustomizations = files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .map(Path::getParent).sorted().toList();
        }
        assertThat(kustomizations).extracting(k -> Repository.deploy().relativize(k).toString())
                .contains("base", "infrastructure", "overlays/dev", "overlays/prod");
        for (Path kustomization : kustomizations) {
            assertThat(RenderedOverlay.kustomize(kustomization)).as("kustomize %s", kustomization).contains("kind:");
        }
        assertThat(Repository.OVERLAYS).as("the overlays the other checks cover")
                .containsExactlyInAnyOrderElementsOf(kustomizations.stream()
                        .filter(k -> k.getParent().getFileName().toString().equals("overlays"))
                        .map(k -> k.getFileName().toString()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyObjectIsAKnownKindWithNoUnknownField(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        assertThat(rendered.documents).as("objects rendered by %s", overlay).isNotEmpty();

        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rendered.documents.size(); i++) {
            ObjectNode document = rendered.documents.get(i);
            HasMetadata resource = rendered.resources.get(i);
            String id = document.path("kind").asText() + "/" + document.path("metadata").path("name").asText();
            if (CrdSchemas.isCustomResource(document)) {
                continue;
            }
            if (!BUILT_IN_API_VERSIONS.contains(document.path("apiVersion").asText())) {
                problems.add(id + ": apiVersion " + document.path("apiVersion").asText() + " is not one of " + BUILT_IN_API_VERSIONS);
            }
            if (resource instanceof GenericKubernetesResource) {
                problems.add(id + ": not a Kubernetes kind (nor a custom resource with a schema here)");
                continue;
            }
            problems.addAll(StrictModel.unknownFields(resource, id));
        }
        assertThat(problems).as("objects of %s that the Kubernetes model does not accept", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void builtInObjectsMatchTheKubernetesApiSchemas(String overlay, @TempDir Path temp) throws Exception {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        ArrayNode builtIn = JSON.createArrayNode();
        rendered.documents.stream().filter(d -> !CrdSchemas.isCustomResource(d)).forEach(builtIn::add);
        Path objects = temp.resolve("objects.json");
        Files.writeString(objects, JSON.writeValueAsString(builtIn));

        Path script = Repository.root().resolve("deploy-tests/src/test/node/validate-kubernetes.mjs");
        Process node = new ProcessBuilder(Tools.node().toString(), script.toString(),
                Tools.kubernetesModels().toString(), objects.toString())
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(2, TimeUnit.MINUTES)).as("node finished").isTrue();
        assertThat(node.exitValue()).as("kubernetes-models validation of %s:%n%s", overlay, output).isZero();
        assertThat(output).contains("validated " + builtIn.size() + " objects, 0 problems");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void customResourcesMatchTheOperatorsCrds(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> problems = new ArrayList<>();
        for (ObjectNode document : rendered.documents) {
            if (!CrdSchemas.isCustomResource(document)) {
                continue;
            }
            String id = document.path("kind").asText() + "/" + document.path("metadata").path("name").asText();
            CrdSchemas.validate(document).forEach(message -> problems.add(id + ": " + message));
            problems.addAll(embeddedKubernetesTypes(document, id));
        }
        assertThat(problems).as("custom resources of %s against the CRD shapes", overlay).isEmpty();
    }

    /** The parts of the custom resources that are Kubernetes types, checked as such. */
    private static List<String> embeddedKubernetesTypes(JsonNode document, String id) {
        List<String> problems = new ArrayList<>();
        JsonNode spec = document.path("spec");
        switch (document.path("kind").asText()) {
            case "Kafka" -> {
                int i = 0;
                for (JsonNode listener : spec.path("kafka").path("listeners")) {
                    int j = 0;
                    for (JsonNode peer : listener.path("networkPolicyPeers")) {
                        problems.addAll(StrictModel.unknownFields(peer, NetworkPolicyPeer.class,
                                id + ".spec.kafka.listeners[" + i + "].networkPolicyPeers[" + j++ + "]"));
                    }
                    i++;
                }
            }
            case "KafkaNodePool", "Cluster" -> {
                if (spec.has("resources")) {
                    problems.addAll(StrictModel.unknownFields(spec.path("resources"), ResourceRequirements.class, id + ".spec.resources"));
                }
            }
            case "Elasticsearch" -> {
                int i = 0;
                for (JsonNode nodeSet : spec.path("nodeSets")) {
                    String path = id + ".spec.nodeSets[" + i++ + "]";
                    if (nodeSet.has("podTemplate")) {
                        problems.addAll(StrictModel.unknownFields(nodeSet.path("podTemplate"), PodTemplateSpec.class, path + ".podTemplate"));
                    }
                    int j = 0;
                    for (JsonNode claim : nodeSet.path("volumeClaimTemplates")) {
                        problems.addAll(StrictModel.unknownFields(claim, PersistentVolumeClaim.class, path + ".volumeClaimTemplates[" + j++ + "]"));
                    }
                }
            }
            default -> {
            }
        }
        return problems;
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void noSecretValuesAreRendered(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        assertThat(rendered.documents).as("Secrets in %s (they are created by the operator, see deploy/README.md)", overlay)
                .noneMatch(d -> d.path("kind").asText().equals("Secret"));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyObjectIsLabelledNamespacedAndUnique(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        String namespace = rendered.documents.stream()
                .filter(d -> d.path("kind").asText().equals("Namespace"))
                .map(d -> d.path("metadata").path("name").asText())
                .findFirst().orElseThrow(() -> new AssertionError(overlay + " renders no Namespace"));
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (HasMetadata resource : rendered.resources) {
            String id = resource.getKind() + "/" + resource.getMetadata().getName();
            if (!seen.add(id)) {
                problems.add(id + ": rendered twice");
            }
            var labels = resource.getMetadata().getLabels();
            for (String label : List.of("app.kubernetes.io/name", "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by")) {
                if (labels == null || labels.get(label) == null || labels.get(label).isBlank()) {
                    problems.add(id + ": no " + label + " label");
                }
            }
            if (labels != null && !"bulletin-search".equals(labels.get("app.kubernetes.io/part-of"))) {
                problems.add(id + ": app.kubernetes.io/part-of is not bulletin-search");
            }
            if (!resource.getKind().equals("Namespace") && !namespace.equals(resource.getMetadata().getNamespace())) {
                problems.add(id + ": namespace " + resource.getMetadata().getNamespace() + ", not " + namespace);
            }
        }
        assertThat(problems).as("labels and namespaces in %s", overlay).isEmpty();
    }

}
