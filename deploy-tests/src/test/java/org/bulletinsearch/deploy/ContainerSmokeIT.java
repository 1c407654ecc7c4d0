package org.bulletinsearch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.Capability;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bulletinsearch.infra.Component;
import org.bulletinsearch.infra.LocalInfrastructure;
import org.bulletinsearch.platform.client.JsonHttp;
import org.bulletinsearch.platform.client.JsonHttp.Reply;
import org.bulletinsearch.platform.client.PlatformClient;
import org.bulletinsearch.platform.client.Upload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The three images, as `./mvnw -Pimages package` builds them, run the way the dev overlay runs them
 * (its environment variables, with the endpoints pointed at real Kafka, PostgreSQL and OpenSearch on
 * this machine; user 185, read-only root filesystem with a /tmp tmpfs, no capabilities, the memory
 * limit): an uploaded bulletin's articles are found through the containers' own ports.
 *
 * <p>Needs a Docker engine and the image tars (target/SERVICE-image.tar); run only in the container-smoke
 * profile, by .ci/container-smoke.sh. The containers use the host's network: the local Kafka advertises 127.0.0.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerSmokeIT {

    private static final String API_KEY = "container-smoke-key-" + UUID.randomUUID();
    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final Map<String, GenericContainer<?>> containers = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private LocalInfrastructure infrastructure;
    private PlatformClient api;

    @BeforeAll
    void startInfrastructureAndContainers() throws IOException {
        DockerClient docker = DockerClientFactory.instance().client();
        ImageBuild build = ImageBuild.fromParentPom();
        for (String service : Repository.SERVICES) {
            Path tar = Repository.service(service).resolve("target/" + service + "-image.tar");
            assertThat(tar).as("image of %s (./mvnw -Pimages package)", service).exists();
            try (InputStream in = Files.newInputStream(tar)) {
                docker.loadImageCmd(in).exec();
            }
            InspectImageResponse image = docker.inspectImageCmd(build.imageOf(service)).exec();
            assertThat(image.getConfig().getUser()).as("user of %s's image", service).isEqualTo(build.resolve("${image.user}"));
            assertThat(image.getConfig().getEntrypoint()).as("entrypoint of %s's image", service)
                    .contains("-jar", "/deployments/quarkus-run.jar")
                    .anySatisfy(flag -> assertThat(flag).startsWith("-XX:MaxRAMPercentage="));
        }

        infrastructure = LocalInfrastructure.builder()
                .with(Component.KAFKA, Component.POSTGRES, Component.SEARCH_ENGINE)
                .build().start();

        RenderedOverlay dev = RenderedOverlay.of("dev");
        for (String service : Repository.SERVICES) {
            int port = freePort();
            ports.put(service, port);
            Container spec = dev.deployment(service).getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, String> env = environmentFor(service, spec, dev);
            env.put(ServiceConfiguration.toEnvironmentName(portVariable(service)), String.valueOf(port));
            long memoryLimit = spec.getResources().getLimits().get("memory").getNumericalAmount().longValue();

            GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(build.imageOf(service)))
                    .withImagePullPolicy(name -> false)
                    .withNetworkMode("host")
                    .withEnv(env)
                    .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                            .withReadonlyRootfs(true)
                            .withTmpFs(Map.of("/tmp", "rw,size=256m"))
                            .withCapDrop(Capability.ALL)
                            .withSecurityOpts(List.of("no-new-privileges"))
                            .withMemory(memoryLimit))
                    .withLogConsumer(frame -> {
                        String line = frame.getUtf8String();
                        if (!line.isEmpty()) {
                            System.out.print("[" + service + "] " + line);
                        }
                    })
                    .waitingFor(Wait.forLogMessage(".*Listening on: http://.*:" + port + ".*", 1)
                            .withStartupTimeout(STARTUP));
            containers.put(service, container);
        }
        // One after the other, so that a failure names its service.
        containers.values().forEach(GenericContainer::start);
        for (String service : Repository.SERVICES) {
            await("readiness of " + service).atMost(STARTUP).pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptions()
                    .until(() -> JsonHttp.get(url(service) + "/q/health/ready").status() == 200);
        }
        api = new PlatformClient(url("ingest-service"), url("catalog-service"), url("search-service"), API_KEY);
    }

    /** The name of the property holding the service's HTTP port: quarkus.http.port=${INGEST_PORT:8081}. */
    private static String portVariable(String service) {
        String raw = ServiceConfiguration.of(service).properties.getProperty("quarkus.http.port");
        return raw.replaceAll("^\\$\\{([^:}]+).*$", "$1");
    }

    /**
     * The dev Deployment's environment with the endpoints and credentials of this machine's
     * infrastructure in place of the cluster's: every variable the manifest sets is set, by its name.
     */
    private Map<String, String> environmentFor(String service, Container spec, RenderedOverlay dev) {
        Map<String, String> local = new LinkedHashMap<>(infrastructure.environment());
        local.put("QUARKUS_ELASTICSEARCH_PROTOCOL", "http");
        // The local OpenSearch has no security plugin; it ignores the credentials.
        local.put("QUARKUS_ELASTICSEARCH_USERNAME", "bulletin-search");
        local.put("QUARKUS_ELASTICSEARCH_PASSWORD", "not-checked-locally");
        local.put("INGEST_API_KEY", API_KEY);

        Map<String, String> env = new LinkedHashMap<>(ServiceDeploymentTest.environment(dev, spec));
        List<String> unknown = new ArrayList<>();
        for (EnvVar var : spec.getEnv()) {
            if (var.getValueFrom() != null) {
                if (!local.containsKey(var.getName())) {
                    unknown.add(var.getName());
                }
                env.put(var.getName(), local.get(var.getName()));
            }
        }
        assertThat(unknown).as("variables of %s the smoke test cannot fill in locally", service).isEmpty();
        return env;
    }

    @AfterAll
    void stopEverything() {
        containers.values().forEach(GenericContainer::stop);
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void anUploadedBulletinIsFoundThroughTheContainers() throws Exception {
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String bulletin = """
                Harbour Cranes Return After Winter Repairs %1$s
                Harbour Cranes Return After Winter Repairs %1$s

                The three container cranes of the east quay are back in service after a winter of repairs, \
                and the first ships were unloaded on Monday without delay.

                Ferry Timetable Adds Evening Crossing %1$s
                Ferry Timetable Adds Evening Crossing %1$s

                From next month a fourth ferry leaves the island at nine in the evening, answering requests \
                from commuters who work late shifts on the mainland.
                """.formatted(marker);

        Upload upload = api.upload(bulletin, "container-smoke.txt");
        assertThat(upload.status()).as("upload answer: %s", upload.refusal()).isEqualTo(202);
        String uploadId = upload.uploadId();
        assertThat(upload.articleCount()).isEqualTo(2);
        Set<String> ids = new HashSet<>();
        upload.articles().forEach(a -> ids.add(a.id()));

        await("search-service finds the articles").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Reply found = api.search("/search?q=" + JsonHttp.encode(marker));
                    assertThat(found.status()).as(found.text()).isEqualTo(200);
                    JsonNode results = found.json();
                    Set<String> hits = new HashSet<>();
                    results.path("hits").forEach(h -> hits.add(h.path("id").asText()));
                    assertThat(hits).containsExactlyInAnyOrderElementsOf(ids);
                    assertThat(results.path("hits").get(0).path("uploadId").asText()).isEqualTo(uploadId);
                });

        await("catalog-service holds the articles").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Reply page = api.catalog("/articles?uploadId=" + uploadId);
                    assertThat(page.status()).as(page.text()).isEqualTo(200);
                    JsonNode articles = page.json();
                    Set<String> stored = new HashSet<>();
                    articles.path("items").forEach(a -> stored.add(a.path("id").asText()));
                    assertThat(stored).containsExactlyInAnyOrderElementsOf(ids);
                });

        Reply refused = JsonHttp.send(JsonHttp.request(url("ingest-service") + "/bulletins")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(bulletin)).build());
        assertThat(refused.status()).as("upload without the API key from the Secret").isEqualTo(401);
    }

    private String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
