package org.bulletinsearch.bench.vectors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.bulletinsearch.bench.load.LoadResult;
import org.bulletinsearch.bench.load.LoadRun;
import org.bulletinsearch.bench.load.WarmUp;
import org.bulletinsearch.bench.search.QueryMix;
import org.bulletinsearch.platform.Console;
import org.bulletinsearch.platform.client.JsonHttp;
import org.bulletinsearch.search.query.SortOrder;

/**
 * Hybrid beside keyword search, the same requests but for {@code mode}: the queries of the search mix that a hybrid
 * search fuses (words in relevance order), first with {@code mode=keyword}, then with {@code mode=hybrid}, each
 * under the same closed loop ({@link LoadRun}).
 *
 * @param keyword the {@code mode=keyword} run
 * @param hybrid  the {@code mode=hybrid} run
 */
record HybridLoad(LoadResult keyword, LoadResult hybrid) {

    private static final Duration WARMUP = Duration.ofSeconds(2);

    /** Runs both loads, keyword first, with {@code threads} clients for {@code duration} each after 2 s of warm-up. */
    static HybridLoad run(QueryMix mix, int threads, Duration duration) {
        List<String> keyword = keywordUrls(mix);
        List<String> hybrid = keyword.stream().map(url -> url.replace("mode=keyword", "mode=hybrid")).toList();
        LoadResult plain = LoadRun.run(threads, WARMUP, duration, load(keyword));
        LoadResult fused = LoadRun.run(threads, WARMUP, duration, load(hybrid));
        Console.say("hybrid: keyword " + plain.summary() + "; hybrid " + fused.summary());
        return new HybridLoad(plain, fused);
    }

    /**
     * Untimed: both loads' requests, interleaved, until the JIT compilers of {@code pids} go quiet ({@link WarmUp}),
     * so that neither mode pays for the other's compilation.
     */
    static WarmUp warmUp(QueryMix mix, int threads, List<Long> pids) {
        List<String> both = new ArrayList<>();
        for (String url : keywordUrls(mix)) {
            both.add(url);
            both.add(url.replace("mode=keyword", "mode=hybrid"));
        }
        return WarmUp.untilCompiled(threads, load(both), pids, Duration.ofSeconds(15), Duration.ofMinutes(5));
    }

    /** How the loads ran, for a figure's "how". */
    static String how(QueryMix mix, int threads, Duration duration) {
        return threads + " client threads (closed loop) for " + duration.toSeconds() + " s after " + WARMUP.toSeconds()
                + " s of warm-up over the " + keywordUrls(mix).size() + " queries of the search mix that have words and"
                + " relevance order, with mode=keyword, then the same with mode=hybrid";
    }

    private static List<String> keywordUrls(QueryMix mix) {
        List<String> urls = new ArrayList<>();
        for (QueryMix.Query query : mix.queries()) {
            if (query.q() != null && query.sort() == SortOrder.RELEVANCE) {
                urls.add(query.serviceUrl());
            }
        }
        return urls;
    }

    private static IntFunction<LoadRun.Operation> load(List<String> urls) {
        return t -> sequence -> JsonHttp.get(urls.get((int) ((t * 5L + sequence) % urls.size()))).status() == 200;
    }
}
