package org.bulletinsearch.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.bulletinsearch.infra.Component;
import org.bulletinsearch.infra.HeapSize;
import org.bulletinsearch.infra.support.FolderLock;
import org.bulletinsearch.infra.support.InfrastructureException;
import org.bulletinsearch.infra.support.ServerMain;
import org.bulletinsearch.platform.client.PlatformClient;
import org.bulletinsearch.platform.client.Upload;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/**
 * {@code ./bulletin-search}: runs the whole platform on this machine (the default, {@code run}), uploads
 * bulletins to it ({@code load}) or writes synthetic ones ({@code generate}); {@code --help} shows the usage.
 * The ports and the upload key come from environment variables (see README).
 */
@Command(name = "./bulletin-search", sortOptions = false, usageHelpWidth = 120,
        subcommands = HelpCommand.class,
        description = "Starts Kafka, PostgreSQL, the search engine and the three services, loads samples/*.txt and"
                + " prints the URLs; Ctrl-C stops everything. Without a command: run.",
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  INGEST_API_KEY                                 upload key(s), comma-separated (default "
                + Platform.DEVELOPMENT_API_KEY + ")",
            "  INGEST_PORT, CATALOG_PORT, SEARCH_PORT         8081, 8082, 8083",
            "  KAFKA_PORT, POSTGRES_PORT, SEARCH_ENGINE_PORT  19092, 15432, 19200",
            "  SEARCH_ENGINE_HEAP                             the search engine's JVM heap (default 512m)",
            "  BULLETIN_DATA_DIR                              the data folder (default ./data)",
            "  INGEST_URL                                     where load uploads (default http://127.0.0.1:$INGEST_PORT)"})
public final class PlatformCommand implements Callable<Integer> {

    private static final String LOCK_FILE = "platform.lock";
    private static final String ENGINE_HEAP_VARIABLE = "SEARCH_ENGINE_HEAP";
    /** How long a start waits for a platform on the same data folder that is stopping. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(60);
    /** How long the start waits for the sample articles to be searchable before printing the curls. */
    private static final Duration SAMPLES_WAIT = Duration.ofSeconds(30);

    @Mixin
    HelpOption help;

    @Mixin
    RunOptions run;

    /** Runs the command line; exits non-zero on a failure (1) or a wrong option (2). */
    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** The command line; a failure it can explain is one line on stderr, {@code platform: ...}, and exit code 1. */
    static CommandLine commandLine() {
        return new CommandLine(new PlatformCommand()).setExecutionStrategy(PlatformCommand::execute)
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (!(e instanceof InfrastructureException || e instanceof IllegalArgumentException || e instanceof IOException)) {
                e.printStackTrace();
            }
            commandLine.getErr().println("platform: " + e.getMessage());
            return 1;
        });
    }

    /**
     * Runs the command given; the run options belong to {@code run}, given before its word or after it (see
     * {@link #run(HelpOption, RunOptions)}), and before another command they are a usage error, not ignored.
     */
    private static int execute(ParseResult parsed) {
        ParseResult command = parsed.subcommand();
        List<String> runOptions = parsed.matchedOptions().stream().filter(option -> !option.usageHelp())
                .map(OptionSpec::longestName).toList();
        if (command != null && !command.commandSpec().name().equals("run") && !runOptions.isEmpty()) {
            throw new ParameterException(parsed.commandSpec().commandLine(), String.join(", ", runOptions)
                    + (runOptions.size() == 1 ? " is an option" : " are options") + " of run, not of "
                    + command.commandSpec().name());
        }
        return new RunLast().execute(parsed);
    }

    /** {@code ./bulletin-search} alone is {@code run}. */
    @Override
    public Integer call() throws Exception {
        return run.call();
    }

    /** {@code -h}, {@code --help} on every command. */
    static final class HelpOption {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help") boolean help;
    }

    /** {@code run}, also what {@code ./bulletin-search} alone does. */
    @Command(name = "run", description = "Start everything, load samples/*.txt, print URLs; Ctrl-C stops everything.")
    int run(@Mixin HelpOption help, @Mixin RunOptions options) throws Exception {
        // "./bulletin-search --fresh run" puts the options before the word run: they count as much as after it
        return options.orBefore(this.run).call();
    }

    /** The run options, and what {@code run} does with them. */
    static final class RunOptions implements Callable<Integer> {
        @Option(names = "--fresh", description = "delete the data folder first")
        boolean fresh;

        @Option(names = "--no-samples", description = "do not load samples/*.txt")
        boolean noSamples;

        /** Null when not given: then BULLETIN_DATA_DIR or ./data ({@link #dataFolder()}). */
        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "the data folder (default: BULLETIN_DATA_DIR or ./data)")
        Path dataDir;

        /** These options, with those given before the word {@code run} where these leave them out. */
        RunOptions orBefore(RunOptions before) {
            fresh |= before.fresh;
            noSamples |= before.noSamples;
            if (dataDir == null) {
                dataDir = before.dataDir;
            }
            return this;
        }

        /** The data folder: {@code --data-dir}, else {@code BULLETIN_DATA_DIR}, else {@code ./data}. */
        Path dataFolder() {
            String fromEnvironment = System.getenv("BULLETIN_DATA_DIR");
            return dataDir != null ? dataDir
                    : Path.of(fromEnvironment == null || fromEnvironment.isBlank() ? "data" : fromEnvironment);
        }

        @Override
        public Integer call() throws Exception {
            Path root = Path.of("").toAbsolutePath();
            Path data = dataFolder().toAbsolutePath();
            // Before the lock, so that a wrong port or heap variable leaves no data folder behind.
            Platform.Builder builder = platformOn(root, data);
            FolderLock lock = lockDataFolder(data);
            Platform platform;
            try {
                if (fresh) {
                    Console.say("--fresh: deleting the data in " + data);
                    try (Stream<Path> entries = Files.list(data)) {
                        entries.filter(p -> !p.getFileName().toString().equals(LOCK_FILE)).forEach(ServerMain::deleteRecursively);
                    }
                }
                Console.say("data folder " + data + " (logs in " + data.resolve("logs") + ")");
                // A kill during the start stops what it started once the start ends (the hook below is not yet set).
                platform = builder.closeOnShutdown().start();
            } catch (IOException | RuntimeException e) {
                lock.close();
                throw e;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            if (!stopWithLock(platform, lock, stopped)) {
                return 1;
            }
            if (!noSamples) {
                loadSamples(platform.client(), PlatformClient.bulletinsIn(root.resolve("samples")));
            }
            printWelcome(platform, apiKey());
            stopped.await();
            return 0;
        }
    }

    /**
     * Stops the platform, then releases the data folder's lock, when the JVM exits (Ctrl-C, SIGTERM); false when the
     * JVM is exiting already (killed during the start: the platform's own hook stops it, and the lock goes with
     * the process).
     */
    private static boolean stopWithLock(Platform platform, FolderLock lock, CountDownLatch stopped) {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                long stopping = System.nanoTime();
                // A platform started meanwhile then waits for this one instead of refusing.
                lock.state("stopping");
                Console.say("stopping: services first, then infrastructure ...");
                platform.close();
                lock.close();
                Console.say(String.format("stopped in %.1f s", (System.nanoTime() - stopping) / 1e9));
                stopped.countDown();
            }, "platform-shutdown"));
            return true;
        } catch (IllegalStateException exiting) {
            return false;
        }
    }

    /**
     * One platform per data folder: {@code <data>/platform.lock}, held from the start until the last server has
     * stopped. A platform that is stopping (Ctrl-C pressed, servers still shutting down) is waited for; a running
     * one is refused with its pid.
     */
    private static FolderLock lockDataFolder(Path dataDir) throws IOException, InterruptedException {
        Path file = dataDir.resolve(LOCK_FILE);
        Optional<FolderLock> lock = FolderLock.acquire(file, LOCK_WAIT, holder -> holder.endsWith("stopping"),
                holder -> Console.say("waiting for the platform that is stopping (" + holder + ") to release " + dataDir));
        if (lock.isPresent()) {
            return lock.get();
        }
        String holder = FolderLock.holder(file);
        throw new InfrastructureException((holder.isEmpty() ? "another platform" : "another platform (" + holder + ")")
                + " uses the data folder " + dataDir + ". Stop it first (Ctrl-C in its terminal, or kill "
                + holder.replaceAll("\\D*(\\d+).*", "$1") + "), or start this one with --data-dir=OTHER and other ports"
                + " (INGEST_PORT, CATALOG_PORT, SEARCH_PORT, KAFKA_PORT, POSTGRES_PORT, SEARCH_ENGINE_PORT).");
    }

    private static Platform.Builder platformOn(Path root, Path dataDir) {
        Platform.Builder builder = Platform.builder(root);
        engineHeap(System.getenv()).ifPresent(heap -> builder.heap(Component.SEARCH_ENGINE, heap));
        return builder
                .dataDir(dataDir)
                .apiKey(env("INGEST_API_KEY", Platform.DEVELOPMENT_API_KEY))
                .port(Service.INGEST, port(Service.INGEST.portVariable(), Service.INGEST.defaultPort()))
                .port(Service.CATALOG, port(Service.CATALOG.portVariable(), Service.CATALOG.defaultPort()))
                .port(Service.SEARCH, port(Service.SEARCH.portVariable(), Service.SEARCH.defaultPort()))
                .port(Component.KAFKA, port(Platform.portVariable(Component.KAFKA), 19092))
                .port(Component.POSTGRES, port(Platform.portVariable(Component.POSTGRES), 15432))
                .port(Component.SEARCH_ENGINE, port(Platform.portVariable(Component.SEARCH_ENGINE), 19200))
                .progress(Console::say);
    }

    private static void loadSamples(PlatformClient client, List<Path> files) throws InterruptedException {
        if (files.isEmpty()) {
            return;
        }
        Console.say("loading " + files.size() + " sample bulletins from samples/");
        List<Upload> loaded = new ArrayList<>();
        upload(client, files, loaded);
        long waiting = System.nanoTime();
        boolean searchable = client.awaitSearchable(loaded, SAMPLES_WAIT);
        Console.say(String.format(searchable ? "samples searchable after %.1f s" : "samples not all searchable after %.0f s;"
                + " see the search-service log", (System.nanoTime() - waiting) / 1e9));
    }

    /** {@code load}: uploads files to a running platform; exits 1 if any was refused. */
    @Command(name = "load", description = "Upload bulletin files to the running platform's ingest service"
            + " (INGEST_URL, INGEST_API_KEY).")
    int load(@Mixin HelpOption help,
            @Parameters(arity = "1..*", paramLabel = "FILE", description = "bulletin files") List<Path> files) {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such file: " + file);
            }
        }
        String ingest = env("INGEST_URL", localUrl(Service.INGEST));
        PlatformClient client = new PlatformClient(ingest, localUrl(Service.CATALOG), localUrl(Service.SEARCH), apiKey());
        return upload(client, files, new ArrayList<>()) > 0 ? 1 : 0;
    }

    /** {@code generate}: synthetic bulletins, the same bytes for the same seed. */
    @Command(name = "generate", description = "Write synthetic bulletins (deterministic for a seed) into DIR.")
    int generate(@Mixin HelpOption help,
            @Option(names = "--articles", paramLabel = "N", defaultValue = "1000", description = "articles in all (default 1000)")
            int articles,
            @Option(names = "--files", paramLabel = "F", defaultValue = "1", description = "files to spread them over (default 1)")
            int files,
            @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "generator seed (default 42)") long seed,
            @Parameters(paramLabel = "DIR", description = "target folder") Path dir) {
        BulletinGenerator generator = new BulletinGenerator(seed);
        int perFile = (articles + files - 1) / files;
        for (int f = 0, serial = 1; f < files && serial <= articles; f++) {
            int count = Math.min(perFile, articles - serial + 1);
            Path file = generator.write(dir.resolve(String.format("generated-%03d.txt", f + 1)), count, serial);
            Console.say(String.format("%s: %d articles", file, count));
            serial += count;
        }
        return 0;
    }

    /**
     * Uploads the files one after the other with a progress line each, adding the accepted ones to
     * {@code accepted}; returns how many failed.
     */
    private static int upload(PlatformClient client, List<Path> files, List<Upload> accepted) {
        int failed = 0;
        int articles = 0;
        for (int i = 0; i < files.size(); i++) {
            String prefix = String.format("[%d/%d] %s", i + 1, files.size(), files.get(i).getFileName());
            try {
                Upload upload = client.upload(files.get(i));
                if (upload.accepted()) {
                    accepted.add(upload);
                    articles += upload.articleCount();
                    Console.say(String.format("%s: %d articles, upload %s (%.1f s)", prefix, upload.articleCount(),
                            upload.uploadId(), upload.took().toMillis() / 1000.0));
                } else {
                    failed++;
                    Console.say(prefix + ": refused with HTTP " + upload.status() + ": " + upload.refusal());
                }
            } catch (UncheckedIOException e) {
                failed++;
                Console.say(prefix + ": " + e.getMessage() + " (is the platform running? ./bulletin-search)");
            }
        }
        Console.say(String.format("uploaded %d of %d files, %d articles", files.size() - failed, files.size(), articles));
        return failed;
    }

    private static void printWelcome(Platform platform, String apiKey) {
        String ingest = platform.url(Service.INGEST);
        String catalog = platform.url(Service.CATALOG);
        String search = platform.url(Service.SEARCH);
        System.out.printf("""

                Bulletin Search is running.
                  ingest   %s   (OpenAPI: %s/q/openapi)
                  catalog  %s
                  search   %s
                  search page for people: %s/   (search, articles, uploads with the key)
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
                %n""", ingest, ingest, catalog, search, search, apiKey,
                platform.infrastructure().kafkaBootstrapServers(), platform.infrastructure().jdbcUrl(),
                platform.infrastructure().searchEngineUrl(), platform.logDir(),
                apiKey, ingest, search, search, catalog);
        System.out.flush();
    }

    /** The first upload key. */
    private static String localUrl(Service service) {
        return "http://127.0.0.1:" + port(service.portVariable(), service.defaultPort());
    }

    private static String apiKey() {
        return env("INGEST_API_KEY", Platform.DEVELOPMENT_API_KEY).split(",")[0].trim();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * {@code SEARCH_ENGINE_HEAP} of {@code environment}, when set and not blank.
     *
     * @throws IllegalArgumentException naming the variable and its value when that is not a heap size
     */
    static Optional<HeapSize> engineHeap(Map<String, String> environment) {
        String value = environment.get(ENGINE_HEAP_VARIABLE);
        try {
            return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(HeapSize::parse);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENGINE_HEAP_VARIABLE + ": " + e.getMessage());
        }
    }

    private static int port(String variable, int fallback) {
        String value = env(variable, null);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a port number, got '" + value + "'");
        }
    }
}
