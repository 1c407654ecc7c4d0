package org.bulletinsearch.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.inject.Vetoed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bulletinsearch.events.Entities;
import org.bulletinsearch.events.SightingRetraction.Sighting;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.engine.SearchEngineRequestException;
import org.bulletinsearch.search.engine.SearchEngineUnavailableException;
import org.bulletinsearch.search.indexing.BulkItemOutcome.Kind;
import org.bulletinsearch.search.support.Retries;
import org.junit.jupiter.api.Test;

/**
 * The retry and isolation rules of {@link ArticleIndexer}, with the shared retry policy (short delays),
 * against a scripted engine. The real
 * engine's behaviour is covered by the integration tests; what cannot be provoked there on demand
 * (a whole {@code _bulk} refused with a 4xx, items answered with 429) is covered here.
 */
class ArticleIndexerTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /** An engine whose answer to each {@code _bulk} is computed from the ids it was sent (not a CDI bean). */
    @Vetoed
    static final class ScriptedEngine extends SearchEngine {
        final List<List<String>> requests = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();
        /** "type index id" of every action sent. */
        final List<String> actions = new ArrayList<>();
        private final Function<List<String>, JsonNode> script;

        ScriptedEngine(Function<List<String>, JsonNode> script) {
            super(null, MAPPER);
            this.script = script;
        }

        @Override
        public JsonNode bulk(byte[] ndjson, int length, Map<String, String> parameters) {
            List<String> ids = new ArrayList<>();
            bodies.add(new String(ndjson, 0, length, StandardCharsets.UTF_8));
            String[] lines = bodies.get(bodies.size() - 1).split("\n");
            for (int i = 0; i < lines.length; i++) {
                try {
                    Map.Entry<String, JsonNode> action = MAPPER.readTree(lines[i]).fields().next();
                    ids.add(action.getValue().path("_id").asText());
                    actions.add(action.getKey() + " " + action.getValue().path("_index").asText() + " "
                            + action.getValue().path("_id").asText());
                    if (!action.getKey().equals("delete")) {
                        i++; // its source line
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            requests.add(ids);
            return script.apply(ids);
        }
    }

    /** The alias "articles" on "articles-v3", no reindex running. */
    @Vetoed
    private static class FixedIndex extends IndexManager {
        FixedIndex() {
            super(null, null);
        }

        @Override
        public void ensureIndex() {
        }

        @Override
        public WriteTargets liveTargets() {
            return new WriteTargets("articles", "articles-v3", ArticleDocument.FIELDS, null);
        }
    }

    private static ArticleIndexer indexer(SearchEngine engine, SimpleMeterRegistry registry) {
        IndexingMetrics metrics = new IndexingMetrics(registry);
        FixedIndex index = new FixedIndex();
        return new ArticleIndexer(engine, index, new ReindexJournal(engine, index),
                Retries.policy(Duration.ofMillis(1), Duration.ofMillis(5), metrics::retrying), metrics);
    }

    private static ArticleIndexer.Result index(SearchEngine engine, SimpleMeterRegistry registry,
            List<IndexOperation> operations) {
        ArticleIndexer.Result result = indexer(engine, registry).index(operations).await().atMost(Duration.ofSeconds(30));
        assertThat(registry.get("search.indexing.waiting").gauge().value()).as("nothing held back any more").isZero();
        return result;
    }

    private static ArticleDocument document(String id, String title) {
        return ArticleDocument.of(id, title, "Body of " + title + ".",
                new Sighting("upload-1", "bulletin.txt", 1, Instant.parse("2026-11-30T10:00:00Z")), Entities.NONE);
    }

    private static JsonNode answer(List<String> ids, Function<String, Integer> status) {
        ObjectNode answer = MAPPER.createObjectNode();
        ArrayNode items = answer.putArray("items");
        for (String id : ids) {
            ObjectNode item = items.addObject().putObject("index").put("_id", id).put("status", status.apply(id));
            if (status.apply(id) >= 300 && status.apply(id) != 404) {
                item.putObject("error").put("type", status.apply(id) == 429 ? "es_rejected_execution_exception"
                        : "mapper_parsing_exception").put("reason", "scripted");
            }
        }
        return answer;
    }

    private static List<IndexOperation> documents(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> (IndexOperation) new IndexOperation.Write(document(id, id)))
                .toList();
    }

    @Test
    void retriesOnlyTheItemsTheEngineCouldNotTakeYet() {
        int[] round = {0};
        ScriptedEngine engine = new ScriptedEngine(ids -> {
            round[0]++;
            // "b" is refused with 429 twice, "c" is refused for good
            return answer(ids, id -> id.equals("c") ? 400 : id.equals("b") && round[0] <= 2 ? 429 : 201);
        });
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ArticleIndexer.Result result = index(engine, registry, documents("a", "b", "c", "d"));

        assertThat(result.indexed()).isEqualTo(3);
        assertThat(result.rejected()).extracting(BulkItemOutcome::id).containsExactly("c");
        assertThat(engine.requests).containsExactly(List.of("a", "b", "c", "d"), List.of("b"), List.of("b"));
        assertThat(registry.get("search.indexing.retried").counter().count()).isEqualTo(2);
        assertThat(registry.get("search.indexing.indexed").counter().count()).isEqualTo(3);
    }

    @Test
    void waitsOutAnEngineThatIsDownThenIndexesEverything() {
        int[] calls = {0};
        ScriptedEngine engine = new ScriptedEngine(ids -> {
            if (++calls[0] <= 3) {
                throw new SearchEngineUnavailableException(0, "engine_unavailable", "connection refused", null);
            }
            return answer(ids, id -> 201);
        });
        ArticleIndexer.Result result = index(engine, new SimpleMeterRegistry(), documents("a", "b"));
        assertThat(result.indexed()).isEqualTo(2);
        assertThat(result.rejected()).isEmpty();
        assertThat(engine.requests).hasSize(4);
    }

    @Test
    void aWholeRequestRefusedForGoodIsSplitUntilTheBadDocumentIsIsolated() {
        ScriptedEngine engine = new ScriptedEngine(ids -> {
            if (ids.contains("bad")) {
                throw new SearchEngineRequestException(400, "parse_exception", "request body is broken");
            }
            return answer(ids, id -> 201);
        });
        ArticleIndexer.Result result = index(engine, new SimpleMeterRegistry(),
                documents("a", "b", "c", "bad", "e", "f", "g"));
        assertThat(result.indexed()).isEqualTo(6);
        assertThat(result.rejected()).singleElement().satisfies(refused -> {
            assertThat(refused.id()).isEqualTo("bad");
            assertThat(refused.kind()).isEqualTo(Kind.REJECTED);
            assertThat(refused.errorType()).isEqualTo("parse_exception");
        });
    }

    @Test
    void aRepeatedIdIsSentOnceWithItsLastVersion() {
        ScriptedEngine engine = new ScriptedEngine(ids -> answer(ids, id -> 201));
        List<IndexOperation> operations = List.of(new IndexOperation.Write(document("a", "First version")),
                new IndexOperation.Write(document("b", "Other")), new IndexOperation.Write(document("a", "Second version")));
        ArticleIndexer.Result result = index(engine, new SimpleMeterRegistry(), operations);
        assertThat(result.indexed()).isEqualTo(2);
        assertThat(engine.requests).containsExactly(List.of("b", "a"));
        assertThat(engine.bodies.get(0)).contains("Second version").doesNotContain("First version");
    }

    @Test
    void tombstonesDeleteAndRetractionsUpdateOnlyTheSightingFields() {
        ScriptedEngine engine = new ScriptedEngine(ids -> answer(ids, id -> id.equals("gone") ? 404 : 200));
        Sighting remaining = new Sighting("upload-2", "other.txt", 4, Instant.parse("2026-11-29T08:00:00Z"));
        ArticleIndexer.Result result = index(engine, new SimpleMeterRegistry(), List.of(
                new IndexOperation.Delete("gone"), new IndexOperation.Retract("kept", remaining)));

        assertThat(result.indexed()).as("deleting a document that is not there is done too").isEqualTo(2);
        assertThat(engine.actions).containsExactly("delete articles gone", "update articles kept");
        assertThat(engine.bodies.get(0).lines().toList().get(2)).isEqualTo(
                "{\"doc\":{\"uploadId\":\"upload-2\",\"sourceName\":\"other.txt\",\"position\":4,"
                        + "\"ingestedAt\":\"2026-11-29T08:00:00Z\"}}");
    }

    @Test
    void aRetractionAfterAWriteInTheSameBatchRepointsTheWrittenDocument() {
        ScriptedEngine engine = new ScriptedEngine(ids -> answer(ids, id -> 201));
        Sighting remaining = new Sighting("upload-2", "other.txt", 4, Instant.parse("2026-11-29T08:00:00Z"));
        index(engine, new SimpleMeterRegistry(), List.of(new IndexOperation.Write(document("a", "Kept article")),
                new IndexOperation.Retract("a", remaining)));
        assertThat(engine.actions).containsExactly("index articles a");
        assertThat(engine.bodies.get(0)).contains("Kept article").contains("\"uploadId\":\"upload-2\"")
                .contains("\"sourceName\":\"other.txt\"");
    }

    @Test
    void aSightingAfterADeletionInTheSameBatchBringsTheArticleBackAndADeletionAfterItWins() {
        ScriptedEngine engine = new ScriptedEngine(ids -> answer(ids, id -> 201));
        index(engine, new SimpleMeterRegistry(), List.of(new IndexOperation.Delete("back"),
                new IndexOperation.Write(document("back", "Back again")), new IndexOperation.Write(document("gone", "Gone")),
                new IndexOperation.Delete("gone"), new IndexOperation.Delete("gone2"),
                new IndexOperation.Retract("gone2", new Sighting("u", "s.txt", 1, Instant.EPOCH))));
        assertThat(engine.actions).containsExactly("index articles back", "delete articles gone",
                "delete articles gone2");
    }

    @Test
    void whileAReindexBuildsEveryChangeGoesToBothIndicesAndADocumentRefusedByEitherIsRefused() {
        ScriptedEngine engine = new ScriptedEngine(ids -> answer(ids, id -> 201));
        IndexingMetrics metrics = new IndexingMetrics(new SimpleMeterRegistry());
        List<List<IndexOperation>> journaled = new ArrayList<>();
        FixedIndex index = new FixedIndex() {
            @Override
            public WriteTargets liveTargets() {
                return new WriteTargets("articles", "articles-v3", ArticleDocument.FIELDS, "articles-next");
            }
        };
        ReindexJournal journal = new ReindexJournal(engine, index) {
            @Override
            public void record(List<IndexOperation> operations) {
                journaled.add(operations);
            }
        };
        ArticleIndexer indexer = new ArticleIndexer(engine, index, journal,
                Retries.policy(Duration.ofMillis(1), Duration.ofMillis(5), metrics::retrying), metrics);
        indexer.index(List.of(new IndexOperation.Write(document("a", "A")), new IndexOperation.Delete("b")))
                .await().atMost(Duration.ofSeconds(30));

        assertThat(engine.actions).containsExactly("index articles a", "index articles-next a",
                "delete articles b", "delete articles-next b");
        assertThat(journaled).singleElement().satisfies(batch -> assertThat(batch).extracting(IndexOperation::kind)
                .containsExactly("written", "deleted"));
    }

    /** Fails half-way through serialization, after its first field is written. */
    public record Unserializable(String id) {
        public String getBroken() {
            throw new IllegalStateException("cannot render");
        }
    }

    @Test
    void aDocumentThatDoesNotSerializeIsRefusedAloneAndLeavesNothingInTheRequest() {
        ScriptedEngine engine = new ScriptedEngine(ids -> answer(ids, id -> 201));
        ArticleIndexer.Result result = indexer(engine, new SimpleMeterRegistry())
                .write("test", documents("a", "broken", "c"), pending -> operation -> List.of(new BulkAction("index",
                        "articles", true, operation.id(), operation.id().equals("broken")
                                ? new Unserializable("broken") : Map.of("id", operation.id()), null)))
                .await().atMost(Duration.ofSeconds(30));

        assertThat(result.indexed()).isEqualTo(2);
        assertThat(result.rejected()).singleElement().satisfies(refused -> {
            assertThat(refused.id()).isEqualTo("broken");
            assertThat(refused.errorType()).isEqualTo("not_serializable");
        });
        assertThat(engine.requests).containsExactly(List.of("a", "c"));
        assertThat(engine.bodies).singleElement().satisfies(body -> {
            assertThat(body).doesNotContain("broken");
            assertThat(body.lines()).hasSize(4).allSatisfy(line -> assertThat(MAPPER.readTree(line).isObject()).isTrue());
        });
    }
}
