package org.bulletinsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a service reads as configuration, from its own files: the keys of its application.properties
 * (every profile), the names its {@code ${...}} expressions look up, and the run-time properties of
 * the Quarkus extensions it depends on (each extension jar's META-INF/quarkus-config-doc model).
 *
 * <p>Environment variables map to property names the SmallRye Config way: every character that is not
 * a letter or digit becomes {@code _}, letters are upper-cased ({@code quarkus.datasource.jdbc.url}
 * is {@code QUARKUS_DATASOURCE_JDBC_URL}, {@code ingest.api-key} is {@code INGEST_API_KEY}).
 */
final class ServiceConfiguration {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}$]+)");
    private static final Pattern PROFILE_PREFIX = Pattern.compile("^%[^.]+\\.");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ServiceConfiguration> CACHE = new HashMap<>();

    final String service;
    final Properties properties;
    /** Property names (profile prefix removed) set in application.properties. */
    final Set<String> propertyNames;
    /** Names looked up by ${...} expressions (environment variables or properties). */
    final Set<String> expressionNames;
    /** Environment variable -> why the service reads it. */
    final Map<String, String> readEnvironment;
    /** Environment variables of build-time properties: setting them on a container changes nothing. */
    final Map<String, String> buildTimeEnvironment;
    /** The artifactIds of the Quarkus extensions the service runs with. */
    final Set<String> extensions;

    private ServiceConfiguration(String service) {
        this.service = service;
        this.properties = load(Repository.applicationProperties(service));
        this.propertyNames = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            propertyNames.add(PROFILE_PREFIX.matcher(key).replaceFirst(""));
        }
        this.expressionNames = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher m = EXPRESSION.matcher(properties.getProperty(key));
            while (m.find()) {
                expressionNames.add(m.group(1).trim());
            }
        }
        this.readEnvironment = new LinkedHashMap<>();
        this.buildTimeEnvironment = new LinkedHashMap<>();
        this.extensions = new TreeSet<>();
        for (String name : propertyNames) {
            readEnvironment.putIfAbsent(toEnvironmentName(name), "application.properties key " + name);
        }
        for (String name : expressionNames) {
            readEnvironment.putIfAbsent(toEnvironmentName(name), "application.properties expression ${" + name + "}");
        }
        readExtensionModels();
    }

    static synchronized ServiceConfiguration of(String service) {
        return CACHE.computeIfAbsent(service, ServiceConfiguration::new);
    }

    static String toEnvironmentName(String propertyName) {
        StringBuilder env = new StringBuilder(propertyName.length());
        for (char c : propertyName.toCharArray()) {
            env.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return env.toString();
    }

    /**
     * The value the service runs with in the prod profile (what a container runs), with ${...}
     * expressions resolved against the given environment, then other properties, then their defaults.
     */
    String prodValue(String property, Map<String, String> environment) {
        String raw = properties.getProperty("%prod." + property, properties.getProperty(property));
        if (environment.containsKey(toEnvironmentName(property))) {
            raw = environment.get(toEnvironmentName(property));
        }
        return raw == null ? null : resolve(raw, name -> {
            if (environment.containsKey(name)) {
                return environment.get(name);
            }
            if (environment.containsKey(toEnvironmentName(name))) {
                return environment.get(toEnvironmentName(name));
            }
            return properties.containsKey(name) || properties.containsKey("%prod." + name)
                    ? prodValue(name, environment) : null;
        });
    }

    /** Resolves ${NAME} and ${NAME:default} (nested defaults included). */
    static String resolve(String value, Function<String, String> lookup) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("${", i);
            if (start < 0) {
                out.append(value, i, value.length());
                break;
            }
            out.append(value, i, start);
            int depth = 0;
            int end = start;
            for (int j = start; j < value.length(); j++) {
                if (value.startsWith("${", j)) {
                    depth++;
                    j++;
                } else if (value.charAt(j) == '}' && --depth == 0) {
                    end = j;
                    break;
                }
            }
            String inner = value.substring(start + 2, end);
            int colon = inner.indexOf(':');
            String name = colon < 0 ? inner : inner.substring(0, colon);
            String found = lookup.apply(name.trim());
            if (found == null && colon >= 0) {
                found = resolve(inner.substring(colon + 1), lookup);
            }
            out.append(found == null ? "" : found);
            i = end + 1;
        }
        return out.toString();
    }

    private static Properties load(Path file) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    // ---------------------------------------------------------------------------------------------
    // The extensions' configuration models

    /**
     * Walks the service's runtime dependencies (its pom, then each jar's embedded pom) over the jars on
     * this module's test classpath (which has every service's runtime dependencies) and reads each
     * Quarkus extension's configuration model.
     */
    private void readExtensionModels() {
        Map<String, Path> jars = classpathJarsByArtifactId();
        Deque<String> pending = new ArrayDeque<>(runtimeDependencies(parse(Repository.service(service).resolve("pom.xml"))));
        Set<String> seen = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            String artifactId = pending.pop();
            if (!seen.add(artifactId) || !jars.containsKey(artifactId)) {
                continue;
            }
            try (ZipFile jar = new ZipFile(jars.get(artifactId).toFile())) {
                ZipEntry pom = jar.stream()
                        .filter(e -> e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/" + artifactId + "/pom.xml"))
                        .findFirst().orElse(null);
                if (pom != null) {
                    try (InputStream in = jar.getInputStream(pom)) {
                        pending.addAll(runtimeDependencies(parse(in)));
                    }
                }
                ZipEntry model = jar.getEntry("META-INF/quarkus-config-doc/quarkus-config-model.json");
                if (model != null) {
                    extensions.add(artifactId);
                    try (InputStream in = jar.getInputStream(model)) {
                        readModel(artifactId, JSON.readTree(in));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void readModel(String artifactId, JsonNode model) {
        for (JsonNode root : model.path("configRoots")) {
            collectItems(artifactId, root.path("items"));
        }
    }

    private void collectItems(String artifactId, JsonNode items) {
        for (JsonNode item : items) {
            if (item.has("items")) {
                collectItems(artifactId, item.path("items"));
            }
            JsonNode path = item.path("path");
            String property = path.path("property").asText("");
            String env = path.path("environmentVariable").asText("");
            if (property.isEmpty() || env.isEmpty() || property.contains("\"")) {
                continue; // sections, and named (map) entries such as quarkus.datasource."name".*
            }
            String phase = item.path("phase").asText("");
            if (phase.equals("RUN_TIME")) {
                readEnvironment.putIfAbsent(env, "run-time property " + property + " of " + artifactId);
            } else {
                buildTimeEnvironment.putIfAbsent(env, phase + " property " + property + " of " + artifactId);
            }
        }
    }

    private static Map<String, Path> classpathJarsByArtifactId() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Map<String, Path> jars = new HashMap<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            Path jar = Paths.get(entry);
            // <repository>/<group path>/<artifactId>/<version>/<artifactId>-<version>[-classifier].jar
            if (jar.getNameCount() < 3 || !jar.toString().endsWith(".jar")) {
                continue;
            }
            String artifactId = jar.getParent().getParent().getFileName().toString();
            String version = jar.getParent().getFileName().toString();
            if (jar.getFileName().toString().equals(artifactId + "-" + version + ".jar")) {
                jars.putIfAbsent(artifactId, jar);
            }
        }
        return jars;
    }

    private static List<String> runtimeDependencies(Document pom) {
        List<String> artifactIds = new java.util.ArrayList<>();
        Element project = pom.getDocumentElement();
        for (Element dependencies : children(project, "dependencies")) {
            for (Element dependency : children(dependencies, "dependency")) {
                String scope = text(dependency, "scope");
                String optional = text(dependency, "optional");
                String type = text(dependency, "type");
                if ((scope.isEmpty() || scope.equals("compile") || scope.equals("runtime"))
                        && !optional.equals("true") && (type.isEmpty() || type.equals("jar"))) {
                    artifactIds.add(text(dependency, "artifactId"));
                }
            }
        }
        return artifactIds;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new java.util.ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && name.equals(element.getTagName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
    }

    static Document parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document parse(InputStream in) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse a pom", e);
        }
    }
}
