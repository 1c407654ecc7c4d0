package org.bulletinsearch.infra;

import java.util.Arrays;
import java.util.List;

/** A server the platform needs, and how its launcher is found and sized. */
public enum Component {
    KAFKA("kafka", "local-infra-kafka", "org.bulletinsearch.infra.kafka.KafkaServerMain",
            List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC")),
    POSTGRES("postgres", "local-infra-postgres", "org.bulletinsearch.infra.postgres.PostgresServerMain",
            // The JVM only supervises the PostgreSQL processes; it needs very little.
            List.of("-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")),
    SEARCH_ENGINE("search-engine", "local-infra-opensearch", "org.bulletinsearch.infra.opensearch.OpenSearchServerMain",
            List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC"));

    private final String id;
    private final String artifactId;
    private final String mainClass;
    private final List<String> defaultJvmOptions;
    private final HeapSize defaultHeap;

    Component(String id, String artifactId, String mainClass, List<String> defaultJvmOptions) {
        this.id = id;
        this.artifactId = artifactId;
        this.mainClass = mainClass;
        this.defaultJvmOptions = defaultJvmOptions;
        this.defaultHeap = HeapSize.parse(defaultJvmOptions.stream().filter(o -> o.startsWith("-Xmx")).findFirst()
                .orElseThrow().substring("-Xmx".length()));
    }

    /** Short name used on the command line, in log file names and in data directories. */
    public String id() {
        return id;
    }

    String artifactId() {
        return artifactId;
    }

    String mainClass() {
        return mainClass;
    }

    List<String> defaultJvmOptions() {
        return defaultJvmOptions;
    }

    /** The heap this server gets unless told otherwise: its default {@code -Xmx} (the search engine's 512m). */
    public HeapSize defaultHeap() {
        return defaultHeap;
    }

    /**
     * The default JVM options with the heap's ceiling ({@code -Xmx}) at {@code heap}; a floor ({@code -Xms}) equal to
     * the default ceiling follows it, so the search engine keeps the fixed-size heap OpenSearch asks for
     * ("Important settings: heap size", opensearch.org).
     */
    List<String> jvmOptions(HeapSize heap) {
        String ceiling = "-Xmx" + defaultHeap;
        String fixedFloor = "-Xms" + defaultHeap;
        return defaultJvmOptions.stream()
                .map(o -> o.equals(ceiling) ? "-Xmx" + heap : o.equals(fixedFloor) ? "-Xms" + heap : o)
                .toList();
    }

    /** Parses {@code kafka}, {@code postgres} or {@code search-engine} (also {@code opensearch}, {@code search}). */
    public static Component fromId(String id) {
        String wanted = id.trim().toLowerCase();
        if (wanted.equals("opensearch") || wanted.equals("search") || wanted.equals("elasticsearch")) {
            return SEARCH_ENGINE;
        }
        return Arrays.stream(values()).filter(c -> c.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown component '" + id + "' (known: kafka, postgres, search-engine)"));
    }
}
