package org.bulletinsearch.catalog.consuming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.bulletinsearch.consumption.ConsumedRecord;
import org.bulletinsearch.consumption.DeadLetter;
import org.bulletinsearch.events.ArticleEventCodec;
import org.bulletinsearch.events.InvalidArticleEventException;
import org.junit.jupiter.api.Test;

/**
 * Dead-letter categories (the shared {@link DeadLetter}) follow what the event contract's codec really
 * reports for the payloads the catalog meets, so that the catalog's metrics stay meaningful.
 */
class DeadLetterCategoryTest {

    private final ArticleEventCodec codec = new ArticleEventCodec();

    @Test
    void namesTheCategoryOfEachCodecRefusal() {
        assertThat(categoryOf(new byte[0])).isEqualTo("empty");
        assertThat(categoryOf("<html>".getBytes(StandardCharsets.UTF_8))).isEqualTo("not-json");
        assertThat(categoryOf("{\"schemaVersion\": 1}".getBytes(StandardCharsets.UTF_8))).isEqualTo("schema");
        assertThat(categoryOf(("{\"schemaVersion\":1,\"articleId\":\"0123456789abcdef0123456789abcdef\",\"title\":\"A\","
                + "\"body\":\"B\",\"sourceName\":\"s.txt\",\"uploadId\":\"u\",\"position\":1,"
                + "\"ingestedAt\":\"2026-03-02T09:15:00Z\"}").getBytes(StandardCharsets.UTF_8))).isEqualTo("id-mismatch");
    }

    private String categoryOf(byte[] payload) {
        try {
            codec.fromJson(payload);
            throw new AssertionError("the codec accepted the payload");
        } catch (InvalidArticleEventException e) {
            ConsumedRecord record = new ConsumedRecord(null, payload, "t", 0, 0);
            return DeadLetter.undecodable(record, e).category();
        }
    }
}
