package org.bulletinsearch.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bulletinsearch.bench.BenchPlatform;
import org.bulletinsearch.bench.Budget;
import org.bulletinsearch.bench.load.Latencies;
import org.bulletinsearch.bench.load.LoadResult;
import org.bulletinsearch.bench.load.LoadRun;
import org.bulletinsearch.bench.load.WarmUp;
import org.bulletinsearch.bench.profile.FlightRecorder;
import org.bulletinsearch.bench.resources.ComponentCpu;
import org.bulletinsearch.bench.resources.ContextSwitches;
import org.bulletinsearch.bench.resources.RssSampler;
import org.bulletinsearch.bench.results.Figure;
import org.bulletinsearch.bench.results.Measurement;
import org.bulletinsearch.bench.results.Results;
import org.bulletinsearch.bench.results.Target;
import org.bulletinsearch.platform.Console;
import org.bulletinsearch.platform.Service;
import org.bulletinsearch.platform.client.JsonHttp;
import org.bulletinsearch.search.query.PageBody;

/**
 * Figure 3, search under concurrent load: N client threads for a fixed time, cycling through the
 * {@link QueryMix}, against {@code GET /search} and, in the same round, the same requests posted to the
 * engine's {@code /articles/_msearch}. The two sides alternate which goes first.
 */
public final class SearchBenchmark {

    private final BenchPlatform platform;
    /** The mix as the service sends it, once {@link #checkEquivalence} found which pages another body tells. */
    private QueryMix mix;
    /** The queries whose first answer could not tell their page, each with the body that did. */
    private final List<String> toldLater = new ArrayList<>();
    private final RssSampler rss;
    private final FlightRecorder jfr;
    private final int threads;
    private final Duration warmup;
    private final Duration duration;
    /**
     * Untimed load on each side before round 1, at least this long. 5 s (a few hundred requests) left the
     * service's request path to the JIT during the measured rounds: its compiler threads took 1.7 s of CPU in a
     * 12 s round; 15 s still left them half of its CPU.
     */
    private final Duration firstWarmUp = Duration.ofSeconds(15);
    /** At most this long each, when the JIT compilers never go quiet (see {@link WarmUp}). */
    private final Duration longestWarmUp = Duration.ofMinutes(5);
    private final List<String> warmUps = new ArrayList<>();
    /** Times each query's hits and counts are measured on the engine alone. */
    private static final int ENGINE_COSTS = 3;

    private final List<Double> p50 = new ArrayList<>();
    private final List<Double> p99 = new ArrayList<>();
    private final List<Double> throughput = new ArrayList<>();
    private final List<Double> directP50 = new ArrayList<>();
    private final List<Double> directP99 = new ArrayList<>();
    private final List<Double> directThroughput = new ArrayList<>();
    private final List<Double> rssPeak = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> cpuNotes = new ArrayList<>();
    private final List<String> queryNotes = new ArrayList<>();
    /** Sends the hits of a date-ordered page while the client thread sends its counts, as the service does. */
    private final ExecutorService apart = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "load-apart");
        thread.setDaemon(true);
        return thread;
    });

    /** Sends {@code mix} from {@code threads} client threads. */
    public SearchBenchmark(BenchPlatform platform, QueryMix mix, RssSampler rss, FlightRecorder jfr, int threads,
            Duration warmup, Duration duration) {
        this.platform = platform;
        this.mix = mix;
        this.rss = rss;
        this.jfr = jfr;
        this.threads = threads;
        this.warmup = warmup;
        this.duration = duration;
    }

    /** The first page as the service asks it once it saw {@code total} matches ({@link #checkEquivalence}). */
    private Learned titleFirst(String engine, QueryMix.Query query, Learned learned, long total) {
        QueryMix.Query plain = learned.query();
        for (int units = plain.unitsInTitleFor(total); units >= 1; units--) {
            QueryMix.Query titleFirst = plain.titleFirst(total, units);
            if (titleFirst == plain) {
                return learned;
            }
            JsonNode titled = JsonHttp.json(post(engine, titleFirst));
            PageBody told = titleFirst.pageBody(titled);
            if (told == PageBody.FIRST) {
                return new Learned(titleFirst, titled);
            }
            if (told == PageBody.EXACT) {
                QueryMix.Query exact = titleFirst.askedBy(PageBody.EXACT);
                toldLater.add(query.name() + " (exact, after title first)");
                return new Learned(exact, JsonHttp.json(post(engine, exact)));
            }
        }
        if (plain.unitsInTitleFor(total) > 0) {
            toldLater.add(query.name() + " (plain strict first: title first could not tell it)");
        }
        return learned;
    }

    /**
     * Every query once both ways: the service and the engine must agree on the totals. A page whose first answer
     * cannot tell it goes to the body that does from then on, on both sides ({@link QueryMix.Query#askedBy}).
     * Then each query once more through the service, which must send no second search the anchor does not
     * ({@code search_query_follow_ups_total}): otherwise a finding says which query differs.
     */
    public List<String> checkEquivalence() {
        List<String> findings = new ArrayList<>();
        List<QueryMix.Query> sent = new ArrayList<>();
        String engine = engineUrl();
        for (QueryMix.Query query : mix.queries()) {
            JsonNode viaService = JsonHttp.getJson(query.serviceUrl());
            Learned learned = learn(engine, query);
            long engineTotal = learned.answer().path("responses").path(learned.query().countsAnswer()).path("hits")
                    .path("total").path("value").asLong(-2);
            // the service asks a query title first once it saw many matches, every unit in the title then one fewer
            // each time an answer cannot tell the page: the exact body from then on when ties hide that answer's
            // order, plain strict first again when none could tell it
            learned = titleFirst(engine, query, learned, engineTotal);
            query = learned.query();
            sent.add(query);
            long serviceTotal = viaService.path("total").asLong(-1);
            String line = String.format("%s (%s): service %d, engine %d", query.name(), query.q(), serviceTotal, engineTotal);
            if (serviceTotal != engineTotal || serviceTotal <= 0 || viaService.path("fuzzy").asBoolean()) {
                findings.add("query mix mismatch: " + line);
            }
            Console.say("search check: " + line);
        }
        mix = new QueryMix(sent);
        Console.say("search check: pages their first answer could not tell, asked by the body that did from now on: "
                + toldLater);
        if (Double.isNaN(followUps())) {
            findings.add("query mix: search_query_follow_ups_total missing from the search service's metrics,"
                    + " second searches not compared");
            return findings;
        }
        for (QueryMix.Query query : mix.queries()) {
            double before = followUps();
            JsonHttp.getJson(query.serviceUrl());
            double more = followUps() - before;
            if (more > 0) {
                findings.add(String.format("query mix: %s (%s) asked again takes the service %.0f second search(es)"
                        + " the anchor does not send", query.name(), query.q(), more));
            }
        }
        return findings;
    }

    /** A query as the service sends it once it learned which body tells the page, and the engine's answer to it. */
    private record Learned(QueryMix.Query query, JsonNode answer) {
    }

    /**
     * {@code query} sent to the engine, then, while its answer cannot tell the page, as the body that does
     * ({@link QueryMix.Query#askedBy}), noted in {@link #toldLater}: strict first, then rescored, then exact at most,
     * each step a body that is not asked again.
     */
    private Learned learn(String engine, QueryMix.Query query) {
        JsonNode answer = JsonHttp.json(post(engine, query));
        PageBody told = PageBody.FIRST;
        for (int step = 0; step < PageBody.values().length; step++) {
            PageBody body = query.pageBody(answer);
            if (body == PageBody.FIRST) {
                break;
            }
            told = body;
            query = query.askedBy(body);
            answer = JsonHttp.json(post(engine, query));
        }
        if (told != PageBody.FIRST) {
            toldLater.add(query.name() + " (" + told.name().toLowerCase(Locale.ROOT) + ")");
        }
        return new Learned(query, answer);
    }

    /** The searches the service sent after a page's first answer could not tell the page alone, so far; NaN if unknown. */
    private double followUps() {
        Map<String, Double> byReason = followUpsByReason();
        return byReason.isEmpty() ? Double.NaN : byReason.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * {@link #followUps()} by the service's tag {@code reason} (lines such as
     * {@code search_query_follow_ups_total{reason="ties",} 3.0}); empty when the metric is missing.
     */
    private Map<String, Double> followUpsByReason() {
        Map<String, Double> byReason = new TreeMap<>();
        for (String line : JsonHttp.get(platform.searchUrl() + "/q/metrics").text().split("\n")) {
            if (line.startsWith("search_query_follow_ups_total")) {
                Matcher reason = REASON.matcher(line);
                byReason.merge(reason.find() ? reason.group(1) : "", Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)),
                        Double::sum);
            }
        }
        return byReason;
    }

    /** The service's second searches per request during a side, by reason: where it asks the engine more. */
    private String followUpsNote(LoadResult result, Map<String, Double> before, Map<String, Double> after) {
        double requests = requests(result);
        List<String> parts = new ArrayList<>();
        after.forEach((reason, count) -> {
            double more = count - before.getOrDefault(reason, 0.0);
            if (more > 0) {
                parts.add(String.format("%s %.3f", reason, more / requests));
            }
        });
        return ", second searches per request by reason: " + (parts.isEmpty() ? "none" : String.join(", ", parts));
    }

    /**
     * What each query costs the engine alone, one at a time on an idle engine, by its own {@code took}: the hits,
     * and the counts with the request cache off (what the first search of a query and filters after the index
     * changed waits for), each {@value #ENGINE_COSTS} times. The load figures cycle through the same few queries
     * over an index that does not change, so there the counts come from the cache after the first.
     */
    public void engineCosts(Results results) {
        String engine = searchUrl() + "?request_cache=false";
        List<Double> allCounts = new ArrayList<>();
        List<String> perQuery = new ArrayList<>();
        for (QueryMix.Query query : mix.queries()) {
            List<Double> hits = new ArrayList<>();
            List<Double> counts = new ArrayList<>();
            for (int i = 0; i < ENGINE_COSTS; i++) {
                hits.add(took(engine + (query.namedScores() ? "&" + QueryMix.NAMED_SCORES : ""), query.engineHits()));
                counts.add(took(engine, query.engineCounts()));
            }
            allCounts.addAll(counts);
            perQuery.add(String.format("%s %.0f / %.0f", query.name(), median(hits), median(counts)));
        }
        String how = String.format("%d queries of the mix × %d, one at a time on an idle engine, request_cache=false:"
                + " the exact total and the facets a search waits for when the cache has no answer. Engine took per"
                + " query, median, hits / counts (ms): %s", mix.queries().size(), ENGINE_COSTS, String.join("; ", perQuery));
        allCounts.sort(null);
        results.add(new Figure("3 Search", "search.counts-uncached.p50", "Search: counting without the cache (engine took), median",
                Measurement.of("engine", "ms", List.of(median(allCounts))), null, null, how));
        results.add(new Figure("3 Search", "search.counts-uncached.max", "Search: counting without the cache (engine took), slowest",
                Measurement.of("engine", "ms", List.of(allCounts.get(allCounts.size() - 1))), null, null, null));
    }

    private static double took(String engine, byte[] body) {
        return JsonHttp.json(JsonHttp.jsonPost(engine, body)).path("took").asDouble();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /** Each client thread cycles through the mix from an offset of its own; a success is a 200. */
    private IntFunction<LoadRun.Operation> viaService() {
        return t -> new MixOperation(t, query -> JsonHttp.get(query.serviceUrl()).status() == 200);
    }

    /**
     * The same requests as the service would send, to {@code engine}'s {@code _msearch}, and at the same time to
     * {@code _search} for hits with their scores named ({@link QueryMix.Query#namedScores()}); a success is a 200
     * without errors for each.
     */
    private IntFunction<LoadRun.Operation> direct(String engine) {
        String hitsUrl = searchUrl() + "?" + QueryMix.NAMED_SCORES;
        return t -> new MixOperation(t, query -> {
            CompletableFuture<JsonHttp.Reply> hits = query.namedScores()
                    ? CompletableFuture.supplyAsync(() -> JsonHttp.send(JsonHttp.jsonPost(hitsUrl, query.engineHits())), apart)
                    : CompletableFuture.completedFuture(null);
            return answered(JsonHttp.send(post(engine, query))) && (!query.namedScores() || answered(hits.join()));
        });
    }

    private static boolean answered(JsonHttp.Reply reply) {
        return reply.status() == 200 && !reply.text().contains("\"error\"");
    }

    /** One query of the mix on one side; true when it succeeded. */
    @FunctionalInterface
    private interface Ask {
        boolean ask(QueryMix.Query query) throws Exception;
    }

    /** Thread {@code thread}'s walk through the mix, from an offset of its own, with each query's name as its kind. */
    private final class MixOperation implements LoadRun.Operation {
        private final int thread;
        private final Ask ask;

        MixOperation(int thread, Ask ask) {
            this.thread = thread;
            this.ask = ask;
        }

        @Override
        public boolean run(long sequence) throws Exception {
            return ask.ask(query(sequence));
        }

        @Override
        public String kind(long sequence) {
            return query(sequence).name();
        }

        private QueryMix.Query query(long sequence) {
            return LoadRun.inTurn(mix.queries(), thread, sequence);
        }
    }

    private String searchUrl() {
        return platform.engineUrl() + "/" + BenchPlatform.SEARCH_ALIAS + "/_search";
    }

    private String engineUrl() {
        return platform.engineUrl() + "/" + BenchPlatform.SEARCH_ALIAS + "/_msearch";
    }

    private static final Pattern REASON = Pattern.compile("reason=\"([^\"]*)\"");

    private static HttpRequest post(String engine, QueryMix.Query query) {
        return JsonHttp.request(engine).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(query.engineMultiSearch())).build();
    }

    /** Runs rounds while the budget allows, the service and the engine alternating which goes first; adds figure 3. */
    public void run(Budget.Rounds rounds, Results results) throws Exception {
        String engine = engineUrl();
        ComponentCpu cpu = new ComponentCpu(platform::components);
        // Untimed: JIT of the service, the engine and the client, and the engine's caches, so that round 1 is not a warm-up.
        long enginePid = platform.enginePid();
        long client = ProcessHandle.current().pid();
        warmUps.add("the service " + WarmUp.untilCompiled(threads, viaService(),
                List.of(platform.pid(Service.SEARCH), enginePid, client), firstWarmUp, longestWarmUp).describe());
        warmUps.add("the engine alone " + WarmUp.untilCompiled(threads, direct(engine), List.of(enginePid, client),
                firstWarmUp, longestWarmUp).describe());
        rounds.each(round -> round(round, engine, cpu));
        report(results);
    }

    private void round(int round, String engine, ComponentCpu cpu) {
        LoadResult service = null;
        LoadResult direct = null;
        for (int side = 0; side < 2; side++) {
            if ((side == 0) == (round % 2 == 1)) {
                try (RssSampler.Window window = rss.open();
                        var recording = jfr.start("search-r" + round, platform.pidsWithEngine())) {
                    Map<String, Double> before = cpu.snapshot();
                    Map<String, ContextSwitches> switches = ContextSwitches.snapshot(switchingProcesses());
                    long queries = engineQueries();
                    Map<String, Double> secondSearches = followUpsByReason();
                    service = LoadRun.run(threads, warmup, duration, viaService());
                    cpuNotes.add(cpuNote("platform", round, service, ComponentCpu.used(before, cpu.snapshot()))
                            + switchesNote(service, switches)
                            + queriesNote(service, engineQueries() - queries)
                            + followUpsNote(service, secondSearches, followUpsByReason()));
                    Double peak = window.peakMegabytes().get(Service.SEARCH.module());
                    if (peak != null) {
                        rssPeak.add(peak);
                    }
                }
            } else {
                Map<String, Double> before = cpu.snapshot();
                Map<String, ContextSwitches> switches = ContextSwitches.snapshot(switchingProcesses());
                long queries = engineQueries();
                direct = LoadRun.run(threads, warmup, duration, direct(engine));
                cpuNotes.add(cpuNote("direct", round, direct, ComponentCpu.used(before, cpu.snapshot()))
                        + switchesNote(direct, switches)
                        + queriesNote(direct, engineQueries() - queries));
            }
        }
        queryNotes.add(byQuery(round, service, direct));
        Console.say("search round " + round + ": platform " + service.summary());
        Console.say("search round " + round + ": engine   " + direct.summary());
        p50.add(service.p50Millis());
        p99.add(service.p99Millis());
        throughput.add(service.throughput());
        directP50.add(direct.p50Millis());
        directP99.add(direct.p99Millis());
        directThroughput.add(direct.throughput());
        if (service.errors() > 0) {
            errors.add("round " + round + ": " + service.errors() + " failed searches, first: " + service.firstError());
        }
        if (direct.errors() > 0) {
            errors.add("round " + round + ": " + direct.errors() + " failed engine requests, first: " + direct.firstError());
        }
    }

    private void report(Results results) {
        String how = String.format("%d client threads (closed loop) for %d s after %d s of warm-up, cycling through %d queries"
                        + " (words, phrase, OR, exclusion, prefix, grouping, a source filter, date order, browsing), page size %d"
                        + " with facets and highlights as the API always asks. Anchor: the bodies the service's own"
                        + " SearchQueryBuilder makes for the same requests (the page's hits, strict first with the clauses'"
                        + " best scores from three units, and its counts, the counts and best scores cacheable),"
                        + " posted to /articles/_msearch with the same client (a page in date order: its hits with their"
                        + " scores named on /articles/_search at the same time; a page whose first answer could not"
                        + " tell it, %s, the body that did and its counts from the request cache, as the service asks"
                        + " such a page again). Client, service and engine share the 2 cores",
                threads, duration.toSeconds(), warmup.toSeconds(), mix.queries().size(), QueryMix.PAGE_SIZE,
                toldLater.isEmpty() ? "none" : String.join(" and ", toldLater));
        String errorNote = (errors.isEmpty() ? "" : "; errors: " + String.join("; ", errors))
                + ". Before round 1, untimed load until the JIT compilers of the service, the engine and the client went quiet: "
                + String.join("; ", warmUps)
                + ". CPU milliseconds per request by component (warm-up included in the window): " + String.join("; ", cpuNotes)
                + ". Latency by query, p50 / p99 in ms, through the service | the engine alone: " + String.join("; ", queryNotes);
        results.add(new Figure("3 Search", "search.p50", "Search under load: latency p50",
                Measurement.of("platform", "ms", p50), Measurement.of("direct to engine", "ms", directP50),
                Target.atMostTimesAnchor(1.2), how + errorNote));
        results.add(new Figure("3 Search", "search.p99", "Search under load: latency p99",
                Measurement.of("platform", "ms", p99), Measurement.of("direct to engine", "ms", directP99), null, null));
        results.add(new Figure("3 Search", "search.throughput", "Search under load: throughput",
                Measurement.of("platform", "req/s", throughput), Measurement.of("direct to engine", "req/s", directThroughput),
                Target.atLeastTimesAnchor(0.8), null));
        results.add(new Figure("5 Resources", "search-service.rss.search", "search-service: RSS under search load (peak)",
                Measurement.of("platform", "MB", rssPeak), null, null, "VmRSS sampled every 250 ms during figure 3"));
    }

    /** Each query's p50 / p99 on both sides of a round: which queries make the mix's p99. */
    private String byQuery(int round, LoadResult service, LoadResult direct) {
        return "r" + round + ": " + LoadResult.byKind(mix.queries().stream().map(QueryMix.Query::name).toList(),
                service, direct);
    }

    /** Shard-level queries the engine has run so far (its search statistics), -1 when it does not say. */
    private long engineQueries() {
        try {
            long total = 0;
            for (JsonNode node : JsonHttp.getJson(platform.engineUrl() + "/_nodes/stats/indices/search").path("nodes")) {
                total += node.path("indices").path("search").path("query_total").asLong();
            }
            return total;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The processes a search passes through: the engine, the search service and this client. */
    private Map<String, Long> switchingProcesses() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("search-engine", platform.enginePid());
        pids.put(Service.SEARCH.module(), platform.pid(Service.SEARCH));
        pids.put("client", ProcessHandle.current().pid());
        return pids;
    }

    /** Context switches per request of a side: thread hand-offs, where CPU per request does not tell them. */
    private String switchesNote(LoadResult result, Map<String, ContextSwitches> before) {
        String perRequest = ContextSwitches.perRequest(before, ContextSwitches.snapshot(switchingProcesses()), requests(result));
        return perRequest.isEmpty() ? "" : "; context switches per request: " + perRequest;
    }

    /** Engine queries per request of a side: more than one means the service asked the engine several times. */
    private String queriesNote(LoadResult result, long queries) {
        return queries < 0 ? "" : String.format(", %.2f engine queries per request", queries / requests(result));
    }

    /** The requests of a side, its warm-up's estimated from the measured rate: what the engine's counters saw. */
    private double requests(LoadResult result) {
        return result.completed() * (1 + warmup.toNanos() / (double) duration.toNanos());
    }

    /** CPU per request of each busy component: what a search costs where. */
    private String cpuNote(String side, int round, LoadResult result, Map<String, Double> used) {
        double requests = requests(result);
        StringBuilder note = new StringBuilder(side + " r" + round + ":");
        used.entrySet().stream().filter(e -> e.getValue() > 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> note.append(String.format(" %s %.2f", e.getKey(), 1000 * e.getValue() / requests)));
        return note.toString();
    }
}
