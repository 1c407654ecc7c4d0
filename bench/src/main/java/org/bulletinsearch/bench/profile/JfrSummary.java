package org.bulletinsearch.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        int top = Integer.getInteger("top", 20);
        for (String file : args) {
            summarize(Path.of(file), top);
        }
    }

    static void summarize(Path file, int top) throws IOException {
        Map<String, Long> selfMethods = new HashMap<>();
        Map<String, Long> ourFrames = new HashMap<>();
        Map<String, Long> ourCallers = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> allocationSites = new HashMap<>();
        Map<String, Long> allocationOurs = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        long gcCount = 0;
        Duration gcPause = Duration.ZERO;
        Duration longestPause = Duration.ZERO;
        long compilations = 0;
        Duration compilation = Duration.ZERO;
        long cpuLoads = 0;
        double jvmCpu = 0;
        double machineCpu = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    samples++;
                    RecordedStackTrace stack = event.getStackTrace();
                    RecordedThread thread = event.getThread("sampledThread");
                    add(threads, thread == null ? "?" : threadGroup(thread.getJavaName()), 1);
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    List<RecordedFrame> frames = stack.getFrames();
                    add(selfMethods, method(frames.get(0)), 1);
                    RecordedFrame ours = firstOurs(frames);
                    add(ourFrames, ours == null ? "(no frame of ours)" : method(ours), 1);
                    add(ourCallers, ours == null ? "(no frame of ours)" : method(ours) + "  <-  " + method(frames.get(0)), 1);
                }
                case "jdk.ObjectAllocationSample" -> {
                    long weight = event.getLong("weight");
                    allocated += weight;
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack != null && !stack.getFrames().isEmpty()) {
                        add(allocationSites, method(stack.getFrames().get(0)), weight);
                        RecordedFrame ours = firstOurs(stack.getFrames());
                        add(allocationOurs, ours == null ? "(no frame of ours)" : method(ours), weight);
                    }
                }
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
                    if (pause.compareTo(longestPause) > 0) {
                        longestPause = pause;
                    }
                }
                default -> {
                }
            }
        }
        System.out.printf("%n==== %s: %d CPU samples, %d GCs (%.0f ms paused, longest %.0f ms), %.0f MB allocated (sampled)%n",
                file.getFileName(), samples, gcCount, gcPause.toNanos() / 1e6, longestPause.toNanos() / 1e6,
                allocated / 1e6);
        System.out.printf("JIT: %d compilations, %.1f s compiling; CPU: this JVM %.0f%%, machine %.0f%% (averages of %d jdk.CPULoad"
                + " events, share of all cores)%n", compilations, compilation.toNanos() / 1e9,
                cpuLoads == 0 ? 0 : 100 * jvmCpu / cpuLoads, cpuLoads == 0 ? 0 : 100 * machineCpu / cpuLoads, cpuLoads);
        print("busiest threads (share of samples)", threads, samples, top, Function.identity());
        print("hottest methods, self", selfMethods, samples, top, Function.identity());
        print("first frame of our code in each sample", ourFrames, samples, top, Function.identity());
        print("our frame <- hot method", ourCallers, samples, top, Function.identity());
        print("allocation by site (share of bytes)", allocationSites, allocated, top, Function.identity());
        print("allocation by first frame of ours", allocationOurs, allocated, top, Function.identity());
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

    private static void print(String title, Map<String, Long> counts, long total, int top, Function<String, String> label) {
        System.out.println("-- " + title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", total == 0 ? 0 : 100.0 * e.getValue() / total,
                        label.apply(e.getKey())));
    }
}
