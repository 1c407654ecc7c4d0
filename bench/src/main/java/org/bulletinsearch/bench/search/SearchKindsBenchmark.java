package org.bulletinsearch.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.bulletinsearch.bench.BenchPlatform;
import org.bulletinsearch.bench.load.LoadResult;
import org.bulletinsearch.bench.load.LoadRun;
import org.bulletinsearch.bench.load.WarmUp;
import org.bulletinsearch.bench.results.Figure;
import org.bulletinsearch.bench.results.Measurement;
import org.bulletinsearch.bench.results.Results;
import org.bulletinsearch.bench.results.Target;
import org.bulletinsearch.platform.Console;
import org.bulletinsearch.platform.Service;
import org.bulletinsearch.platform.client.JsonHttp;

/**
 * The search API's other request kinds under the same load as figure 3, each on its own: title suggestions,
 * related articles, and a deep page (the {@value #DEEP_PAGE}th page of 10, reached by its cursor). What grows
 * with the archive's size is what these show at 1M articles. No engine anchor: each is one engine request
 * the service builds from state it looks up first (the article, the cursor), so p99 ≤ 100 ms (issue 20) is
 * the target.
 */
public final class SearchKindsBenchmark {

    /** How deep the deep page is: hits 491–500 of a query, what a reader who keeps paging reaches. */
    static final int DEEP_PAGE = 50;
    private static final List<String> PREFIXES = List.of("mada", "cust", "botsw", "insp", "risk pro", "harbour m",
            "tr", "ke");
    private static final int RELATED_ARTICLES = 200;
    /** Each kind's warm-up ends by then even when the JIT compilers never go quiet (see {@link WarmUp}). */
    private static final Duration LONGEST_WARM_UP = Duration.ofMinutes(2);

    private final BenchPlatform platform;
    private final int threads;
    private final Duration duration;

    /** Sends each kind from {@code threads} client threads for {@code duration} after its warm-up ({@link WarmUp}). */
    public SearchKindsBenchmark(BenchPlatform platform, int threads, Duration duration) {
        this.platform = platform;
        this.threads = threads;
        this.duration = duration;
    }

    /** Measures every kind once and adds its p50 and p99 to {@code results}. */
    public void run(List<String> articleIds, Results results) {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        kinds.put("suggest", PREFIXES.stream().map(p -> platform.searchUrl() + "/search/suggest?q=" + JsonHttp.encode(p)).toList());
        kinds.put("related", articleIds.stream().limit(RELATED_ARTICLES)
                .map(id -> platform.searchUrl() + "/search/related/" + id + "?size=5").toList());
        kinds.put("deep page", deepPages(List.of("mode=keyword", "mode=keyword&q=customs", "mode=keyword&q=inspection&sort=date")));
        List<Long> compiling = List.of(platform.pid(Service.SEARCH), platform.enginePid(),
                ProcessHandle.current().pid());
        kinds.forEach((kind, urls) -> {
            IntFunction<LoadRun.Operation> requests =
                    t -> sequence -> JsonHttp.get(LoadRun.inTurn(urls, t, sequence)).status() == 200;
            WarmUp warmUp = WarmUp.untilCompiled(threads, requests, compiling, Duration.ofSeconds(2), LONGEST_WARM_UP);
            LoadResult result = LoadRun.run(threads, Duration.ZERO, duration, requests);
            Console.say("search " + kind + ": " + result.summary() + ", " + warmUp.describe());
            String id = "search." + kind.replace(' ', '-');
            String how = String.format("%d client threads (closed loop) for %d s, cycling through %d requests: %s; before,"
                    + " untimed until the JIT compilers of the service, the engine and the client went quiet: %s%s", threads,
                    duration.toSeconds(), urls.size(), describe(kind), warmUp.describe(), result.errors() == 0 ? ""
                            : "; " + result.errors() + " failed, first: " + result.firstError());
            results.add(new Figure("3 Search", id + ".p50", "Search " + kind + ": latency p50",
                    Measurement.of("platform", "ms", List.of(result.p50Millis())), null, null, how));
            results.add(new Figure("3 Search", id + ".p99", "Search " + kind + ": latency p99",
                    Measurement.of("platform", "ms", List.of(result.p99Millis())), null, Target.atMost(100, "ms"), null));
        });
    }

    private static String describe(String kind) {
        return switch (kind) {
            case "suggest" -> "GET /search/suggest?q= with " + PREFIXES.size() + " prefixes";
            case "related" -> "GET /search/related/{id}?size=5 for the first " + RELATED_ARTICLES + " articles of the load";
            default -> "GET /search with the cursor of page " + DEEP_PAGE + " (size 10) of browsing, a word by relevance"
                    + " and a word by date";
        };
    }

    /** For each query, the URL of its page {@value #DEEP_PAGE}, found by walking the cursors from page 1. */
    private List<String> deepPages(List<String> queries) {
        List<String> urls = new ArrayList<>();
        for (String query : queries) {
            String first = platform.searchUrl() + "/search?size=10&" + query;
            String url = first;
            for (int page = 1; page < DEEP_PAGE; page++) {
                JsonNode answer = JsonHttp.getJson(url);
                String cursor = answer.path("nextCursor").asText(null);
                if (cursor == null) {
                    throw new IllegalStateException(first + " has fewer than " + DEEP_PAGE + " pages");
                }
                url = first + "&cursor=" + JsonHttp.encode(cursor);
            }
            urls.add(url);
        }
        return urls;
    }
}
