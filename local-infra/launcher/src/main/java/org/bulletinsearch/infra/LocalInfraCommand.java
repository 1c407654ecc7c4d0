package org.bulletinsearch.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.bulletinsearch.infra.support.InfrastructureException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line: starts Kafka, PostgreSQL and the search engine and prints their endpoints, then
 * runs until Ctrl-C (or until stdin closes, with {@code --until-stdin-eof}). {@code --help} lists the options.
 */
@Command(name = "local-infra", sortOptions = false,
        description = "Starts Kafka, PostgreSQL and the search engine, each in a JVM of its own, prints their"
                + " endpoints and the variables for the services, and runs until Ctrl-C.")
public final class LocalInfraCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help") boolean help;

    @Option(names = "--data-dir", paramLabel = "PATH",
            description = "keep data there across runs (default: temporary, removed at exit)")
    Path dataDir;

    @Option(names = "--only", split = ",", paramLabel = "COMPONENT",
            description = "start a subset: kafka, postgres, search-engine (default: all)")
    List<Component> only = List.of(Component.values());

    @Option(names = "--kafka-port", paramLabel = "N", description = "fixed port (default: a free one)")
    int kafkaPort;

    @Option(names = "--postgres-port", paramLabel = "N", description = "fixed port (default: a free one)")
    int postgresPort;

    @Option(names = "--search-engine-port", paramLabel = "N", description = "fixed port (default: a free one)")
    int searchEnginePort;

    @Option(names = "--search-engine-heap", paramLabel = "SIZE", converter = HeapSize.Converter.class,
            description = "the search engine's JVM heap, such as 1g (default: 512m)")
    HeapSize searchEngineHeap;

    @Option(names = "--until-stdin-eof", description = "stop when stdin closes instead of on Ctrl-C")
    boolean untilStdinEof;

    /** Runs the command; exits 1 when a server does not start, 2 on a wrong option. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new LocalInfraCommand()).registerConverter(Component.class, Component::fromId);
    }

    /** Starts the servers, prints what the services need, then waits for Ctrl-C or the end of stdin. */
    @Override
    public Integer call() throws Exception {
        LocalInfrastructure.Builder builder = LocalInfrastructure.builder().with(EnumSet.copyOf(only))
                .port(Component.KAFKA, kafkaPort)
                .port(Component.POSTGRES, postgresPort)
                .port(Component.SEARCH_ENGINE, searchEnginePort);
        if (dataDir != null) {
            builder.dataDir(dataDir);
        }
        if (searchEngineHeap != null) {
            builder.heap(Component.SEARCH_ENGINE, searchEngineHeap);
        }
        LocalInfrastructure infra = builder.build();
        System.out.println("Starting " + infra.components() + " ...");
        try {
            infra.start();
        } catch (InfrastructureException e) {
            System.err.println("FAILED: " + e.getMessage());
            return 1;
        }
        for (Component component : infra.components()) {
            ServerProcess server = infra.server(component);
            System.out.printf("  %-14s ready in %5.1f s  port %-5d log %s%n", component.id(),
                    server.startTime().toMillis() / 1000.0, server.port(), server.logFile());
        }
        System.out.println("Environment for the services:");
        for (Map.Entry<String, String> entry : infra.environment().entrySet()) {
            System.out.println("  export " + entry.getKey() + "=" + entry.getValue());
        }
        System.out.println("Data: " + infra.dataRoot() + "   (Ctrl-C stops everything)");
        System.out.flush();

        if (untilStdinEof) {
            try {
                while (System.in.read() >= 0) {
                    // wait for the parent to close our stdin
                }
            } catch (IOException ignored) {
                // parent gone
            }
            infra.close();
            return 0;
        }
        // The shutdown hook registered by start() stops the servers on Ctrl-C / SIGTERM.
        new CountDownLatch(1).await();
        return 0;
    }
}
