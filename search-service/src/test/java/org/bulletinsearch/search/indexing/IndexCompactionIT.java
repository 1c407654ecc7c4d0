package org.bulletinsearch.search.indexing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bulletinsearch.search.support.SearchApi.search;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.support.SearchApi;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Once the engine is quiet, the searched index is merged into one segment by itself, through Kafka and the real
 * engine, and every article is still found.
 *
 * <p>Runs after every class that shares the default application (its profile starts another one, and Quarkus cannot
 * go back to a closed one), before {@link ReindexIT}, which starts one of its own.
 */
@QuarkusTest
@TestProfile(IndexCompactionIT.QuickCompaction.class)
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
@Order(Integer.MAX_VALUE - 1)
class IndexCompactionIT {

    /** A quiet second is enough, and any index of more than one segment is merged. */
    public static class QuickCompaction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("search.index.compaction.idle", "1s", "search.index.compaction.above-segments", "1");
        }
    }

    @Inject
    SearchEngine engine;

    @Inject
    IndexManager indexManager;

    private int segments() {
        return engine.send("GET", "/" + indexManager.alias() + "/_stats/segments", null)
                .path("_all").path("primaries").path("segments").path("count").asInt();
    }

    private static double compactionsAsked() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("search_index_compactions_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aQuietIndexIsMergedIntoOneSegmentAndFindsEveryArticleAfterwards() {
        String marker = "compact" + UUID.randomUUID().toString().substring(0, 8);
        // three uploads searchable one after the other: each refresh writes a segment of its own
        for (int upload = 1; upload <= 3; upload++) {
            String uploadId = "compaction-" + upload + "-" + UUID.randomUUID();
            Instant at = Instant.parse("2026-12-01T09:00:00Z").plusSeconds(upload * 60L);
            ArticlesTopic.publish(List.of(
                    ArticleEvent.of("Compaction " + marker + " first of upload " + upload,
                            "Kept after the merge: " + marker + ", the first article.", "compaction.txt", uploadId, 1,
                            at),
                    ArticleEvent.of("Compaction " + marker + " second of upload " + upload,
                            "Kept after the merge: " + marker + ", the second article.", "compaction.txt", uploadId, 2,
                            at)));
            SearchApi.awaitIndexed(uploadId, 2);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> segments() == 1);
        assertThat(search("q", marker, "size", 0).getLong("total")).isEqualTo(6);
        // the engine records the merge's end in its own .tasks index: that is no write that starts a new spell
        double asked = compactionsAsked();
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> compactionsAsked() == asked);
    }
}
