package org.bulletinsearch.search.indexing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bulletinsearch.search.support.SearchApi.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.LifecycleHeaders;
import org.bulletinsearch.events.SightingRetraction;
import org.bulletinsearch.events.SightingRetraction.Sighting;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.support.CatalogExportStub;
import org.bulletinsearch.search.support.SearchApi;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Rebuilding the index from the catalog without downtime. The catalog is {@link CatalogExportStub} (its
 * export contract, served from memory; see there why not the catalog service itself), holding 30,000 articles.
 * The application starts on an alias whose index has the previous definition: it reindexes by itself (the
 * first test), which is how the 30,000 articles get indexed. Then {@code POST /admin/reindex} rebuilds it again
 * while searches run in a loop and the topic brings new articles, deletions and retractions; the export is
 * held back in mid-run until they all reached the index in use, so they certainly happen during the run.
 *
 * <p>Runs last: it starts an application of its own (its own alias, consumer group and catalog), which the
 * classes sharing the default one must not find in their midst.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
@QuarkusTestResource(value = CatalogExportStub.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Integer.MAX_VALUE)
class ReindexIT {

    private static final String API_KEY = "test-admin-key";
    private static final String ALIAS = CatalogExportStub.ALIAS;
    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

    @Inject
    SearchEngine engine;

    @Inject
    ObjectMapper mapper;

    @Inject
    IndexManager indexManager;

    /** The name of an index a reindex builds with this release's mapping version. */
    private String builtIndexPattern() {
        return ALIAS + "-v" + indexManager.mappingVersion() + "-\\d{14}";
    }

    private static long total(Object... parameters) {
        List<Object> all = new ArrayList<>(List.of(parameters));
        all.add("size");
        all.add(0);
        return search(all.toArray()).getLong("total");
    }

    private String aliasTarget() {
        JsonNode rows = engine.send("GET", "/_cat/aliases/" + ALIAS, java.util.Map.of("format", "json"), null);
        return rows.size() == 1 ? rows.get(0).path("index").asText() : null;
    }

    private boolean exists(String index) {
        return engine.exists("/" + index);
    }

    private JsonNode document(String index, String id) {
        return engine.find("/" + index + "/_doc/" + id).orElseThrow();
    }

    @Test
    @Order(1)
    void aStartWithANewerMappingVersionReindexesByItself() {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> aliasTarget() != null && aliasTarget().matches(builtIndexPattern()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !exists(CatalogExportStub.LEGACY_INDEX));

        assertThat(total("uploadId", CatalogExportStub.CORPUS_UPLOAD)).isEqualTo(CatalogExportStub.CORPUS_SIZE);
        ArticleEvent legacy = CatalogExportStub.LEGACY.iterator().next();
        JsonNode document = document(ALIAS, legacy.articleId()).path("_source");
        assertThat(document.path("title").asText()).isEqualTo(legacy.title());
        assertThat(document.path("country").toString()).as("entities derived where the catalog has none")
                .isEqualTo("[\"Kenya\"]");
        JsonNode job = engine.send("POST", "/" + ALIAS + "-reindex/_search", mapper.createObjectNode().put("size", 10))
                .path("hits").path("hits").findValues("_source").stream()
                .filter(source -> "done".equals(source.path("status").asText())).findFirst().orElseThrow();
        assertThat(job.path("trigger").asText()).isEqualTo("startup");
        assertThat(job.path("previousIndex").asText()).isEqualTo(CatalogExportStub.LEGACY_INDEX);
        System.out.printf("[reindex] start-up reindex: %d articles from the catalog at %.1f articles/s%n",
                job.path("indexed").asLong(), job.path("rate").asDouble());
    }

    @Test
    @Order(2)
    void aReindexUnderLiveTrafficNeverFailsASearchAndLosesNoChange() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String doomedUpload = "doomed-" + run;
        String stayUpload = "stay-" + run;
        String movingUpload = "moving-" + run;
        String liveUpload = "live-" + run;
        // Articles the index and the export hold before the run: 100 to be deleted and 20 to lose a sighting.
        List<ArticleEvent> doomed = articles("doomed " + run, 100, doomedUpload, "doomed.txt");
        List<ArticleEvent> stay = articles("moving " + run, 20, stayUpload, "stay.txt");
        List<ArticleEvent> moving = stay.stream().map(e -> ArticleEvent.of(e.title(), e.body(), "moving.txt",
                movingUpload, e.position(), MONDAY.plusSeconds(3600))).toList();
        ArticlesTopic.publish(doomed);
        ArticlesTopic.publish(stay);
        ArticlesTopic.publish(moving);
        CatalogExportStub.put(doomed);
        CatalogExportStub.put(moving);
        SearchApi.awaitIndexed(doomedUpload, 100);
        SearchApi.awaitIndexed(movingUpload, 20);

        long corpus = total("uploadId", CatalogExportStub.CORPUS_UPLOAD);
        long word = total("q", CatalogExportStub.CORPUS_WORD);
        assertThat(corpus).isEqualTo(CatalogExportStub.CORPUS_SIZE);
        String before = aliasTarget();

        given().post("/admin/reindex").then().statusCode(401).contentType("application/problem+json");
        CatalogExportStub.holdAt(5);
        SearchLoop loop = new SearchLoop(corpus, word);
        loop.start();
        // the start-up job releases its lock once its grace period ended
        Response started = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().header("X-API-Key", API_KEY).post("/admin/reindex"), r -> r.statusCode() != 409);
        started.then().statusCode(202);
        String id = started.jsonPath().getString("id");
        assertThat(started.jsonPath().getString("status")).isEqualTo("running");
        assertThat(started.header("Location")).endsWith("/admin/reindex/" + id);
        given().header("X-API-Key", API_KEY).post("/admin/reindex").then().statusCode(409)
                .contentType("application/problem+json").body("job", org.hamcrest.Matchers.equalTo(id));

        // the backfill is held at its sixth page: everything below happens during the run
        await().atMost(Duration.ofMinutes(2)).until(() -> CatalogExportStub.pagesServed() > 5);
        List<ArticleEvent> live = articles("live " + run, 200, liveUpload, "live.txt");
        List<ProducerRecord<byte[], byte[]>> changes = new ArrayList<>(ArticlesTopic.records(null, live));
        doomed.forEach(event -> changes.add(tombstone(event.articleId())));
        stay.forEach(event -> changes.add(retraction(event, movingUpload)));
        Collections.shuffle(changes, new java.util.Random(15));
        ArticlesTopic.publishRecords(changes);
        SearchApi.awaitIndexed(liveUpload, 200);
        SearchApi.awaitIndexed(doomedUpload, 0);
        SearchApi.awaitIndexed(stayUpload, 20);
        JsonPath during = status(id);
        assertThat(during.getString("status")).isEqualTo("running");
        assertThat(during.getLong("fromCatalog.read")).isLessThan(during.getLong("fromCatalog.total"));
        assertThat(during.getLong("etaSeconds")).as("time left at the rate so far").isPositive();
        assertThat(aliasTarget()).isEqualTo(before);

        CatalogExportStub.release();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> !"running".equals(status(id).getString("status")));
        loop.stop();
        JsonPath done = status(id);
        System.out.printf("[reindex] API reindex: %d articles from the catalog at %.1f articles/s, %d changes replayed;"
                + " %s%n", done.getLong("indexed"), done.getDouble("rate"), done.getLong("changesReplayed"), loop);

        assertThat(done.getString("status")).isEqualTo("done");
        assertThat(done.getLong("fromCatalog.read")).isEqualTo(done.getLong("fromCatalog.total"))
                .isEqualTo(CatalogExportStub.size());
        assertThat(loop.failures).as("searches that failed during the reindex").isEmpty();
        assertThat(loop.fewest(0)).as("fewest corpus hits seen").isGreaterThanOrEqualTo(corpus);
        assertThat(loop.fewest(1)).as("fewest hits of a word query seen").isGreaterThanOrEqualTo(word);
        assertThat(loop.searches.get()).isGreaterThan(10);

        String after = aliasTarget();
        assertThat(after).isEqualTo(done.getString("index")).isNotEqualTo(before).matches(builtIndexPattern());
        await().atMost(Duration.ofSeconds(30)).until(() -> !exists(before));
        assertThat(total("uploadId", CatalogExportStub.CORPUS_UPLOAD)).isEqualTo(corpus);
        assertThat(total("uploadId", liveUpload)).as("live articles, not in the export").isEqualTo(200);
        assertThat(total("uploadId", doomedUpload)).as("deleted during the run, still in the export").isZero();
        doomed.forEach(event -> assertThat(engine.find("/" + after + "/_doc/" + event.articleId())
                .map(doc -> doc.path("found").asBoolean()).orElse(false)).isFalse());
        assertThat(total("uploadId", movingUpload)).as("retracted during the run, still in the export").isZero();
        assertThat(total("uploadId", stayUpload)).isEqualTo(20);
        assertThat(document(after, stay.get(0).articleId()).path("_source").path("sourceName").asText())
                .isEqualTo("stay.txt");
    }

    @Test
    @Order(3)
    void aCatalogThatRefusesTheExportFailsTheJobWhichRemovesWhatItBuilt() {
        String serving = aliasTarget();
        long corpus = total("uploadId", CatalogExportStub.CORPUS_UPLOAD);
        CatalogExportStub.refuseWith(400);
        try {
            Response started = await().atMost(Duration.ofSeconds(30)).until(
                    () -> given().header("X-API-Key", API_KEY).post("/admin/reindex"), r -> r.statusCode() != 409);
            started.then().statusCode(202);
            String id = started.jsonPath().getString("id");
            String building = started.jsonPath().getString("index");
            await().atMost(Duration.ofMinutes(1)).until(() -> !"running".equals(status(id).getString("status")));
            JsonPath failed = status(id);
            assertThat(failed.getString("status")).isEqualTo("failed");
            assertThat(failed.getString("error")).contains("400");
            assertThat(failed.getString("finishedAt")).isNotNull();
            assertThat(aliasTarget()).isEqualTo(serving);
            assertThat(exists(building)).as("the half-built index is deleted").isFalse();
            assertThat(total("uploadId", CatalogExportStub.CORPUS_UPLOAD)).isEqualTo(corpus);
        } finally {
            CatalogExportStub.refuseWith(0);
        }
        given().header("X-API-Key", API_KEY).get("/admin/reindex/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static List<ArticleEvent> articles(String topic, int count, String uploadId, String source) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> ArticleEvent.of("Reindex " + topic + " article " + i,
                "Article " + i + " about " + topic + " arrives while the index is rebuilt.", source, uploadId, i,
                MONDAY)).toList();
    }

    private static ProducerRecord<byte[], byte[]> tombstone(String id) {
        ProducerRecord<byte[], byte[]> record = ArticlesTopic.raw(null, id, null);
        record.headers().add(LifecycleHeaders.DELETED_BY, ArticlesTopic.utf8("ops"))
                .add(LifecycleHeaders.DELETED_AT, ArticlesTopic.utf8(Instant.now().toString()));
        return record;
    }

    private static ProducerRecord<byte[], byte[]> retraction(ArticleEvent remaining, String retractedUpload) {
        SightingRetraction retraction = SightingRetraction.of(remaining.articleId(), retractedUpload, Instant.now(),
                "ops", "", new Sighting(remaining.uploadId(), remaining.sourceName(), remaining.position(),
                        remaining.ingestedAt()));
        return ArticlesTopic.raw(null, remaining.articleId(), ArticlesTopic.CODEC.toJson(retraction));
    }

    private static JsonPath status(String id) {
        return given().header("X-API-Key", API_KEY).get("/admin/reindex/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    /**
     * Searches in a loop on a thread of its own, over plain HTTP: the corpus's upload browsed, and a word of the
     * corpus queried; records failures, the fewest hits each returned and the latencies.
     */
    private static final class SearchLoop {
        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicLong searches = new AtomicLong();
        private final AtomicLong[] fewest = {new AtomicLong(Long.MAX_VALUE), new AtomicLong(Long.MAX_VALUE)};
        private final List<Long> micros = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<URI> queries;
        private final HttpClient client = HttpClient.newHttpClient();
        private final ObjectMapper json = new ObjectMapper();
        private Thread thread;

        SearchLoop(long corpus, long word) {
            String base = "http://localhost:" + RestAssured.port + "/search?size=3&";
            queries = List.of(URI.create(base + "uploadId=" + CatalogExportStub.CORPUS_UPLOAD),
                    URI.create(base + "q=" + URLEncoder.encode(CatalogExportStub.CORPUS_WORD + " customs",
                            StandardCharsets.UTF_8).replace("+", "%20")));
        }

        void start() {
            thread = new Thread(() -> {
                while (running.get()) {
                    for (int i = 0; i < queries.size(); i++) {
                        once(i);
                    }
                }
            }, "search-loop");
            thread.start();
        }

        private void once(int query) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(queries.get(query)).build(),
                        HttpResponse.BodyHandlers.ofString());
                micros.add((System.nanoTime() - start) / 1000);
                searches.incrementAndGet();
                if (response.statusCode() != 200) {
                    failures.add(response.statusCode() + " " + response.body());
                    return;
                }
                fewest[query].accumulateAndGet(json.readTree(response.body()).path("total").asLong(), Math::min);
            } catch (Exception e) {
                failures.add(e.toString());
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        long fewest(int query) {
            return fewest[query].get();
        }

        @Override
        public String toString() {
            List<Long> sorted = micros.stream().sorted().toList();
            return String.format("%d searches during the run, p50 %.1f ms, p99 %.1f ms, fewest hits %d / %d",
                    searches.get(), sorted.get(sorted.size() / 2) / 1000.0,
                    sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100)) / 1000.0, fewest(0), fewest(1));
        }
    }
}
