package org.bulletinsearch.servicetesting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a service's hand-written OpenAPI document ({@code META-INF/openapi.yaml}, the contract, served with
 * scanning disabled) against its code, so that the two cannot drift apart: the same endpoints (HTTP method +
 * path template) on both sides, and every schema named after one of the service's records with exactly the
 * record's JSON properties.
 */
public final class OpenApiContract {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode document;
    private final List<Class<?>> classes;

    private OpenApiContract(JsonNode document, List<Class<?>> classes) {
        this.document = document;
        this.classes = classes;
    }

    /**
     * The document on the class path and the service's classes: those of {@code basePackage} and its
     * sub-packages in the class-path directory that holds {@code serviceClass} (the module's
     * {@code target/classes}, not its tests).
     *
     * @throws UncheckedIOException when the document or the classes cannot be read
     */
    public static OpenApiContract of(Class<?> serviceClass, String basePackage) {
        try (InputStream yaml = OpenApiContract.class.getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            assertThat(yaml).as("META-INF/openapi.yaml on the class path").isNotNull();
            return new OpenApiContract(new ObjectMapper(new YAMLFactory()).readTree(yaml),
                    classesOf(serviceClass, basePackage));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that the document lists exactly the endpoints of the package's JAX-RS resources that produce JSON. */
    public void assertSameEndpoints() {
        Set<String> documented = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> {
                    if (HTTP_METHODS.contains(method)) {
                        documented.add(method.toUpperCase() + " " + path.getKey());
                    }
                }));
        assertThat(documented).as("endpoints in META-INF/openapi.yaml vs the resources' endpoints")
                .isEqualTo(endpointsOfCode());
    }

    /** Asserts that each schema named after a record of the package has the record's JSON properties. */
    public void assertRecordsMatchSchemas() {
        List<Class<?>> checked = new ArrayList<>();
        for (Class<?> type : classes) {
            JsonNode schema = document.path("components").path("schemas").path(type.getSimpleName());
            // a private helper record may share a DTO's simple name; only public records are answers
            if (type.isRecord() && java.lang.reflect.Modifier.isPublic(type.getModifiers()) && schema.has("properties")) {
                assertThat(names(schema.path("properties").fieldNames()))
                        .as("properties of schema %s vs record %s", type.getSimpleName(), type.getName())
                        .isEqualTo(jsonProperties(type));
                checked.add(type);
            }
        }
        assertThat(checked).as("records documented as schemas").isNotEmpty();
    }

    private Set<String> endpointsOfCode() {
        Set<String> endpoints = new TreeSet<>();
        for (Class<?> type : classes) {
            Path root = type.getAnnotation(Path.class);
            for (Method method : root == null ? new Method[0] : type.getDeclaredMethods()) {
                String verb = httpMethod(method);
                if (verb != null && !producesOnlyHtml(type, method)) {
                    Path sub = method.getAnnotation(Path.class);
                    endpoints.add(verb + " " + template(root.value(), sub == null ? "" : sub.value()));
                }
            }
        }
        return endpoints;
    }

    private static String httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(m -> m != null).map(HttpMethod::value).findFirst().orElse(null);
    }

    private static boolean producesOnlyHtml(Class<?> type, Method method) {
        jakarta.ws.rs.Produces produces = method.isAnnotationPresent(jakarta.ws.rs.Produces.class)
                ? method.getAnnotation(jakarta.ws.rs.Produces.class) : type.getAnnotation(jakarta.ws.rs.Produces.class);
        return produces != null && Arrays.stream(produces.value()).allMatch(m -> m.startsWith("text/html"));
    }

    /** {@code /articles} + {@code {id: [a-f0-9]+}} → {@code /articles/{id}}: the template as OpenAPI writes it. */
    static String template(String root, String sub) {
        String joined = ("/" + root + "/" + sub).replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}")
                .replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Set<String> jsonProperties(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .filter(c -> !c.isAnnotationPresent(JsonIgnore.class) && !c.getAccessor().isAnnotationPresent(JsonIgnore.class))
                .map(OpenApiContract::jsonName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty renamed = component.getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }

    private static Set<String> names(Iterator<String> names) {
        Set<String> set = new TreeSet<>();
        names.forEachRemaining(set::add);
        return set;
    }

    private static List<Class<?>> classesOf(Class<?> serviceClass, String basePackage) throws IOException {
        URL location = serviceClass.getProtectionDomain().getCodeSource().getLocation();
        try {
            java.nio.file.Path base = java.nio.file.Path.of(location.toURI()).resolve(basePackage.replace('.', '/'));
            try (Stream<java.nio.file.Path> files = Files.walk(base)) {
                return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().matches(".*\\$\\d.*"))
                        .map(f -> basePackage + "." + base.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                        .map(OpenApiContract::load)
                        .toList();
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, OpenApiContract.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
