package org.bulletinsearch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleEventCodecTest {

    private final ArticleEventCodec codec = new ArticleEventCodec();

    private final ArticleEvent event = ArticleEvent.of(
            "Customs laboratory accredited for spirits testing",
            "The laboratory can now certify alcohol strength for export consignments without a second test abroad.",
            "weekly-2026-47.txt", "3f1c7a52-8a43-4c8e-9f5e-0c2f4f2b9d11", 3, Instant.parse("2026-11-25T10:15:30.123Z"));

    @Test
    void jsonRoundTripKeepsEveryField() throws Exception {
        byte[] json = codec.toJson(event);
        assertThat(codec.fromJson(json)).isEqualTo(event);
    }

    @Test
    void jsonFormUsesIsoTimestampsAndFieldNamesOfTheContract() throws Exception {
        JsonNode tree = codec.mapper().readTree(codec.toJson(event));
        assertThat(tree.get("ingestedAt").asText()).isEqualTo("2026-11-25T10:15:30.123Z");
        assertThat(tree.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(tree.get("articleId").asText()).isEqualTo(event.articleId());
        assertThat(tree.fieldNames()).toIterable().containsExactly(
                "schemaVersion", "articleId", "title", "body", "sourceName", "uploadId", "position", "ingestedAt");
    }

    @Test
    void schemaAcceptsWhatTheRecordWrites() throws Exception {
        JsonNode tree = codec.mapper().readTree(codec.toJson(event));
        assertThat(codec.validate(tree)).isEmpty();
    }

    @Test
    void schemaRejectsAMissingField() throws Exception {
        ObjectNode tree = (ObjectNode) codec.mapper().readTree(codec.toJson(event));
        tree.remove("body");
        assertThat(codec.validate(tree)).anySatisfy(m -> assertThat(m).contains("body"));
        assertThatThrownBy(() -> codec.fromJson(codec.mapper().writeValueAsBytes(tree)))
                .isInstanceOf(InvalidArticleEventException.class)
                .hasMessageContaining("body");
    }

    @Test
    void schemaRejectsWrongTypesAndValues() throws Exception {
        ObjectNode tree = (ObjectNode) codec.mapper().readTree(codec.toJson(event));
        tree.put("position", "third");
        tree.put("articleId", "XYZ");
        tree.put("ingestedAt", "yesterday");
        tree.put("schemaVersion", 99);
        assertThat(codec.validate(tree))
                .anySatisfy(m -> assertThat(m).contains("position"))
                .anySatisfy(m -> assertThat(m).contains("articleId"))
                .anySatisfy(m -> assertThat(m).contains("ingestedAt"))
                .anySatisfy(m -> assertThat(m).contains("schemaVersion"));
    }

    @Test
    void unknownPropertiesAreToleratedForForwardCompatibility() throws Exception {
        ObjectNode tree = (ObjectNode) codec.mapper().readTree(codec.toJson(event));
        tree.put("language", "en");
        assertThat(codec.fromJson(codec.mapper().writeValueAsBytes(tree))).isEqualTo(event);
    }

    @Test
    void rejectsPayloadThatIsNotJson() {
        assertThatThrownBy(() -> codec.fromJson("<xml/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidArticleEventException.class)
                .hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> codec.fromJson(new byte[0]))
                .isInstanceOf(InvalidArticleEventException.class)
                .hasMessage("empty payload");
    }

    @Test
    void rejectsAnIdThatDoesNotMatchTheText() throws Exception {
        ObjectNode tree = (ObjectNode) codec.mapper().readTree(codec.toJson(event));
        tree.put("title", "A different title");
        assertThatThrownBy(() -> codec.fromJson(codec.mapper().writeValueAsBytes(tree)))
                .isInstanceOf(InvalidArticleEventException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void eventFactoryNormalizesTheText() {
        ArticleEvent messy = ArticleEvent.of("\uFEFFCustoms laboratory accredited for spirits testing  ",
                event.body().replace(" ", "\r\n"), event.sourceName(), event.uploadId(), 3, event.ingestedAt());
        assertThat(messy).isEqualTo(event);
    }
}
