package org.bulletinsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One overlay as {@code kubectl kustomize} renders it: the YAML text, each document as a JSON tree, and
 * each document as a typed fabric8 object (built-in kinds) or a GenericKubernetesResource (custom ones).
 */
final class RenderedOverlay {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, RenderedOverlay> CACHE = new ConcurrentHashMap<>();

    final String name;
    final String yaml;
    final List<ObjectNode> documents;
    final List<HasMetadata> resources;

    private RenderedOverlay(String name, String yaml, List<ObjectNode> documents, List<HasMetadata> resources) {
        this.name = name;
        this.yaml = yaml;
        this.documents = documents;
        this.resources = resources;
    }

    static RenderedOverlay of(String overlay) {
        return CACHE.computeIfAbsent(overlay, RenderedOverlay::render);
    }

    private static RenderedOverlay render(String overlay) {
        String yaml = kustomize(Repository.overlay(overlay));
        List<ObjectNode> documents = new ArrayList<>();
        List<HasMetadata> resources = new ArrayList<>();
        try {
            for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                documents.add((ObjectNode) document);
                String json = YAML.writeValueAsString(document);
                KubernetesResource parsed = SERIALIZATION.unmarshal(SERIALIZATION.convertToJson(json));
                resources.add((HasMetadata) parsed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("overlay " + overlay + " did not render to YAML documents", e);
        }
        return new RenderedOverlay(overlay, yaml, List.copyOf(documents), List.copyOf(resources));
    }

    /** Runs {@code kubectl kustomize DIR}; fails with kubectl's message when the overlay does not build. */
    static String kustomize(Path dir) {
        Path kubectl = Tools.kubectl();
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                    .redirectErrorStream(false)
                    .start();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            Thread errors = new Thread(() -> copy(process.getErrorStream(), stderr));
            errors.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish in 2 minutes");
            }
            errors.join();
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "): "
                        + stderr.toString(StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + kubectl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the exit code tells
        }
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The documents of a kind (custom resources are looked at as JSON trees). */
    List<ObjectNode> documents(String apiVersion, String kind) {
        return documents.stream()
                .filter(d -> apiVersion.equals(d.path("apiVersion").asText()) && kind.equals(d.path("kind").asText()))
                .toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(r -> Objects.equals(r.getMetadata().getName(), name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(
                "overlay " + this.name + " has no " + type.getSimpleName() + " named " + name));
    }

    Deployment deployment(String service) {
        return get(Deployment.class, service);
    }

    Service service(String service) {
        return get(Service.class, service);
    }

    Optional<ConfigMap> configMap(String name) {
        return find(ConfigMap.class, name);
    }

    boolean hasKind(String kind) {
        return documents.stream().anyMatch(d -> kind.equals(d.path("kind").asText()));
    }

    @Override
    public String toString() {
        return name;
    }
}
