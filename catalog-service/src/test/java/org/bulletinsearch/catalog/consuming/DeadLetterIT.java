package org.bulletinsearch.catalog.consuming;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bulletinsearch.servicetesting.ArticlesTopic.header;
import static org.bulletinsearch.servicetesting.ArticlesTopic.utf8;
import static org.hamcrest.Matchers.contains;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bulletinsearch.catalog.support.Bulletins;
import org.bulletinsearch.catalog.support.Metrics;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.DeadLetterHeaders;
import org.bulletinsearch.events.InvalidArticleEventException;
import org.bulletinsearch.events.Topics;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.junit.jupiter.api.Test;

/** Poison records go to the dead-letter topic, with reasons, and the valid records around them are stored. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class DeadLetterIT {

    @Test
    void deadLettersPoisonRecordsWithTheirReasonAndStoresTheirValidNeighbours() throws IOException {
        String uploadId = Bulletins.newUploadId();
        String tag = "poison-" + uploadId;
        List<ArticleEvent> valid = Bulletins.upload(uploadId, "mixed-bag.txt", Instant.now(), Bulletins.articles(tag, 0, 4));
        ArticleEvent spare = Bulletins.upload(uploadId, "mixed-bag.txt", Instant.now(), Bulletins.articles(tag, 4, 1)).get(0);

        byte[] validJson = ArticlesTopic.CODEC.toJson(spare);
        ObjectNode withoutTitle = (ObjectNode) ArticlesTopic.CODEC.mapper().readTree(validJson);
        withoutTitle.remove("title");
        withoutTitle.put("position", 0);
        ObjectNode wrongId = (ObjectNode) ArticlesTopic.CODEC.mapper().readTree(validJson);
        wrongId.put("articleId", valid.get(0).articleId());
        // Valid for the contract (JSON, schema, id), but PostgreSQL text cannot hold a NUL character.
        ArticleEvent withNul = ArticleEvent.of("Kestrel Bay ferry notice " + tag,
                "Crossings resume on Monday.\u0000 Tickets bought for the cancelled sailings remain valid.",
                "mixed-bag.txt", uploadId, 9, Instant.now());

        Map<String, Poison> poisons = new LinkedHashMap<>();
        poisons.put("not json", new Poison("html-" + tag, utf8("<html><body>502 Bad Gateway</body></html>"), "not JSON"));
        poisons.put("truncated", new Poison("cut-" + tag, Arrays.copyOf(validJson, validJson.length / 2), "not JSON"));
        poisons.put("no title", new Poison(spare.articleId(), ArticlesTopic.CODEC.mapper().writeValueAsBytes(withoutTitle),
                "violates"));
        poisons.put("wrong id", new Poison(spare.articleId(), ArticlesTopic.CODEC.mapper().writeValueAsBytes(wrongId),
                "does not match"));
        poisons.put("empty", new Poison("empty-" + tag, new byte[0], "empty payload"));
        poisons.put("nul", new Poison(withNul.articleId(), ArticlesTopic.CODEC.toJson(withNul), "refused by the catalog database"));

        // Valid and poison records interleaved on one partition, in one go: they share batches.
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<Poison> poisonList = List.copyOf(poisons.values());
        for (int i = 0; i < poisonList.size(); i++) {
            if (i < valid.size()) {
                records.add(ArticlesTopic.record(0, valid.get(i)));
            }
            records.add(ArticlesTopic.raw(0, poisonList.get(i).key(), poisonList.get(i).value()));
        }
        double notJsonBefore = Metrics.value("catalog_events_dead_lettered_total", "reason=\"not-json\"");
        double refusedBefore = Metrics.value("catalog_events_dead_lettered_total", "reason=\"store-refused\"");

        List<RecordMetadata> sent = ArticlesTopic.send(records);

        await("valid neighbours stored").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (ArticleEvent event : valid) {
                given().get("/articles/{id}", event.articleId()).then().statusCode(200);
            }
        });
        given().get("/uploads/{id}", uploadId).then().statusCode(200)
                .body("articles.position", contains(1, 2, 3, 4));
        given().get("/articles/{id}", withNul.articleId()).then().statusCode(404);

        Set<String> sentOffsets = sent.stream().map(m -> Long.toString(m.offset())).collect(Collectors.toSet());
        List<ConsumerRecord<byte[], byte[]>> deadLetters = ArticlesTopic.readDeadLetters(
                record -> "0".equals(header(record, DeadLetterHeaders.PARTITION))
                        && Topics.ARTICLES.equals(header(record, DeadLetterHeaders.TOPIC))
                        && sentOffsets.contains(header(record, DeadLetterHeaders.OFFSET)),
                poisons.size());

        assertThat(deadLetters).hasSize(poisons.size());
        for (Map.Entry<String, Poison> entry : poisons.entrySet()) {
            Poison poison = entry.getValue();
            ConsumerRecord<byte[], byte[]> letter = deadLetters.stream()
                    .filter(record -> Arrays.equals(record.value(), poison.value()) && Arrays.equals(record.key(), utf8(poison.key())))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no dead letter for the '" + entry.getKey() + "' record"));
            assertThat(header(letter, DeadLetterHeaders.REASON)).as(entry.getKey()).contains(poison.reasonContains());
            assertThat(header(letter, DeadLetterHeaders.CONSUMER)).isEqualTo("catalog-service");
            assertThat(header(letter, DeadLetterHeaders.CAUSE)).isNotBlank();
            int index = records.indexOf(records.stream()
                    .filter(r -> Arrays.equals(r.value(), poison.value()) && Arrays.equals(r.key(), utf8(poison.key())))
                    .findFirst().orElseThrow());
            assertThat(header(letter, DeadLetterHeaders.OFFSET)).isEqualTo(Long.toString(sent.get(index).offset()));
        }
        assertThat(header(deadLetters.stream().filter(r -> Arrays.equals(r.value(), poisons.get("not json").value()))
                .findFirst().orElseThrow(), DeadLetterHeaders.CAUSE)).isEqualTo(InvalidArticleEventException.class.getName());

        assertThat(Metrics.value("catalog_events_dead_lettered_total", "reason=\"not-json\""))
                .isGreaterThanOrEqualTo(notJsonBefore + 2);
        assertThat(Metrics.value("catalog_events_dead_lettered_total", "reason=\"store-refused\""))
                .isGreaterThanOrEqualTo(refusedBefore + 1);
    }

    private record Poison(String key, byte[] value, String reasonContains) {
    }
}
