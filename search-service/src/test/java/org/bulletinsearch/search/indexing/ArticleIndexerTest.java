package org.bulletinsearch.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.inject.Vetoed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** An engine whose answer to each {@code _bulk} is computed from the ids it was sent (not a CDI bean). */
    @Vetoed
    static final class ScriptedEngine extends SearchEngine {
        final List<List<String>> requests = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();
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
            for (int i = 0; i < lines.length; i += 2) {
                try {
                    ids.add(MAPPER.readTree(lines[i]).path("index").path("_id").asText());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            requests.add(ids);
            return script.apply(ids);
        }
    }

    @Vetoed
    private static final class FixedIndex extends IndexManager {
        FixedIndex() {
            super(null, null);
        }

        @Override
        public void ensureIndex() {
        }

        @Override
        public String indexName() {
            return "articles-v1";
        }
    }

    private static ArticleIndexer.Result index(SearchEngine engine, SimpleMeterRegistry registry,
            List<IndexDocument> documents) {
        IndexingMetrics metrics = new IndexingMetrics(registry);
        ArticleIndexer indexer = new ArticleIndexer(engine, new FixedIndex(),
                Retries.policy(Duration.ofMillis(1), Duration.ofMillis(5), metrics::retrying), metrics);
        ArticleIndexer.Result result = indexer.index(documents).await().atMost(Duration.ofSeconds(30));
        assertThat(registry.get("search.indexing.waiting").gauge().value()).as("nothing held back any more").isZero();
        return result;
    }

    private static JsonNode answer(List<String> ids, Function<String, Integer> status) {
        ObjectNode answer = MAPPER.createObjectNode();
        ArrayNode items = answer.putArray("items");
        for (String id : ids) {
            ObjectNode item = items.addObject().putObject("index").put("_id", id).put("status", status.apply(id));
            if (status.apply(id) >= 300) {
                item.putObject("error").put("type", status.apply(id) == 429 ? "es_rejected_execution_exception"
                        : "mapper_parsing_exception").put("reason", "scripted");
            }
        }
        return answer;
    }

    private static List<IndexDocument> documents(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> new IndexDocument(id, Map.of("id", id))).toList();
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
        List<IndexDocument> documents = List.of(new IndexDocument("a", Map.of("v", 1)), new IndexDocument("b", Map.of()),
                new IndexDocument("a", Map.of("v", 2)));
        ArticleIndexer.Result result = index(engine, new SimpleMeterRegistry(), documents);
        assertThat(result.indexed()).isEqualTo(2);
        assertThat(engine.requests).containsExactly(List.of("b", "a"));
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
        List<IndexDocument> documents = List.of(new IndexDocument("a", Map.of("id", "a")),
                new IndexDocument("broken", new Unserializable("broken")), new IndexDocument("c", Map.of("id", "c")));
        ArticleIndexer.Result result = index(engine, new SimpleMeterRegistry(), documents);

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
