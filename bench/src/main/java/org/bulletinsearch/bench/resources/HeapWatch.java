package org.bulletinsearch.bench.resources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bulletinsearch.bench.profile.Jcmd;

/**
 * The heap of one JVM while something runs, two ways: {@code jstat -gc <pid> 100} (heap in use every
 * 100 ms, i.e. the peak including garbage not yet collected) and the GC log switched on with
 * {@code jcmd VM.log} (heap left after each collection, i.e. what the work really kept alive).
 */
public final class HeapWatch implements AutoCloseable {

    private static final Pattern PAUSE = Pattern.compile("Pause ([A-Za-z ]+?) \\(.*?\\) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private final long pid;
    private final Path gcLog;
    private final Process jstat;
    private final Thread reader;
    private volatile double peakUsedMb;
    private volatile double peakCommittedMb;
    private volatile int samples;

    /** What the watch saw. */
    public record Heap(double peakUsedMb, double peakCommittedMb, int jstatSamples, double maxAfterGcMb,
            double maxBeforeGcMb, int collections, int fullCollections) {
    }

    /** Starts watching the JVM {@code pid}, its GC log written to {@code gcLog}. */
    public HeapWatch(long pid, Path gcLog) {
        this.pid = pid;
        this.gcLog = gcLog.toAbsolutePath();
        try {
            Files.createDirectories(this.gcLog.getParent());
            Files.deleteIfExists(this.gcLog);
            Jcmd.run(pid, "VM.log", "output=file=" + this.gcLog, "what=gc", "decorators=uptimemillis");
            jstat = new ProcessBuilder(Jcmd.tool("jstat"), "-gc", Long.toString(pid), "100").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot watch the heap of " + pid + ": " + e.getMessage(), e);
        }
        reader = new Thread(this::readJstat, "jstat-" + pid);
        reader.setDaemon(true);
        reader.start();
    }

    private void readJstat() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> header = null;
            String line;
            while ((line = lines.readLine()) != null) {
                List<String> fields = Arrays.asList(line.trim().split("\\s+"));
                if (fields.contains("EU")) {
                    header = fields;
                    continue;
                }
                if (header == null || fields.size() != header.size()) {
                    continue;
                }
                try {
                    double used = value(header, fields, "S0U") + value(header, fields, "S1U") + value(header, fields, "EU")
                            + value(header, fields, "OU");
                    double committed = value(header, fields, "S0C") + value(header, fields, "S1C") + value(header, fields, "EC")
                            + value(header, fields, "OC");
                    peakUsedMb = Math.max(peakUsedMb, used / 1024);
                    peakCommittedMb = Math.max(peakCommittedMb, committed / 1024);
                    samples++;
                } catch (NumberFormatException skip) {
                    // a partial line
                }
            }
        } catch (IOException ended) {
            // jstat was stopped
        }
    }

    private static double value(List<String> header, List<String> fields, String column) {
        return Double.parseDouble(fields.get(header.indexOf(column)));
    }

    /** Stops watching and returns what was seen. */
    public Heap stop() {
        try {
            Jcmd.run(pid, "VM.log", "disable");
            // VM.log disable also silences the JVM's default warnings on stdout: put those back.
            Jcmd.run(pid, "VM.log", "output=stdout", "what=all=warning", "decorators=uptime,level,tags");
        } catch (RuntimeException e) {
            // the process may be gone; the log is there anyway
        }
        jstat.destroy();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double maxAfter = 0;
        double maxBefore = 0;
        int collections = 0;
        int full = 0;
        try {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher matcher = PAUSE.matcher(line);
                if (matcher.find()) {
                    collections++;
                    if (matcher.group(1).contains("Full")) {
                        full++;
                    }
                    maxBefore = Math.max(maxBefore, megabytes(matcher.group(2), matcher.group(3)));
                    maxAfter = Math.max(maxAfter, megabytes(matcher.group(4), matcher.group(5)));
                }
            }
        } catch (IOException e) {
            // no GC log: jstat alone
        }
        return new Heap(peakUsedMb, peakCommittedMb, samples, maxAfter, maxBefore, collections, full);
    }

    private static double megabytes(String number, String unit) {
        double value = Double.parseDouble(number);
        return switch (unit) {
            case "K" -> value / 1024;
            case "G" -> value * 1024;
            default -> value;
        };
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
