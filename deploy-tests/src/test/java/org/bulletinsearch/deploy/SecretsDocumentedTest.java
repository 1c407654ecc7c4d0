package org.bulletinsearch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The manifests only reference Secrets; each Secret they reference (by the services, CloudNativePG's
 * bootstrap and ECK's file realm) is documented with its keys and type, in secrets.example.yaml and as a
 * {@code kubectl create secret} command of deploy/README.md, so an operator can create exactly those.
 */
class SecretsDocumentedTest {

    static final List<String> OVERLAYS = Repository.OVERLAYS;

    /** Secret name -> keys referenced, and the Secret type a consumer needs (null: any). */
    record Reference(Set<String> keys, String requiredType, String by) {
    }

    static Map<String, Reference> referencedSecrets(RenderedOverlay rendered) {
        Map<String, Reference> refs = new LinkedHashMap<>();
        for (Deployment deployment : rendered.all(Deployment.class)) {
            String by = "Deployment/" + deployment.getMetadata().getName();
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar var : ServiceDeploymentTest.nullSafe(container.getEnv())) {
                    if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                        add(refs, var.getValueFrom().getSecretKeyRef().getName(), var.getValueFrom().getSecretKeyRef().getKey(), null, by);
                    }
                }
                for (EnvFromSource from : ServiceDeploymentTest.nullSafe(container.getEnvFrom())) {
                    if (from.getSecretRef() != null) {
                        add(refs, from.getSecretRef().getName(), null, null, by);
                    }
                }
            }
            for (Volume volume : ServiceDeploymentTest.nullSafe(deployment.getSpec().getTemplate().getSpec().getVolumes())) {
                if (volume.getSecret() != null) {
                    add(refs, volume.getSecret().getSecretName(), null, null, by);
                }
            }
        }
        for (JsonNode cluster : rendered.documents("postgresql.cnpg.io/v1", "Cluster")) {
            JsonNode secret = cluster.path("spec").path("bootstrap").path("initdb").path("secret").path("name");
            if (!secret.isMissingNode()) {
                String by = "Cluster/" + cluster.path("metadata").path("name").asText();
                add(refs, secret.asText(), "username", "kubernetes.io/basic-auth", by);
                add(refs, secret.asText(), "password", "kubernetes.io/basic-auth", by);
            }
        }
        for (JsonNode es : rendered.documents("elasticsearch.k8s.elastic.co/v1", "Elasticsearch")) {
            String by = "Elasticsearch/" + es.path("metadata").path("name").asText();
            for (JsonNode realm : es.path("spec").path("auth").path("fileRealm")) {
                for (String key : List.of("username", "password", "roles")) {
                    add(refs, realm.path("secretName").asText(), key, "kubernetes.io/basic-auth", by);
                }
            }
        }
        return refs;
    }

    private static void add(Map<String, Reference> refs, String name, String key, String type, String by) {
        Reference ref = refs.computeIfAbsent(name, n -> new Reference(new LinkedHashSet<>(), type, by));
        if (key != null) {
            ref.keys().add(key);
        }
        if (type != null && ref.requiredType() == null) {
            refs.put(name, new Reference(ref.keys(), type, by));
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void everyReferencedSecretIsDocumentedWithItsKeysAndType(String overlay) {
        Map<String, Reference> refs = referencedSecrets(RenderedOverlay.of(overlay));
        assertThat(refs).as("Secrets referenced by %s", overlay).isNotEmpty();
        Map<String, Set<String>> commands = SecretReferences.readmeCommands();
        List<String> problems = new ArrayList<>();
        refs.forEach((name, ref) -> {
            if (!SecretReferences.examples().containsKey(name)) {
                problems.add(name + " (used by " + ref.by() + ") is not in deploy/secrets/secrets.example.yaml");
                return;
            }
            if (!SecretReferences.keysOf(name).containsAll(ref.keys())) {
                problems.add(name + ": secrets.example.yaml has keys " + SecretReferences.keysOf(name) + ", " + ref.by() + " needs " + ref.keys());
            }
            if (ref.requiredType() != null && !ref.requiredType().equals(SecretReferences.typeOf(name))) {
                problems.add(name + ": " + ref.by() + " needs type " + ref.requiredType() + ", secrets.example.yaml says " + SecretReferences.typeOf(name));
            }
            if (!commands.containsKey(name)) {
                problems.add(name + ": no `kubectl create secret ... " + name + "` command in deploy/README.md");
            } else if (!commands.get(name).containsAll(ref.keys())) {
                problems.add(name + ": the README's command sets " + commands.get(name) + ", " + ref.by() + " needs " + ref.keys());
            }
            if (ref.requiredType() != null && !SecretReferences.typeFlags(name).contains(ref.requiredType())) {
                problems.add(name + ": the README's command does not create type " + ref.requiredType());
            }
        });
        assertThat(problems).as("Secrets of %s", overlay).isEmpty();
    }

    @Test
    void theExampleHoldsOnlyPlaceholders() {
        SecretReferences.examples().forEach((name, secret) -> {
            secret.path("stringData").fields().forEachRemaining(field -> {
                if (field.getKey().equals("password") || field.getKey().equals("api-keys")) {
                    assertThat(field.getValue().asText()).as("%s/%s in secrets.example.yaml", name, field.getKey())
                            .contains("replace-me");
                }
            });
        });
    }
}
