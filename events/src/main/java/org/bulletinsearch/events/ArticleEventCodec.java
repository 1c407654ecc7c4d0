package org.bulletinsearch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * Writes and reads the values of {@link Topics#ARTICLES} in their JSON form: {@link ArticleEvent}s, checked
 * against {@value #SCHEMA_RESOURCE} and for an id that matches their text, and {@link SightingRetraction}s,
 * checked against {@value #RETRACTION_SCHEMA_RESOURCE}. Thread-safe; create one and share it.
 */
public final class ArticleEventCodec {

    public static final String SCHEMA_RESOURCE = "/schema/article-event-v1.schema.json";
    public static final String RETRACTION_SCHEMA_RESOURCE = "/schema/sighting-retraction-v1.schema.json";

    private final ObjectMapper mapper;
    private final JsonSchema schema;
    private final JsonSchema retractionSchema;

    public ArticleEventCodec() {
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.schema = loadSchema(SCHEMA_RESOURCE);
        this.retractionSchema = loadSchema(RETRACTION_SCHEMA_RESOURCE);
    }

    /** The JSON of an event or a retraction. */
    public byte[] toJson(ArticleRecord record) {
        try {
            return mapper.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ArticleRecord always serializes", e);
        }
    }

    /**
     * Reads and validates a value of the articles topic (a tombstone, which has none, is the caller's to
     * handle); the exception's message says what is wrong with it.
     */
    public ArticleRecord decode(byte[] payload) throws InvalidArticleEventException {
        JsonNode tree = tree(payload);
        if (!SightingRetraction.KIND.equals(tree.path("kind").asText())) {
            return event(tree);
        }
        List<String> violations = retractionSchema.validate(tree).stream().map(ValidationMessage::getMessage).sorted()
                .toList();
        if (!violations.isEmpty()) {
            throw new InvalidArticleEventException("violates " + RETRACTION_SCHEMA_RESOURCE + ": "
                    + String.join("; ", violations));
        }
        try {
            return mapper.treeToValue(tree, SightingRetraction.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidArticleEventException("not an article event: " + firstLine(e.getMessage()), e);
        }
    }

    /** Reads and validates an {@link ArticleEvent}; anything else (a retraction too) is refused. */
    public ArticleEvent fromJson(byte[] payload) throws InvalidArticleEventException {
        return event(tree(payload));
    }

    private JsonNode tree(byte[] payload) throws InvalidArticleEventException {
        if (payload == null || payload.length == 0) {
            throw new InvalidArticleEventException("empty payload");
        }
        try {
            return mapper.readTree(payload);
        } catch (IOException e) {
            throw new InvalidArticleEventException("not JSON: " + firstLine(e.getMessage()), e);
        }
    }

    private ArticleEvent event(JsonNode tree) throws InvalidArticleEventException {
        List<String> violations = validate(tree);
        if (!violations.isEmpty()) {
            throw new InvalidArticleEventException("violates " + SCHEMA_RESOURCE + ": " + String.join("; ", violations));
        }
        ArticleEvent event;
        try {
            event = mapper.treeToValue(tree, ArticleEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidArticleEventException("not an article event: " + firstLine(e.getMessage()), e);
        }
        String expectedId = ArticleId.of(event.title(), event.body());
        if (!expectedId.equals(event.articleId())) {
            throw new InvalidArticleEventException(
                    "articleId " + event.articleId() + " does not match its title and body (expected " + expectedId + ")");
        }
        return event;
    }

    /** Schema violations of a JSON tree, empty when it is a valid event. */
    public List<String> validate(JsonNode tree) {
        Set<ValidationMessage> messages = schema.validate(tree);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    private static JsonSchema loadSchema(String resource) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = ArticleEventCodec.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
