package org.bulletinsearch.bench.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bulletinsearch.bench.BenchPlatform;
import org.bulletinsearch.bench.Budget;
import org.bulletinsearch.bench.results.Figure;
import org.bulletinsearch.bench.results.Measurement;
import org.bulletinsearch.bench.results.Results;
import org.bulletinsearch.bench.results.Target;
import org.bulletinsearch.platform.Console;
import org.bulletinsearch.platform.Service;
import org.bulletinsearch.platform.ServiceProcess;

/**
 * Figure 5, start-up: each service restarted on its own (the others idle, so the 2 cores are its own),
 * timed from spawning {@code java -jar quarkus-run.jar} to the first {@code 200} of
 * {@code /q/health/ready} (Kafka, database or engine checks included), then its RSS once idle.
 *
 * @param settle how long after ready each service's memory is read
 */
public record StartupBenchmark(BenchPlatform platform, Duration settle) {

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    private static final Pattern QUARKUS_VERSION = Pattern.compile("powered by Quarkus ([0-9][^)\\s]*)");

    /** Restarts each service once per round and adds the start-up and idle-memory figures. */
    public void run(Budget.Rounds rounds, Results results) throws Exception {
        Map<Service, List<Double>> ready = new EnumMap<>(Service.class);
        Map<Service, List<Double>> quarkus = new EnumMap<>(Service.class);
        Map<Service, List<Double>> idleRss = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ready.put(service, new ArrayList<>());
            quarkus.put(service, new ArrayList<>());
            idleRss.put(service, new ArrayList<>());
        }
        rounds.each(round -> {
            for (Service service : Service.values()) {
                ServiceProcess process = platform.platform().restart(service);
                double seconds = process.startTime().toMillis() / 1000.0;
                ready.get(service).add(seconds);
                Double reported = lastMatch(process.logFile(), STARTED_IN);
                if (reported != null) {
                    quarkus.get(service).add(reported);
                }
                BenchPlatform.sleep(settle);
                double rss = ProcessMemory.rssKilobytes(process.pid()) / 1024.0;
                idleRss.get(service).add(rss);
                Console.say(String.format("start-up round %d: %-15s ready in %.2f s (Quarkus: %s s), idle RSS %.0f MB",
                        round, service.module(), seconds, reported, rss));
            }
        });
        String version = lastText(platform.logFile(Service.SEARCH), QUARKUS_VERSION);
        if (version != null) {
            results.version("Quarkus", version);
        }
        for (Service service : Service.values()) {
            results.add(new Figure("5 Resources", service.module() + ".ready", service.module() + ": start → ready",
                    Measurement.of("platform", "s", ready.get(service)), null, Target.atMost(2, "s"),
                    "restarted alone with the platform's JVM options (-Xms32m -Xmx256m -XX:+UseSerialGC); from spawning"
                            + " the JVM to the first 200 of /q/health/ready (polled every 100 ms), which includes the"
                            + " Kafka/database/engine readiness checks; Quarkus itself reports started in "
                            + new Measurement("", "s", quarkus.get(service)).describe()));
            results.add(new Figure("5 Resources", service.module() + ".rss.idle", service.module() + ": RSS idle",
                    Measurement.of("platform", "MB", idleRss.get(service)), null, Target.atMost(200, "MB"),
                    "VmRSS from /proc/<pid>/status " + settle.toSeconds() + " s after ready, before any load"));
        }
    }

    static Double lastMatch(Path log, Pattern pattern) {
        String text = lastText(log, pattern);
        return text == null ? null : Double.valueOf(text);
    }

    static String lastText(Path log, Pattern pattern) {
        try {
            String found = null;
            for (String line : Files.readAllLines(log)) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    found = matcher.group(1);
                }
            }
            return found;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
