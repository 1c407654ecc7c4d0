package org.bulletinsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The custom resources' shapes: JSON Schemas (src/test/resources/crd-schemas) written from the
 * operators' CRDs for the fields these manifests use, strict (unknown fields fail) where we write.
 */
final class CrdSchemas {

    /** apiVersion/kind -> schema file. */
    static final Map<String, String> SCHEMAS = Map.of(
            "kafka.strimzi.io/v1beta2/Kafka", "strimzi-kafka-v1beta2.json",
            "kafka.strimzi.io/v1beta2/KafkaNodePool", "strimzi-kafkanodepool-v1beta2.json",
            "kafka.strimzi.io/v1beta2/KafkaTopic", "strimzi-kafkatopic-v1beta2.json",
            "postgresql.cnpg.io/v1/Cluster", "cnpg-cluster-v1.json",
            "elasticsearch.k8s.elastic.co/v1/Elasticsearch", "eck-elasticsearch-v1.json");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();

    private CrdSchemas() {
    }

    static String key(JsonNode document) {
        return document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    }

    static boolean isCustomResource(JsonNode document) {
        return SCHEMAS.containsKey(key(document));
    }

    static List<String> validate(JsonNode document) {
        String file = SCHEMAS.get(key(document));
        if (file == null) {
            return List.of("no CRD schema for " + key(document));
        }
        JsonSchema schema = LOADED.computeIfAbsent(file, CrdSchemas::load);
        Set<ValidationMessage> messages = schema.validate(document);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load(String file) {
        try (InputStream in = CrdSchemas.class.getResourceAsStream("/crd-schemas/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing schema crd-schemas/" + file);
            }
            return FACTORY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
