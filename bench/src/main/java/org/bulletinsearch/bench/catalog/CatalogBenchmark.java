package org.bulletinsearch.bench.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.bulletinsearch.bench.BenchPlatform;
import org.bulletinsearch.bench.Budget;
import org.bulletinsearch.bench.load.LoadResult;
import org.bulletinsearch.bench.load.LoadRun;
import org.bulletinsearch.bench.load.WarmUp;
import org.bulletinsearch.bench.profile.FlightRecorder;
import org.bulletinsearch.bench.resources.RssSampler;
import org.bulletinsearch.bench.results.Figure;
import org.bulletinsearch.bench.results.Measurement;
import org.bulletinsearch.bench.results.Results;
import org.bulletinsearch.platform.Console;
import org.bulletinsearch.platform.Service;
import org.bulletinsearch.platform.client.JsonHttp;

/**
 * Figure 4, catalog reads under load: {@code GET /articles/{id}} for random stored articles and the
 * first page of {@code GET /articles}, each beside the SQL the catalog runs for it sent straight to
 * PostgreSQL over JDBC (one connection per client thread).
 */
public final class CatalogBenchmark {

    private static final int PAGE_SIZE = 20;
    /** What the catalog reads for GET /articles/{id}: the article, then its provenance. */
    private static final String ARTICLE = "select id, title, body, first_seen_at, last_seen_at, stored_at from article where id = ?";
    private static final String SIGHTINGS = "select id, article_id, upload_id, source_name, position, ingested_at, recorded_at"
            + " from article_sighting where article_id = ? order by ingested_at, upload_id, position";
    /** What it reads for a first page: one row more than the page (is there a next page?) and the total. */
    private static final String PAGE = "select id, title, body, first_seen_at, last_seen_at, stored_at from article"
            + " order by first_seen_at desc, id desc limit " + (PAGE_SIZE + 1);
    /** The catalog's exact-count limit (catalog.articles.exact-total-up-to, default). */
    private static final int EXACT_TOTAL_UP_TO = 10_000;
    /** The total of an unfiltered first page: PostgreSQL's estimate (ArticleRepository.ESTIMATE)... */
    private static final String ESTIMATE = "select greatest(0, greatest(0, (select reltuples from pg_class where oid ="
            + " 'article'::regclass)) - greatest(0, (select reltuples from pg_class where oid ="
            + " 'article_supersession'::regclass)))::bigint";
    /** ...or, when it is not above the limit, a count that stops one row beyond the limit. */
    private static final String COUNT_UP_TO = "select count(*) from (select 1 from article limit "
            + (EXACT_TOTAL_UP_TO + 1) + ") matching";

    private final BenchPlatform platform;
    private final List<String> ids;
    private final RssSampler rss;
    private final FlightRecorder jfr;
    private final int threads;
    private final Duration warmup;
    /** The first warm-up ends by then even when the JIT compilers never go quiet (see {@link WarmUp}). */
    private static final Duration LONGEST_WARM_UP = Duration.ofMinutes(2);
    private WarmUp warmUp;
    private final Duration duration;
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private final List<Double> rssPeak = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    /** Reads articles with these {@code ids} (every one the ingest stored). */
    public CatalogBenchmark(BenchPlatform platform, List<String> ids, RssSampler rss, FlightRecorder jfr, int threads,
            Duration warmup, Duration duration) {
        this.platform = platform;
        this.ids = List.copyOf(ids);
        this.rss = rss;
        this.jfr = jfr;
        this.threads = threads;
        this.warmup = warmup;
        this.duration = duration;
    }

    /** Measures both request types against the service and their SQL over JDBC, round after round. */
    public void run(Budget.Rounds rounds, Results results) throws Exception {
        String byIdUrl = platform.catalogUrl() + "/articles/";
        String pageUrl = platform.catalogUrl() + "/articles?size=" + PAGE_SIZE;
        // Untimed: JIT of the catalog and the client before round 1.
        warmUp = WarmUp.untilCompiled(threads, t -> {
            SplittableRandom random = new SplittableRandom(t);
            return sequence -> JsonHttp.get(sequence % 4 == 0 ? pageUrl : byIdUrl + randomId(random)).status() == 200;
        }, List.of(platform.pid(Service.CATALOG), ProcessHandle.current().pid()), Duration.ofSeconds(3), LONGEST_WARM_UP);
        rounds.each(round -> {
            try (RssSampler.Window window = rss.open();
                    var recording = jfr.start("catalog-r" + round, platform.pids())) {
                record("byId", round, LoadRun.run(threads, warmup, duration, t -> {
                    SplittableRandom random = new SplittableRandom(round * 100L + t);
                    return sequence -> JsonHttp.get(byIdUrl + randomId(random)).status() == 200;
                }));
                record("page", round, LoadRun.run(threads, warmup, duration,
                        t -> sequence -> JsonHttp.get(pageUrl).status() == 200));
                Double peak = window.peakMegabytes().get(Service.CATALOG.module());
                if (peak != null) {
                    rssPeak.add(peak);
                }
            }
            jdbcRound(round);
        });
        String how = threads + " client threads (closed loop) for " + duration.toSeconds() + " s after " + warmup.toSeconds()
                + " s of warm-up, against the catalog holding every article of the run; before round 1, untimed load until"
                + " the JIT compilers of the catalog and the client went quiet: " + warmUp.describe();
        figures(results, "byId", "jdbcById", "Catalog GET /articles/{id}", how
                + "; a random stored article each time. Anchor: the catalog's two queries (article by primary key, then"
                + " its sightings) over JDBC, one connection per thread");
        figures(results, "page", "jdbcPage", "Catalog GET /articles?size=" + PAGE_SIZE, how
                + "; the first page, newest first, with the total. Anchor: the same keyset query (limit "
                + (PAGE_SIZE + 1) + ") and the same total over JDBC (PostgreSQL's estimate; a count stopping after "
                + EXACT_TOTAL_UP_TO + " rows when the estimate is not above that)");
        results.add(new Figure("5 Resources", "catalog-service.rss.reads", "catalog-service: RSS under read load (peak)",
                Measurement.of("platform", "MB", rssPeak), null, null, "VmRSS sampled every 250 ms during figure 4"
                        + (errors.isEmpty() ? "" : "; errors: " + String.join("; ", errors))));
    }

    /** The anchor: the catalog's own queries over JDBC, one connection per client thread. */
    private void jdbcRound(int round) {
        List<Connection> connections = new ArrayList<>();
        try {
            record("jdbcById", round, LoadRun.run(threads, warmup, duration, jdbc(connections, (connection, t) -> {
                SplittableRandom random = new SplittableRandom(round * 100L + t);
                PreparedStatement article = connection.prepareStatement(ARTICLE);
                PreparedStatement sightings = connection.prepareStatement(SIGHTINGS);
                return sequence -> {
                    String id = randomId(random);
                    article.setString(1, id);
                    sightings.setString(1, id);
                    return drain(article) == 1 && drain(sightings) >= 1;
                };
            })));
            record("jdbcPage", round, LoadRun.run(threads, warmup, duration, jdbc(connections, (connection, t) -> {
                PreparedStatement page = connection.prepareStatement(PAGE);
                PreparedStatement estimate = connection.prepareStatement(ESTIMATE);
                PreparedStatement countUpTo = connection.prepareStatement(COUNT_UP_TO);
                return sequence -> drain(page) == PAGE_SIZE + 1
                        && (single(estimate) > EXACT_TOTAL_UP_TO || single(countUpTo) >= 0);
            })));
        } finally {
            for (Connection connection : connections) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
            }
        }
    }

    private void figures(Results results, String service, String anchor, String name, String how) {
        results.add(new Figure("4 Catalog", "catalog." + service + ".p50", name + ": latency p50",
                Measurement.of("platform", "ms", values(service + ".p50")), Measurement.of("JDBC", "ms", values(anchor + ".p50")),
                null, how));
        results.add(new Figure("4 Catalog", "catalog." + service + ".p99", name + ": latency p99",
                Measurement.of("platform", "ms", values(service + ".p99")), Measurement.of("JDBC", "ms", values(anchor + ".p99")),
                null, null));
        results.add(new Figure("4 Catalog", "catalog." + service + ".throughput", name + ": throughput",
                Measurement.of("platform", "req/s", values(service + ".throughput")),
                Measurement.of("JDBC", "req/s", values(anchor + ".throughput")), null, null));
    }

    private List<Double> values(String key) {
        return values.computeIfAbsent(key, k -> new ArrayList<>());
    }

    private void record(String what, int round, LoadResult result) {
        values(what + ".p50").add(result.p50Millis());
        values(what + ".p99").add(result.p99Millis());
        values(what + ".throughput").add(result.throughput());
        if (result.errors() > 0) {
            errors.add(what + " round " + round + ": " + result.errors() + " errors, first: " + result.firstError());
        }
        Console.say("catalog round " + round + ": " + what + " " + result.summary());
    }

    private String randomId(SplittableRandom random) {
        return ids.get(random.nextInt(ids.size()));
    }

    private interface JdbcOperation {
        LoadRun.Operation open(Connection connection, int thread) throws SQLException;
    }

    private IntFunction<LoadRun.Operation> jdbc(List<Connection> connections, JdbcOperation operation) {
        return thread -> {
            try {
                Connection connection = platform.catalogDatabase();
                synchronized (connections) {
                    connections.add(connection);
                }
                return operation.open(connection, thread);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot connect to PostgreSQL: " + e.getMessage(), e);
            }
        };
    }

    private static int drain(PreparedStatement statement) throws SQLException {
        int rows = 0;
        try (ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int c = 1; c <= columns; c++) {
                    result.getObject(c);
                }
                rows++;
            }
        }
        return rows;
    }

    /** The one number a query returns (an estimate, a count). */
    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}
