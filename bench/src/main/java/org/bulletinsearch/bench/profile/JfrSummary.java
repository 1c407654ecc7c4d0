package org.bulletinsearch.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time goes in a JFR recording, in a form that fits a report: hottest methods (self time),
 * the first frame of our own code in each sample (what of ours leads to the hot code), busiest
 * threads, allocation by site and GC pauses.
 *
 * <pre>java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" org.bulletinsearch.bench.profile.JfrSummary FILE.jfr...</pre>
 */
public final class JfrSummary {

    private static final String OURS = "org.bulletinsearch.";
    private static final String NONE_OF_OURS = "(no frame of ours)";

    private final Map<String, Long> selfMethods = new HashMap<>();
    private final Map<String, Long> ourFrames = new HashMap<>();
    private final Map<String, Long> ourCallers = new HashMap<>();
    private final Map<String, Long> threads = new HashMap<>();
    private final Map<String, Long> allocationSites = new HashMap<>();
    private final Map<String, Long> allocationOurs = new HashMap<>();
    private long samples;
    private long allocated;
    private long gcCount;
    private Duration gcPause = Duration.ZERO;
    private Duration longestPause = Duration.ZERO;
    private long compilations;
    private Duration compilation = Duration.ZERO;
    private long cpuLoads;
    private double jvmCpu;
    private double machineCpu;

    private JfrSummary() {
    }

    /** Summarizes each recording named; {@code -Dtop=N} sets the length of each list (default 20). */
    public static void main(String[] args) throws IOException {
        int top = Integer.getInteger("top", 20);
        for (String file : args) {
            JfrSummary summary = new JfrSummary();
            RecordingFile.readAllEvents(Path.of(file)).forEach(summary::add);
            summary.print(Path.of(file).getFileName(), top);
        }
    }

    private void add(RecordedEvent event) {
        switch (event.getEventType().getName()) {
            case "jdk.ExecutionSample" -> addSample(event);
            case "jdk.ObjectAllocationSample" -> addAllocation(event);
            case "jdk.Compilation" -> {
                compilations++;
                compilation = compilation.plus(event.getDuration());
            }
            case "jdk.CPULoad" -> {
                cpuLoads++;
                jvmCpu += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                machineCpu += event.getFloat("machineTotal");
            }
            case "jdk.GarbageCollection" -> {
                gcCount++;
                Duration pause = event.getDuration("sumOfPauses");
                gcPause = gcPause.plus(pause);
                longestPause = pause.compareTo(longestPause) > 0 ? pause : longestPause;
            }
            default -> {
            }
        }
    }

    private void addSample(RecordedEvent event) {
        samples++;
        RecordedThread thread = event.getThread("sampledThread");
        add(threads, thread == null ? "?" : threadGroup(thread.getJavaName()), 1);
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        List<RecordedFrame> frames = stack.getFrames();
        add(selfMethods, method(frames.get(0)), 1);
        RecordedFrame ours = firstOurs(frames);
        add(ourFrames, ours == null ? NONE_OF_OURS : method(ours), 1);
        add(ourCallers, ours == null ? NONE_OF_OURS : method(ours) + "  <-  " + method(frames.get(0)), 1);
    }

    private void addAllocation(RecordedEvent event) {
        long weight = event.getLong("weight");
        allocated += weight;
        RecordedStackTrace stack = event.getStackTrace();
        if (stack != null && !stack.getFrames().isEmpty()) {
            add(allocationSites, method(stack.getFrames().get(0)), weight);
            RecordedFrame ours = firstOurs(stack.getFrames());
            add(allocationOurs, ours == null ? NONE_OF_OURS : method(ours), weight);
        }
    }

    private void print(Path file, int top) {
        System.out.printf("%n==== %s: %d CPU samples, %d GCs (%.0f ms paused, longest %.0f ms), %.0f MB allocated (sampled)%n",
                file, samples, gcCount, gcPause.toNanos() / 1e6, longestPause.toNanos() / 1e6, allocated / 1e6);
        System.out.printf("JIT: %d compilations, %.1f s compiling; CPU: this JVM %.0f%%, machine %.0f%% (averages of %d jdk.CPULoad"
                + " events, share of all cores)%n", compilations, compilation.toNanos() / 1e9,
                cpuLoads == 0 ? 0 : 100 * jvmCpu / cpuLoads, cpuLoads == 0 ? 0 : 100 * machineCpu / cpuLoads, cpuLoads);
        print("busiest threads (share of samples)", threads, samples, top);
        print("hottest methods, self", selfMethods, samples, top);
        print("first frame of our code in each sample", ourFrames, samples, top);
        print("our frame <- hot method", ourCallers, samples, top);
        print("allocation by site (share of bytes)", allocationSites, allocated, top);
        print("allocation by first frame of ours", allocationOurs, allocated, top);
    }

    private static RecordedFrame firstOurs(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (frame.getMethod() != null && frame.getMethod().getType().getName().startsWith(OURS)) {
                return frame;
            }
        }
        return null;
    }

    /** Thread pools by name, without the number: "executor-thread-3" -> "executor-thread". */
    private static String threadGroup(String name) {
        return name == null ? "?" : name.replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-N-");
    }

    private static String method(RecordedFrame frame) {
        if (frame.getMethod() == null) {
            return "?";
        }
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.', type.lastIndexOf('.') - 1) + 1) + "." + frame.getMethod().getName();
    }

    private static void add(Map<String, Long> counts, String key, long amount) {
        counts.merge(key, amount, Long::sum);
    }

    private static void print(String title, Map<String, Long> counts, long total, int top) {
        System.out.println("-- " + title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", total == 0 ? 0 : 100.0 * e.getValue() / total, e.getKey()));
    }
}
