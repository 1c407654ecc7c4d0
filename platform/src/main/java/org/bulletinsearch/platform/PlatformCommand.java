package org.bulletinsearch.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.bulletinsearch.infra.Component;
import org.bulletinsearch.infra.InfrastructureException;

/**
 * {@code ./bulletin-search}: runs the whole platform on this machine, or uploads bulletins to it.
 *
 * <pre>
 *   ./bulletin-search [run] [--fresh] [--no-samples]   start everything, load samples/, wait for Ctrl-C
 *   ./bulletin-search load FILE...                     upload bulletin files to a running platform
 * </pre>
 *
 * Environment: INGEST_API_KEY, INGEST_PORT, CATALOG_PORT, SEARCH_PORT, KAFKA_PORT, POSTGRES_PORT,
 * SEARCH_ENGINE_PORT, BULLETIN_DATA_DIR (see README).
 */
public final class PlatformCommand {

    private static final PrintStream OUT = System.out;
    private static final long STARTED = System.nanoTime();
    /** How long a start waits for a platform on the same data folder that is stopping. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(60);
    /** How long the start waits for the sample articles to be searchable before printing the curls. */
    private static final Duration SAMPLES_WAIT = Duration.ofSeconds(30);

    private PlatformCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() < 17) {
            fail("Java 17 or newer is required; this is Java " + Runtime.version());
        }
        List<String> rest = new ArrayList<>(List.of(args));
        String command = rest.isEmpty() || rest.get(0).startsWith("--") ? "run" : rest.remove(0);
        switch (command) {
            case "run" -> run(rest);
            case "load" -> load(rest);
            case "generate" -> generate(rest);
            case "help", "--help", "-h" -> usage();
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static void usage() {
        OUT.println("""
                usage: ./bulletin-search [run] [--fresh] [--no-samples] [--data-dir=DIR]
                       ./bulletin-search load FILE...
                       ./bulletin-search generate --articles=N [--files=F] [--seed=S] DIR

                  run     start Kafka, PostgreSQL, the search engine and the three services,
                          load samples/*.txt, print URLs; Ctrl-C stops everything
                  load    upload bulletin files to the running platform's ingest service
                  generate  write synthetic bulletins (deterministic for a seed) into DIR
                  --fresh delete the data folder first (default folder: ./data, or BULLETIN_DATA_DIR)
                """);
    }

    private static void run(List<String> options) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path dataDir = Path.of(env("BULLETIN_DATA_DIR", root.resolve("data").toString()));
        boolean fresh = false;
        boolean samples = true;
        for (String option : options) {
            if (option.equals("--fresh")) {
                fresh = true;
            } else if (option.equals("--no-samples")) {
                samples = false;
            } else if (option.startsWith("--data-dir=")) {
                dataDir = Path.of(option.substring("--data-dir=".length()));
            } else {
                fail("unknown option " + option + " (./bulletin-search help)");
            }
        }
        dataDir = dataDir.toAbsolutePath();
        PlatformLock lock;
        try {
            lock = PlatformLock.acquire(dataDir, LOCK_WAIT, PlatformCommand::say);
        } catch (InfrastructureException e) {
            fail(e.getMessage());
            return;
        }
        if (fresh) {
            say("--fresh: deleting the data in " + dataDir);
            lock.deleteDataExceptLock(dataDir);
        }
        String apiKey = env("INGEST_API_KEY", Platform.DEVELOPMENT_API_KEY).split(",")[0].trim();
        Platform.Builder builder = Platform.builder(root)
                .dataDir(dataDir)
                .apiKey(env("INGEST_API_KEY", Platform.DEVELOPMENT_API_KEY))
                .port(Service.INGEST, intEnv(Service.INGEST.portVariable(), Service.INGEST.defaultPort()))
                .port(Service.CATALOG, intEnv(Service.CATALOG.portVariable(), Service.CATALOG.defaultPort()))
                .port(Service.SEARCH, intEnv(Service.SEARCH.portVariable(), Service.SEARCH.defaultPort()))
                .port(Component.KAFKA, intEnv(Platform.portVariable(Component.KAFKA), 19092))
                .port(Component.POSTGRES, intEnv(Platform.portVariable(Component.POSTGRES), 15432))
                .port(Component.SEARCH_ENGINE, intEnv(Platform.portVariable(Component.SEARCH_ENGINE), 19200))
                .progress(PlatformCommand::say);
        say("data folder " + dataDir + " (logs in " + dataDir.resolve("logs") + ")");

        Platform platform;
        try {
            platform = builder.start();
        } catch (InfrastructureException e) {
            lock.close();
            fail(e.getMessage());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long stopping = System.nanoTime();
            lock.markStopping();
            say("stopping: services first, then infrastructure ...");
            platform.close();
            lock.close();
            say(String.format("stopped in %.1f s", (System.nanoTime() - stopping) / 1e9));
            stopped.countDown();
        }, "platform-shutdown"));

        if (samples) {
            List<Path> files = BulletinLoader.bulletinsIn(root.resolve("samples"));
            if (!files.isEmpty()) {
                say("loading " + files.size() + " sample bulletins from samples/");
                List<BulletinLoader.Result> loaded = new ArrayList<>();
                upload(new BulletinLoader(platform.url(Service.INGEST), apiKey), files, loaded);
                long waiting = System.nanoTime();
                boolean searchable = BulletinLoader.awaitSearchable(platform.url(Service.SEARCH), loaded, SAMPLES_WAIT);
                say(String.format(searchable ? "samples searchable after %.1f s" : "samples not all searchable after %.0f s;"
                        + " see the search-service log", (System.nanoTime() - waiting) / 1e9));
            }
        }
        printWelcome(platform, apiKey);
        stopped.await();
    }

    private static void load(List<String> files) throws Exception {
        if (files.isEmpty()) {
            fail("load needs at least one file: ./bulletin-search load FILE...");
        }
        String url = env("INGEST_URL", "http://127.0.0.1:" + intEnv(Service.INGEST.portVariable(), Service.INGEST.defaultPort()));
        String apiKey = env("INGEST_API_KEY", Platform.DEVELOPMENT_API_KEY).split(",")[0].trim();
        List<Path> paths = new ArrayList<>();
        for (String file : files) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                fail("no such file: " + file);
            }
            paths.add(path);
        }
        if (upload(new BulletinLoader(url, apiKey), paths, new ArrayList<>()) > 0) {
            System.exit(1);
        }
    }

    private static void generate(List<String> options) {
        int articles = 1000;
        int files = 1;
        long seed = 42;
        Path dir = null;
        for (String option : options) {
            if (option.startsWith("--articles=")) {
                articles = Integer.parseInt(option.substring("--articles=".length()));
            } else if (option.startsWith("--files=")) {
                files = Integer.parseInt(option.substring("--files=".length()));
            } else if (option.startsWith("--seed=")) {
                seed = Long.parseLong(option.substring("--seed=".length()));
            } else if (!option.startsWith("--")) {
                dir = Path.of(option);
            } else {
                fail("unknown option " + option);
            }
        }
        if (dir == null) {
            fail("generate needs a target folder");
        }
        BulletinGenerator generator = new BulletinGenerator(seed);
        int perFile = (articles + files - 1) / files;
        for (int f = 0, serial = 1; f < files && serial <= articles; f++) {
            int count = Math.min(perFile, articles - serial + 1);
            Path file = generator.write(dir.resolve(String.format("generated-%03d.txt", f + 1)), count, serial);
            say(String.format("%s: %d articles", file, count));
            serial += count;
        }
    }

    /**
     * Uploads the files one after the other with a progress line each, adding the accepted ones to
     * {@code accepted}; returns how many failed.
     */
    private static int upload(BulletinLoader loader, List<Path> files, List<BulletinLoader.Result> accepted)
            throws InterruptedException {
        int failed = 0;
        int articles = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String prefix = String.format("[%d/%d] %s", i + 1, files.size(), file.getFileName());
            try {
                BulletinLoader.Result result = loader.upload(file);
                if (result.accepted()) {
                    accepted.add(result);
                    articles += result.articles();
                    say(String.format("%s: %d articles, upload %s (%.1f s)", prefix, result.articles(),
                            result.uploadId(), result.took().toMillis() / 1000.0));
                } else {
                    failed++;
                    say(prefix + ": refused with HTTP " + result.status() + ": " + result.body());
                }
            } catch (IOException e) {
                failed++;
                say(prefix + ": " + e.getMessage() + " (is the platform running? ./bulletin-search)");
            }
        }
        say(String.format("uploaded %d of %d files, %d articles", files.size() - failed, files.size(), articles));
        return failed;
    }

    private static void printWelcome(Platform platform, String apiKey) {
        String ingest = platform.url(Service.INGEST);
        String catalog = platform.url(Service.CATALOG);
        String search = platform.url(Service.SEARCH);
        OUT.printf("""

                Bulletin Search is running.
                  ingest   %s   (OpenAPI: %s/q/openapi)
                  catalog  %s
                  search   %s
                  upload API key: %s   (set INGEST_API_KEY to change it)
                  Kafka %s, PostgreSQL %s, search engine %s
                  logs: %s

                Try:
                  curl -s -H 'X-API-Key: %s' -H 'Content-Type: text/plain' --data-binary @samples/trade-bulletin-2026-11.txt '%s/bulletins?source=trade-bulletin-2026-11.txt'
                  curl -s '%s/search?q=madagascar'
                  curl -s '%s/search/suggest?q=botsw'
                  curl -s '%s/articles?size=5'
                  ./bulletin-search load path/to/bulletin.txt

                Ctrl-C stops everything.
                %n""", ingest, ingest, catalog, search, apiKey,
                platform.infrastructure().kafkaBootstrapServers(), platform.infrastructure().jdbcUrl(),
                platform.infrastructure().searchEngineUrl(), platform.logDir(),
                apiKey, ingest, search, search, catalog);
        OUT.flush();
    }

    private static void say(String line) {
        OUT.printf("[%6.1fs] %s%n", (System.nanoTime() - STARTED) / 1e9, line);
        OUT.flush();
    }

    private static void fail(String message) {
        System.err.println("platform: " + message);
        System.exit(1);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intEnv(String name, int fallback) {
        String value = env(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            fail(name + " must be a port number, got '" + value + "'");
            return fallback;
        }
    }

}
