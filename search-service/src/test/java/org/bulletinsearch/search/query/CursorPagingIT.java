package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulletinsearch.search.support.SearchApi.allIds;
import static org.bulletinsearch.search.support.SearchApi.ids;
import static org.bulletinsearch.search.support.SearchApi.search;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.support.SearchApi;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paging through a few hundred hits with the cursor: every hit exactly once, in order. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
class CursorPagingIT {

    @Inject
    SearchEngine engine;

    private static final int PER_UPLOAD = 100;
    private static final String[] WORDS = {"cargo", "manifest", "berth", "crane", "tonnage", "pilot", "tug", "harbour",
            "container", "vessel", "draught", "ballast", "mooring", "lighter", "bunker", "wharf", "stevedore", "lashing"};
    private static List<String> uploads;

    @BeforeEach
    void publish() {
        synchronized (CursorPagingIT.class) {
            if (uploads != null) {
                return;
            }
            Random random = new Random(42);
            List<String> created = new ArrayList<>();
            for (int u = 0; u < 3; u++) {
                String uploadId = "paging-" + UUID.randomUUID();
                Instant ingestedAt = Instant.parse("2024-09-01T12:00:00Z").plusSeconds(86_400L * u);
                List<ArticleEvent> events = new ArrayList<>();
                for (int i = 1; i <= PER_UPLOAD; i++) {
                    int n = u * PER_UPLOAD + i;
                    StringBuilder body = new StringBuilder();
                    // 1 to 3 mentions of the shared word give a spread of scores, many of them tied
                    int mentions = 1 + random.nextInt(3);
                    for (int w = 0; w < 12; w++) {
                        body.append(w < mentions ? "quayside" : WORDS[random.nextInt(WORDS.length)]).append(' ');
                    }
                    body.append("note ").append(n).append('.');
                    events.add(ArticleEvent.of("Tonnage note " + n, body.toString(), "paging-" + u + ".txt", uploadId, i,
                            ingestedAt));
                }
                ArticlesTopic.publish(events);
                created.add(uploadId);
            }
            SearchApi.awaitIndexed(created, 3L * PER_UPLOAD);
            // Relevance cursors assume the index holds still: the vector filler's updates while the pages are
            // walked re-index the documents and shift the term statistics, hence the scores.
            SearchApi.awaitVectors();
            uploads = created;
        }
    }

    @Test
    void relevancePagesCoverEveryHitExactlyOnce() {
        List<String> ids = allIds(7, "q", "quayside", "uploadId", uploads);
        assertThat(ids).hasSize(300);
        assertThat(new HashSet<>(ids)).hasSize(300);
        assertThat(search("q", "quayside", "uploadId", uploads, "size", 0).getLong("total")).isEqualTo(300);
    }

    @Test
    void datePagesCoverEveryHitExactlyOnceNewestFirst() {
        List<String> ids = allIds(100, "uploadId", uploads, "sort", "date");
        assertThat(ids).hasSize(300).doesNotHaveDuplicates();

        List<String> times = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = cursor == null
                    ? search("uploadId", uploads, "sort", "date", "size", 33)
                    : search("uploadId", uploads, "sort", "date", "size", 33, "cursor", cursor);
            times.addAll(page.getList("hits.ingestedAt", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(times).hasSize(300);
        assertThat(times).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
    }

    @Test
    void typoTolerantResultsPageWithTheSameLooseQuery() {
        JsonPath first = search("q", "quaysyde", "uploadId", uploads, "size", 40);
        assertThat(first.getBoolean("fuzzy")).isTrue();
        assertThat(first.getLong("total")).isEqualTo(300);
        List<String> ids = allIds(40, "q", "quaysyde", "uploadId", uploads);
        assertThat(ids).hasSize(300).doesNotHaveDuplicates();
    }

    @Test
    void laterPagesKeepTheFirstPagesTotalAndFacetsWithoutCountingAgain() {
        JsonPath first = search("q", "quayside", "uploadId", uploads, "size", 10);
        long cacheHits = requestCacheHits();
        JsonPath second = search("q", "quayside", "uploadId", uploads, "size", 10, "cursor", first.getString("nextCursor"));
        assertThat(second.getLong("total")).isEqualTo(first.getLong("total")).isEqualTo(300);
        assertThat(second.getList("facets.sourceName")).hasSize(3).isEqualTo(first.getList("facets.sourceName"));
        assertThat(second.getList("facets.uploadId")).isEqualTo(first.getList("facets.uploadId"));
        assertThat(ids(second)).hasSize(10).doesNotContainAnyElementsOf(ids(first));
        assertThat(requestCacheHits()).as("the engine's request cache answered the second page's counts")
                .isGreaterThan(cacheHits);
    }

    /** Searches the engine's shard request cache answered so far, over every index. */
    private long requestCacheHits() {
        return engine.send("GET", "/_stats/request_cache", null).path("_all").path("total").path("request_cache")
                .path("hit_count").asLong();
    }

    @Test
    void theLastPageHasNoCursor() {
        JsonPath page = search("q", "quayside", "uploadId", uploads, "size", 100);
        assertThat(page.getList("hits")).hasSize(100);
        assertThat(page.getString("nextCursor")).isNotBlank();
        JsonPath exact = search("q", "\"note 42\"", "uploadId", uploads, "size", 10);
        assertThat(exact.getList("hits")).hasSize(1);
        assertThat(exact.getString("nextCursor")).isNull();
    }
}
