package org.bulletinsearch.ingest.upload;

import static io.restassured.RestAssured.given;
import static io.restassured.config.EncoderConfig.encoderConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.ArticleEventCodec;
import org.bulletinsearch.events.InvalidArticleEventException;

/** Request and assertion helpers shared by the HTTP tests. */
final class Uploads {

    /** RestAssured would otherwise add "charset=ISO-8859-1" to every text/plain request. */
    static final RestAssuredConfig NO_DEFAULT_CHARSET = RestAssured.config()
            .encoderConfig(encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private static final ArticleEventCodec CODEC = new ArticleEventCodec();

    private Uploads() {
    }

    /** A request with the test API key and no charset added behind our back. */
    static RequestSpecification withKey() {
        return given().config(NO_DEFAULT_CHARSET).header("X-API-Key", Fixtures.API_KEY);
    }

    /** Decodes every record with the shared codec: JSON Schema valid, id matching its text, key = id. */
    static List<ArticleEvent> decode(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(record -> {
            try {
                ArticleEvent event = CODEC.fromJson(record.value());
                assertThat(record.key()).as("record key").isEqualTo(event.articleId());
                return event;
            } catch (InvalidArticleEventException e) {
                throw new AssertionError("invalid event on the topic: " + e.getMessage(), e);
            }
        }).toList();
    }
}
