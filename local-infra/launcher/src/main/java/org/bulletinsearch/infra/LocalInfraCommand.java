package org.bulletinsearch.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: starts Kafka, PostgreSQL and the search engine and prints their endpoints, then
 * runs until Ctrl-C (or until stdin closes, with {@code --until-stdin-eof}).
 *
 * <pre>
 *   --data-dir=PATH          keep data there across runs (default: temporary, removed at exit)
 *   --only=kafka,postgres    start a subset (kafka, postgres, search-engine)
 *   --kafka-port=N --postgres-port=N --search-engine-port=N   fixed ports (default: free ones)
 * </pre>
 */
public final class LocalInfraCommand {

    private LocalInfraCommand() {
    }

    public static void main(String[] args) throws Exception {
        LocalInfrastructure.Builder builder = LocalInfrastructure.builder();
        Set<Component> only = EnumSet.allOf(Component.class);
        boolean untilStdinEof = false;
        for (String arg : args) {
            String key = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (key) {
                case "--data-dir" -> builder.dataDir(Path.of(value));
                case "--only" -> {
                    only = EnumSet.noneOf(Component.class);
                    for (String id : value.split(",")) {
                        only.add(Component.fromId(id));
                    }
                }
                case "--kafka-port" -> builder.port(Component.KAFKA, Integer.parseInt(value));
                case "--postgres-port" -> builder.port(Component.POSTGRES, Integer.parseInt(value));
                case "--search-engine-port" -> builder.port(Component.SEARCH_ENGINE, Integer.parseInt(value));
                case "--until-stdin-eof" -> untilStdinEof = true;
                case "--help", "-h" -> {
                    System.out.println("usage: local-infra [--data-dir=PATH] [--only=kafka,postgres,search-engine]"
                            + " [--kafka-port=N] [--postgres-port=N] [--search-engine-port=N] [--until-stdin-eof]");
                    return;
                }
                default -> {
                    System.err.println("unknown option: " + arg + " (try --help)");
                    System.exit(2);
                }
            }
        }
        LocalInfrastructure infra = builder.with(only).build();
        System.out.println("Starting " + only + " ...");
        try {
            infra.start();
        } catch (InfrastructureException e) {
            System.err.println("FAILED: " + e.getMessage());
            System.exit(1);
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
        } else {
            // The shutdown hook registered by start() stops the servers on Ctrl-C / SIGTERM.
            new CountDownLatch(1).await();
        }
    }
}
