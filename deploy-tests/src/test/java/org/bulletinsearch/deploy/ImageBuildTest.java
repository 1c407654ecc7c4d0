package org.bulletinsearch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The images are built by jib from each service's packaged quarkus-app, only when the "images" profile
 * is asked for, as a non-root user, with a JVM sized by the container, from a configurable base.
 */
class ImageBuildTest {

    static final List<String> SERVICES = Repository.SERVICES;

    private final ImageBuild build = ImageBuild.fromParentPom();

    @Test
    void jibBuildsATarFromTheConfigurableBaseWithoutADaemon() {
        assertThat(build.resolve("${jib-maven-plugin.version}")).isEqualTo("3.5.2");
        assertThat(build.config("from", "image")).isEqualTo("${image.base}");
        assertThat(build.resolve("${image.base}")).as("default base: a public JRE 17 image").isEqualTo("eclipse-temurin:17-jre");
        var execution = ImageBuild.children(ImageBuild.path(build.jib, "executions")).get(0);
        assertThat(ImageBuild.text(execution, "phase")).isEqualTo("package");
        assertThat(ImageBuild.path(execution, "goals").getTextContent().trim()).isEqualTo("buildTar");
        assertThat(build.config("outputPaths", "tar")).isEqualTo("${project.build.directory}/${project.artifactId}-image.tar");
    }

    @Test
    void theContainerRunsQuarkusFastJarAsANonRootUserWithContainerSizedMemory() {
        int user = Integer.parseInt(build.resolve(build.config("container", "user")));
        assertThat(user).as("image user").isPositive();
        List<String> entrypoint = Arrays.stream(build.config("container", "entrypoint").split(",")).map(String::trim).toList();
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).anySatisfy(flag -> assertThat(flag).startsWith("-XX:MaxRAMPercentage="));
        assertThat(entrypoint).contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(entrypoint).noneSatisfy(flag -> assertThat(flag).startsWith("-Xmx"));
        assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size())).containsExactly("-jar", "/deployments/quarkus-run.jar");
        assertThat(build.config("container", "workingDirectory")).isEqualTo("/deployments");

        Element paths = build.configElement("extraDirectories", "paths");
        List<String> layers = ImageBuild.children(paths).stream()
                .map(p -> ImageBuild.text(p, "from").replace("${project.build.directory}/", "")
                        + (ImageBuild.text(p, "includes") == null ? "" : "/" + ImageBuild.text(p, "includes"))
                        + " -> " + ImageBuild.text(p, "into"))
                .toList();
        assertThat(layers).containsExactly(
                "quarkus-app/lib -> /deployments/lib",
                "quarkus-app/quarkus-run.jar -> /deployments",
                "quarkus-app/quarkus -> /deployments/quarkus",
                "quarkus-app/app -> /deployments/app");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    void imagesAreBuiltOnlyWhenAsked(String service) {
        Document pom = ServiceConfiguration.parse(Repository.service(service).resolve("pom.xml"));
        Element project = pom.getDocumentElement();
        Element plugins = ImageBuild.path(project, "build", "plugins");
        assertThat(ImageBuild.children(plugins)).as("%s's default build plugins", service)
                .noneSatisfy(p -> assertThat(ImageBuild.text(p, "artifactId")).isEqualTo("jib-maven-plugin"));
        Element profile = ImageBuild.profile(project, "images");
        assertThat(profile).as("%s's images profile", service).isNotNull();
        assertThat(ImageBuild.children(ImageBuild.path(profile, "build", "plugins")))
                .anySatisfy(p -> assertThat(ImageBuild.text(p, "artifactId")).isEqualTo("jib-maven-plugin"));
        Element parentPlugins = ImageBuild.path(ServiceConfiguration.parse(Repository.root().resolve("pom.xml"))
                .getDocumentElement(), "build", "plugins");
        assertThat(ImageBuild.children(parentPlugins)).as("the parent's default build plugins")
                .noneSatisfy(p -> assertThat(ImageBuild.text(p, "artifactId")).isEqualTo("jib-maven-plugin"));
    }
}
