package org.bulletinsearch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service's Deployment, Service and companions, in each overlay, agree with the service itself:
 * its application.properties (port, health endpoints, configuration keys), the image the build makes,
 * and the security and sizing rules every pod follows.
 */
class ServiceDeploymentTest {

    /** Read by the JVM itself, not by Quarkus: extra flags an operator may add at deploy time. */
    private static final java.util.Set<String> JVM_ENVIRONMENT = java.util.Set.of("JAVA_TOOL_OPTIONS");

    static Stream<Arguments> overlaysAndServices() {
        return Repository.OVERLAYS.stream()
                .flatMap(overlay -> Repository.SERVICES.stream().map(service -> Arguments.of(overlay, service)));
    }

    private static Container container(Deployment deployment, String service) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as("containers of %s", service).hasSize(1);
        assertThat(containers.get(0).getName()).isEqualTo(service);
        return containers.get(0);
    }

    /**
     * The environment the container gets: its env entries and every key of its envFrom sources,
     * with values where the overlay has them (ConfigMaps), null for Secrets.
     */
    static Map<String, String> environment(RenderedOverlay rendered, Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : nullSafe(container.getEnvFrom())) {
            assertThat(from.getPrefix()).as("envFrom prefix").isNull();
            if (from.getConfigMapRef() != null) {
                ConfigMap map = rendered.configMap(from.getConfigMapRef().getName()).orElseThrow(() ->
                        new AssertionError("envFrom ConfigMap " + from.getConfigMapRef().getName() + " is not in " + rendered));
                env.putAll(map.getData());
            }
            if (from.getSecretRef() != null) {
                SecretReferences.keysOf(from.getSecretRef().getName()).forEach(k -> env.put(k, null));
            }
        }
        for (EnvVar var : nullSafe(container.getEnv())) {
            String value = var.getValue();
            if (var.getValueFrom() != null && var.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = var.getValueFrom().getConfigMapKeyRef();
                value = rendered.configMap(ref.getName()).map(m -> m.getData().get(ref.getKey())).orElse(null);
            }
            env.put(var.getName(), value);
        }
        return env;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void theContainerListensWhereTheServiceDoesAndTheServiceRoutesThere(String overlay, String service) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        ServiceConfiguration config = ServiceConfiguration.of(service);
        Container container = container(rendered.deployment(service), service);
        String httpPort = config.prodValue("quarkus.http.port", environment(rendered, container));

        assertThat(container.getPorts()).as("ports of %s", service)
                .extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("http", Integer.parseInt(httpPort)));

        Service k8sService = rendered.service(service);
        Map<String, String> podLabels = rendered.deployment(service).getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).as("pod labels of %s selected by its Service", service)
                .containsAllEntriesOf(k8sService.getSpec().getSelector());
        assertThat(rendered.all(Deployment.class)).as("Deployments the %s Service selects", service)
                .filteredOn(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                        .containsAll(k8sService.getSpec().getSelector().entrySet()))
                .extracting(d -> d.getMetadata().getName()).containsExactly(service);
        for (ServicePort port : k8sService.getSpec().getPorts()) {
            assertThat(resolvePort(port.getTargetPort(), container))
                    .as("container port of the %s Service's port %s", service, port.getName())
                    .isEqualTo(Integer.parseInt(httpPort));
            assertThat(port.getPort()).as("the Service port = the service's own port").isEqualTo(Integer.parseInt(httpPort));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void probesAskTheServicesHealthEndpoints(String overlay, String service) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        ServiceConfiguration config = ServiceConfiguration.of(service);
        Container container = container(rendered.deployment(service), service);
        assertThat(config.extensions).as("%s has SmallRye Health", service).contains("quarkus-smallrye-health");

        Map<String, String> env = environment(rendered, container);
        String root = "/" + stripSlashes(valueOr(config.prodValue("quarkus.http.non-application-root-path", env), "q"));
        String health = root + "/" + stripSlashes(valueOr(config.prodValue("quarkus.smallrye-health.root-path", env), "health"));
        int httpPort = Integer.parseInt(config.prodValue("quarkus.http.port", env));

        assertProbe(container.getLivenessProbe(), "liveness", health + "/"
                + stripSlashes(valueOr(config.prodValue("quarkus.smallrye-health.liveness-path", env), "live")), container, httpPort);
        assertProbe(container.getReadinessProbe(), "readiness", health + "/"
                + stripSlashes(valueOr(config.prodValue("quarkus.smallrye-health.readiness-path", env), "ready")), container, httpPort);
        assertProbe(container.getStartupProbe(), "startup", health + "/"
                + stripSlashes(valueOr(config.prodValue("quarkus.smallrye-health.startup-path", env), "started")), container, httpPort);
    }

    private static void assertProbe(Probe probe, String kind, String path, Container container, int httpPort) {
        assertThat(probe).as("%s probe", kind).isNotNull();
        assertThat(probe.getHttpGet()).as("%s probe is an HTTP GET", kind).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as("%s probe path", kind).isEqualTo(path);
        assertThat(resolvePort(probe.getHttpGet().getPort(), container)).as("%s probe port", kind).isEqualTo(httpPort);
        assertThat(probe.getHttpGet().getScheme()).as("%s probe scheme", kind).isIn(null, "HTTP");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void everyEnvironmentVariableIsConfigurationTheServiceReads(String overlay, String service) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        ServiceConfiguration config = ServiceConfiguration.of(service);
        Container container = container(rendered.deployment(service), service);
        Map<String, String> env = environment(rendered, container);

        List<String> problems = new ArrayList<>();
        for (String name : env.keySet()) {
            if (JVM_ENVIRONMENT.contains(name)) {
                continue;
            }
            if (config.buildTimeEnvironment.containsKey(name)) {
                problems.add(name + " sets a build-time property (" + config.buildTimeEnvironment.get(name)
                        + "): it has no effect on the packaged service");
            } else if (!config.readEnvironment.containsKey(name)) {
                problems.add(name + " is no configuration key of " + service);
            }
        }
        assertThat(problems).as("environment of %s in %s", service, overlay).isEmpty();
        assertThat(rendered.deployment(service).getSpec().getTemplate().getSpec().getEnableServiceLinks())
                .as("enableServiceLinks (Kubernetes would add *_SERVICE_HOST/*_PORT variables)").isFalse();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void referencedConfigMapsAndSecretsExist(String overlay, String service) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Deployment deployment = rendered.deployment(service);
        Container container = container(deployment, service);
        List<String> problems = new ArrayList<>();
        for (EnvVar var : nullSafe(container.getEnv())) {
            if (var.getValueFrom() == null) {
                continue;
            }
            var cm = var.getValueFrom().getConfigMapKeyRef();
            if (cm != null) {
                var map = rendered.configMap(cm.getName());
                if (map.isEmpty()) {
                    problems.add(var.getName() + ": ConfigMap " + cm.getName() + " is not rendered");
                } else if (!map.get().getData().containsKey(cm.getKey())) {
                    problems.add(var.getName() + ": ConfigMap " + cm.getName() + " has no key " + cm.getKey());
                } else if (map.get().getData().get(cm.getKey()).isBlank()) {
                    problems.add(var.getName() + ": ConfigMap " + cm.getName() + " key " + cm.getKey() + " is empty");
                }
                if (Boolean.TRUE.equals(cm.getOptional())) {
                    problems.add(var.getName() + ": optional ConfigMap reference hides a missing key");
                }
            }
            var secret = var.getValueFrom().getSecretKeyRef();
            if (secret != null) {
                if (!SecretReferences.keysOf(secret.getName()).contains(secret.getKey())) {
                    problems.add(var.getName() + ": Secret " + secret.getName() + " key " + secret.getKey()
                            + " is not documented in deploy/secrets/secrets.example.yaml");
                }
            }
        }
        for (EnvFromSource from : nullSafe(container.getEnvFrom())) {
            if (from.getConfigMapRef() != null && rendered.configMap(from.getConfigMapRef().getName()).isEmpty()) {
                problems.add("envFrom ConfigMap " + from.getConfigMapRef().getName() + " is not rendered");
            }
        }
        String account = deployment.getSpec().getTemplate().getSpec().getServiceAccountName();
        if (account != null && rendered.find(ServiceAccount.class, account).isEmpty()) {
            problems.add("ServiceAccount " + account + " is not rendered");
        }
        assertThat(problems).as("references of %s in %s", service, overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void theImageIsTheOneTheBuildMakes(String overlay, String service) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Container container = container(rendered.deployment(service), service);
        String built = ImageBuild.fromParentPom().imageOf(service);
        assertThat(built).as("jib's image name").endsWith("/" + service + ":" + Repository.projectVersion());
        // dev uses the name jib gives the image; prod the same name under a registry (jib:build -Dimage.prefix=...)
        assertThat(container.getImage()).as("image of %s in %s", service, overlay)
                .satisfiesAnyOf(image -> assertThat(image).isEqualTo(built),
                        image -> assertThat(image).matches("[a-z0-9.-]+(:[0-9]+)?/" + java.util.regex.Pattern.quote(built)));
        if (overlay.equals("dev")) {
            assertThat(container.getImage()).isEqualTo(built);
        }
        assertThat(container.getImagePullPolicy()).isIn("IfNotPresent", "Always");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void podsRunAsNonRootOnAReadOnlyRootFilesystem(String overlay, String service) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        PodSpec pod = rendered.deployment(service).getSpec().getTemplate().getSpec();
        Container container = container(rendered.deployment(service), service);
        int imageUser = Integer.parseInt(ImageBuild.fromParentPom().resolve("${image.user}"));

        PodSecurityContext podSecurity = pod.getSecurityContext();
        assertThat(podSecurity).isNotNull();
        assertThat(podSecurity.getRunAsNonRoot()).as("runAsNonRoot").isTrue();
        assertThat(podSecurity.getRunAsUser()).as("runAsUser = the image's user").isEqualTo((long) imageUser).isNotZero();
        assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

        SecurityContext security = container.getSecurityContext();
        assertThat(security).isNotNull();
        assertThat(security.getReadOnlyRootFilesystem()).as("readOnlyRootFilesystem").isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).as("allowPrivilegeEscalation").isFalse();
        assertThat(security.getCapabilities().getDrop()).as("dropped capabilities").containsExactly("ALL");
        assertThat(security.getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getAutomountServiceAccountToken()).as("automountServiceAccountToken").isFalse();
        assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);

        // The JVM and Vert.x need a writable /tmp: an emptyDir, since the root filesystem is read-only.
        var tmpMount = nullSafe(container.getVolumeMounts()).stream()
                .filter(m -> m.getMountPath().equals("/tmp")).findFirst();
        assertThat(tmpMount).as("/tmp mount of %s", service).isPresent();
        Volume tmp = pod.getVolumes().stream().filter(v -> v.getName().equals(tmpMount.get().getName()))
                .findFirst().orElseThrow();
        assertThat(tmp.getEmptyDir()).as("/tmp is an emptyDir").isNotNull();
        assertThat(tmp.getEmptyDir().getSizeLimit()).as("/tmp size limit").isNotNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void resourcesAreRequestedAndLimited(String overlay, String service) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        var resources = container(rendered.deployment(service), service).getResources();
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = resources.getRequests().get(resource);
            Quantity limit = resources.getLimits().get(resource);
            assertThat(request).as("%s request", resource).isNotNull();
            assertThat(limit).as("%s limit", resource).isNotNull();
            assertThat(request.getNumericalAmount()).as("%s request <= limit", resource)
                    .isLessThanOrEqualTo(limit.getNumericalAmount());
        }
        // A JVM with -XX:MaxRAMPercentage=75 needs room: at least 512Mi.
        assertThat(resources.getLimits().get("memory").getNumericalAmount())
                .isGreaterThanOrEqualTo(Quantity.parse("512Mi").getNumericalAmount());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void podsCarryTheRecommendedLabels(String overlay, String service) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Deployment deployment = rendered.deployment(service);
        for (Map<String, String> labels : List.of(deployment.getMetadata().getLabels(),
                deployment.getSpec().getTemplate().getMetadata().getLabels())) {
            assertThat(labels)
                    .containsEntry("app.kubernetes.io/name", service)
                    .containsEntry("app.kubernetes.io/part-of", "bulletin-search")
                    .containsEntry("app.kubernetes.io/managed-by", "kustomize")
                    .containsEntry("app.kubernetes.io/version", Repository.projectVersion())
                    .containsKey("app.kubernetes.io/component");
        }
        assertThat(deployment.getSpec().getSelector().getMatchLabels())
                .as("selector (immutable: no version in it)").doesNotContainKey("app.kubernetes.io/version");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void disruptionsAndScalingAreBounded(String overlay, String service) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Deployment deployment = rendered.deployment(service);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

        List<PodDisruptionBudget> budgets = rendered.all(PodDisruptionBudget.class).stream()
                .filter(b -> NetworkPolicyModel.matches(b.getSpec().getSelector(), podLabels)).toList();
        assertThat(budgets).as("PodDisruptionBudgets of %s", service).hasSize(1);
        IntOrString maxUnavailable = budgets.get(0).getSpec().getMaxUnavailable();
        assertThat(maxUnavailable).as("maxUnavailable (a minAvailable equal to the replicas would block drains)").isNotNull();

        var autoscaler = rendered.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(service)).findFirst();
        if (service.equals("search-service")) {
            assertThat(autoscaler).as("search-service is autoscaled").isPresent();
            assertThat(autoscaler.get().getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(deployment.getSpec().getReplicas()).as("replicas (owned by the autoscaler)").isNull();
            assertThat(autoscaler.get().getSpec().getMinReplicas()).isLessThanOrEqualTo(autoscaler.get().getSpec().getMaxReplicas());
            assertThat(autoscaler.get().getSpec().getMetrics()).isNotEmpty();
        } else {
            assertThat(deployment.getSpec().getReplicas()).isNotNull();
        }
        int replicas = autoscaler.map(h -> h.getSpec().getMinReplicas()).orElse(deployment.getSpec().getReplicas());
        if (overlay.equals("prod")) {
            assertThat(replicas).as("replicas of %s in prod", service).isGreaterThanOrEqualTo(2);
        }
    }

    private static Integer resolvePort(IntOrString port, Container container) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return nullSafe(container.getPorts()).stream()
                .filter(p -> Objects.equals(p.getName(), port.getStrVal()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    private static String valueOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String stripSlashes(String path) {
        return path.replaceAll("^/+", "").replaceAll("/+$", "");
    }

    static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
