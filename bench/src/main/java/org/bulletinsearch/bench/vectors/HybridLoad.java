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
        List<Ask> keyword = keywordAsks(mix);
        List<Ask> hybrid = keyword.stream().map(Ask::hybrid).toList();
        LoadResult plain = LoadRun.run(threads, WARMUP, duration, load(keyword));
        LoadResult fused = LoadRun.run(threads, WARMUP, duration, load(hybrid));
        Console.say("hybrid: keyword " + plain.summary() + "; hybrid " + fused.summary());
        return new HybridLoad(plain, fused);
    }

    /**
     * Each query's p50 / p99 in ms, keyword | hybrid, from these loads ("one word 12.1 / 30.2 | 20.3 / 41.0, ..."):
     * which queries make the p99 of either mode.
     */
    String byQuery(QueryMix mix) {
        return LoadResult.byKind(keywordAsks(mix).stream().map(Ask::kind).toList(), keyword, hybrid);
    }

    /**
     * Untimed: both loads' requests, interleaved, until the JIT compilers of {@code pids} go quiet ({@link WarmUp}),
     * so that neither mode pays for the other's compilation.
     */
    static WarmUp warmUp(QueryMix mix, int threads, List<Long> pids) {
        List<Ask> both = new ArrayList<>();
        for (Ask ask : keywordAsks(mix)) {
            both.add(ask);
            both.add(ask.hybrid());
        }
        return WarmUp.untilCompiled(threads, load(both), pids, Duration.ofSeconds(15), Duration.ofMinutes(5));
    }

    /** How the loads ran, for a figure's "how". */
    static String how(QueryMix mix, int threads, Duration duration) {
        return threads + " client threads (closed loop) for " + duration.toSeconds() + " s after " + WARMUP.toSeconds()
                + " s of warm-up over the " + keywordAsks(mix).size() + " queries of the search mix that have words and"
                + " relevance order, with mode=keyword, then the same with mode=hybrid";
    }

    private static List<Ask> keywordAsks(QueryMix mix) {
        List<Ask> asks = new ArrayList<>();
        for (QueryMix.Query query : mix.queries()) {
            if (query.q() != null && query.sort() == SortOrder.RELEVANCE) {
                asks.add(new Ask(query.name(), query.serviceUrl()));
            }
        }
        return asks;
    }

    /** Client {@code t}'s searches in turn, each kept by its query's name ({@link LoadResult#sortedNanosByKind}). */
    private static IntFunction<LoadRun.Operation> load(List<Ask> asks) {
        return t -> new LoadRun.Operation() {
            @Override
            public boolean run(long sequence) {
                return JsonHttp.get(ask(sequence).url()).status() == 200;
            }

            @Override
            public String kind(long sequence) {
                return ask(sequence).kind();
            }

            private Ask ask(long sequence) {
                return LoadRun.inTurn(asks, t, sequence);
            }
        };
    }

    /** One search of the loads: its query's name in the mix and the service's URL for it. */
    private record Ask(String kind, String url) {

        Ask hybrid() {
            return new Ask(kind, url.replace("mode=keyword", "mode=hybrid"));
        }
    }
}
