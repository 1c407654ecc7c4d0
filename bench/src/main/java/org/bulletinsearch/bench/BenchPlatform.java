package org.bulletinsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.bulletinsearch.bench.resources.ComponentCpu;
import org.bulletinsearch.platform.Platform;
import org.bulletinsearch.platform.Service;
import org.bulletinsearch.platform.client.JsonHttp;
import org.bulletinsearch.platform.client.PlatformClient;
import org.bulletinsearch.platform.client.Upload;

/**
 * The running platform as the benchmark sees it: the services' public APIs, the engines' own APIs
 * (for the anchors and for cheap progress checks), and the process ids for resource figures.
 *
 * @param platform the platform under measurement
 */
public record BenchPlatform(Platform platform) implements AutoCloseable {

    /** The alias the search service reads (search.index.alias); the versioned index behind it is the service's business. */
    public static final String SEARCH_ALIAS = "articles";
    /** The search API's limit on values of one filter (search.query SearchParameters.MAX_FILTER_VALUES). */
    private static final int FILTER_VALUES_PER_SEARCH = 50;

    /** The catalog service's base URL. */
    public String catalogUrl() {
        return platform.url(Service.CATALOG);
    }

    /** The search service's base URL. */
    public String searchUrl() {
        return platform.url(Service.SEARCH);
    }

    /** The search engine's REST API. */
    public String engineUrl() {
        return platform.infrastructure().searchEngineUrl();
    }

    /** A service's pid, -1 while it is down. */
    public long pid(Service service) {
        return platform.service(service).pid();
    }

    /** Process ids of the services, by module name. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            pids.put(service.module(), pid(service));
        }
        return pids;
    }

    /** {@link #pids()} and the search engine's JVM. */
    public Map<String, Long> pidsWithEngine() {
        Map<String, Long> pids = pids();
        pids.put("search-engine", enginePid());
        return pids;
    }

    /** The search engine's JVM. */
    public long enginePid() {
        return platform.infrastructure().searchEngine().pid();
    }

    /** The platform's processes by component, for {@link ComponentCpu}. */
    public Map<String, ComponentCpu.Component> components() {
        Map<String, ComponentCpu.Component> components = new LinkedHashMap<>();
        var infrastructure = platform.infrastructure();
        add(components, "search-engine", infrastructure.searchEngine().pid());
        add(components, "kafka", infrastructure.kafka().pid());
        List<ProcessHandle> postgres = new ArrayList<>();
        ProcessHandle.of(infrastructure.postgres().pid()).ifPresent(postgres::add);
        postmaster().ifPresent(postgres::add);
        components.put("postgresql", new ComponentCpu.Component(postgres, true));
        for (Service service : Service.values()) {
            add(components, service.module(), pid(service));
        }
        components.put("benchmark client", new ComponentCpu.Component(List.of(ProcessHandle.current()), false));
        return components;
    }

    private static void add(Map<String, ComponentCpu.Component> components, String name, long pid) {
        components.put(name, new ComponentCpu.Component(ProcessHandle.of(pid).stream().toList(), true));
    }

    /** PostgreSQL's postmaster: pg_ctl detaches it, so it is not a descendant of the launcher's JVM. */
    public Optional<ProcessHandle> postmaster() {
        Path pidFile = platform.infrastructure().postgres().dataDir().resolve("pgdata/postmaster.pid");
        try {
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()));
        } catch (IOException | RuntimeException notRunning) {
            return Optional.empty();
        }
    }

    /** A service's log file. */
    public Path logFile(Service service) {
        return platform.service(service).logFile();
    }

    /** The platform's API client. */
    public PlatformClient client() {
        return platform.client();
    }

    /** The search service's {@code GET /admin/vectors}: {@code state}, {@code articles}, {@code missing}, … */
    public JsonNode vectorStatus() {
        return client().authorized("GET", searchUrl() + "/admin/vectors").json();
    }

    /**
     * Articles the catalog has stored but not yet grouped into stories ({@code storyPending}), read over JDBC (a
     * partial index makes it cheap); the bench waits for zero so that the grouping's backlog does not compete with
     * the next measurement.
     */
    public long articlesAwaitingStory() {
        try (Connection connection = catalogDatabase();
                ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM article WHERE story_pending")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the articles awaiting their story: " + e.getMessage(), e);
        }
    }

    /**
     * A new connection to the catalog's database, as the catalog's own user: the benchmark's JDBC anchors and probes.
     *
     * @throws SQLException when PostgreSQL refuses or is down
     */
    public Connection catalogDatabase() throws SQLException {
        var infrastructure = platform.infrastructure();
        return DriverManager.getConnection(infrastructure.jdbcUrl(), infrastructure.databaseUser(),
                infrastructure.databasePassword());
    }

    /**
     * Waits until every stored article is grouped into its story ({@link #articlesAwaitingStory()} is zero);
     * returns the seconds waited, or -1 after the timeout.
     */
    public double awaitStoriesGrouped(Duration timeout) {
        long start = System.nanoTime();
        long done = awaitAtLeast(() -> -articlesAwaitingStory(), 0, Duration.ofMillis(500), timeout);
        return done < 0 ? -1 : (done - start) / 1e9;
    }

    /**
     * Restarts the catalog with its background grouping into stories switched on or off
     * ({@code CATALOG_STORIES_ENABLED}); the catalog keeps that setting until the next such restart.
     */
    public void storiesGrouping(boolean enabled) {
        platform.restart(Service.CATALOG, Map.of("CATALOG_STORIES_ENABLED", String.valueOf(enabled)));
    }

    /**
     * Bytes on disk of the catalog's database ({@code catalog.database.size}) and of its three largest tables
     * with their indexes ({@code catalog.table.<name>.size}).
     */
    public Map<String, Long> catalogDatabaseBytes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Connection connection = catalogDatabase();
                ResultSet database = connection.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
            database.next();
            sizes.put("catalog.database.size", database.getLong(1));
            try (ResultSet tables = connection.createStatement().executeQuery("SELECT relname, pg_total_relation_size(oid)"
                    + " FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"
                    + " ORDER BY 2 DESC LIMIT 3")) {
                while (tables.next()) {
                    sizes.put("catalog.table." + tables.getString(1) + ".size", tables.getLong(2));
                }
            }
            return sizes;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog database's size: " + e.getMessage(), e);
        }
    }

    /** Documents the engine shows through the search alias (cheap: no aggregations). */
    public long engineCount(String index) {
        return JsonHttp.getJson(engineUrl() + "/" + index + "/_count").path("count").asLong();
    }

    /**
     * Waits until the engine has no merge running (two checks in a row): Lucene merges the segments of
     * an index for a while after a bulk load, and that must not land on the next measurement.
     * Returns the seconds waited.
     */
    public double awaitEngineIdle(Duration timeout) {
        long start = System.nanoTime();
        int[] quiet = {0};
        until(() -> {
            long merging = JsonHttp.getJson(engineUrl() + "/_stats/merge").path("_all").path("total").path("merges")
                    .path("current").asLong();
            quiet[0] = merging == 0 ? quiet[0] + 1 : 0;
            return quiet[0] >= 2;
        }, Duration.ofMillis(250), timeout);
        return (System.nanoTime() - start) / 1e9;
    }

    /** Searchable segments of the primary shards behind {@code index} ({@code _stats/segments}). */
    public int segments(String index) {
        return JsonHttp.getJson(engineUrl() + "/" + index + "/_stats/segments").path("_all").path("primaries")
                .path("segments").path("count").asInt();
    }

    /**
     * Waits until the search service has merged the index behind the search alias into at most {@code atMost}
     * segments and the engine has no merge left running: the service does so once the engine was quiet for
     * {@code SEARCH_INDEX_COMPACTION_IDLE}. Returns the seconds waited, or -1 after the timeout.
     */
    public double awaitCompaction(int atMost, Duration timeout) {
        long start = System.nanoTime();
        // a shard nobody searched for a while skips its scheduled refreshes, and its statistics show the old segments
        long held = until(() -> JsonHttp.json(JsonHttp.request(engineUrl() + "/" + SEARCH_ALIAS + "/_refresh")
                .POST(HttpRequest.BodyPublishers.noBody()).build()) != null && segments(SEARCH_ALIAS) <= atMost
                && JsonHttp.getJson(engineUrl() + "/_stats/merge").path("_all").path("total").path("merges")
                        .path("current").asLong() == 0, Duration.ofSeconds(1), timeout);
        return held < 0 ? -1 : (held - start) / 1e9;
    }

    /** Current articles in the catalog, counted exactly ({@link PlatformClient#catalogTotal()}; 0 without an answer). */
    public long catalogTotal() {
        return client().catalogTotal();
    }

    /**
     * Articles of one upload the catalog holds ({@code GET /uploads/{id}}, a count over an index), 0 before
     * the first: a cheap progress probe, unlike the exact total, which counts the whole table.
     */
    public long catalogCountOf(String uploadId) {
        JsonHttp.Reply reply = client().catalog("/uploads/" + JsonHttp.encode(uploadId) + "?size=1");
        return reply.status() == 404 ? 0 : reply.json().path("articleCount").asLong();
    }

    /**
     * Polls until the catalog holds every article of the uploads the queue yields ({@code expected} uploads
     * in all); returns the {@link System#nanoTime()} it saw the last one complete, or -1 after the timeout.
     * Only the oldest incomplete upload is asked about (uploads are catalogued roughly in the order they are
     * accepted): asking about every pending upload each time cost the catalog a tenth of its CPU in the
     * profiles, which the measurement would then have charged to the platform.
     */
    public long awaitCatalogued(BlockingQueue<Upload> accepted, int expected, Duration every,
            Duration timeout) {
        ArrayDeque<Upload> waiting = new ArrayDeque<>();
        int[] complete = {0};
        return until(() -> {
            accepted.drainTo(waiting);
            while (!waiting.isEmpty() && isCatalogued(waiting.peekFirst())) {
                waiting.removeFirst();
                complete[0]++;
            }
            return complete[0] >= expected;
        }, every, timeout);
    }

    private boolean isCatalogued(Upload upload) {
        try {
            return catalogCountOf(upload.uploadId()) >= upload.articleCount();
        } catch (RuntimeException notNow) {
            return false;
        }
    }

    /**
     * {@code total} of {@code GET /search} for these uploads (an upload's articles are its own in a round, so
     * the totals of groups of uploads add up).
     */
    public long searchTotal(List<String> uploadIds) {
        long total = 0;
        for (int from = 0; from < uploadIds.size(); from += FILTER_VALUES_PER_SEARCH) {
            total += client().searchTotal(uploadIds.subList(from, Math.min(uploadIds.size(), from + FILTER_VALUES_PER_SEARCH))
                    .stream().map(id -> "uploadId=" + JsonHttp.encode(id)).collect(Collectors.joining("&")));
        }
        return total;
    }

    /**
     * Polls until {@code value} reaches {@code expected}; returns the {@link System#nanoTime()} at which
     * it was first seen there, or -1 after the timeout.
     */
    public static long awaitAtLeast(LongSupplier value, long expected, Duration every, Duration timeout) {
        return until(() -> value.getAsLong() >= expected, every, timeout);
    }

    /**
     * Checks the condition now and then every {@code every} (on this thread, an exception counting as
     * "not yet"); returns the {@link System#nanoTime()} right after it first held, or -1 after the timeout.
     */
    private static long until(Callable<Boolean> condition, Duration every, Duration timeout) {
        try {
            Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(every).atMost(timeout)
                    .ignoreExceptions().until(condition);
            return System.nanoTime();
        } catch (ConditionTimeoutException e) {
            return -1;
        }
    }

    /** Sleeps; an interrupt ends the run. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        platform.close();
    }
}
