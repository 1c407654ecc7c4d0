package org.bulletinsearch.bench.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the CPU goes in async-profiler's collapsed stacks ({@code [thread];frame;frame... count}, root
 * first): threads, hottest frames (self), first frame of our own code, and time under chosen frames.
 *
 * <pre>java -cp ... org.bulletinsearch.bench.profile.CollapsedSummary FILE.collapsed [substring ...]</pre>
 */
public final class CollapsedSummary {

    private CollapsedSummary() {
    }

    public static void main(String[] args) throws IOException {
        int top = Integer.getInteger("top", 20);
        Path file = Path.of(args[0]);
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> ours = new HashMap<>();
        Map<String, Long> under = new HashMap<>();
        long total = 0;
        try (Stream<String> lines = Files.lines(file)) {
            for (String line : (Iterable<String>) lines::iterator) {
                int space = line.lastIndexOf(' ');
                if (space < 0) {
                    continue;
                }
                long count = Long.parseLong(line.substring(space + 1));
                String[] frames = line.substring(0, space).split(";");
                total += count;
                String thread = frames[0].startsWith("[") ? frames[0].replaceAll("[-#\\s]?\\d+\\]$", "]").replaceAll("\\d+", "N") : "?";
                threads.merge(thread, count, Long::sum);
                self.merge(frames[frames.length - 1], count, Long::sum);
                String first = "(no frame of ours)";
                for (int i = frames.length - 1; i >= 0; i--) {
                    if (frames[i].startsWith("org/bulletinsearch/") || frames[i].startsWith("org.bulletinsearch.")) {
                        first = frames[i];
                        break;
                    }
                }
                ours.merge(first, count, Long::sum);
                for (int a = 1; a < args.length; a++) {
                    for (String frame : frames) {
                        if (frame.contains(args[a])) {
                            under.merge(args[a], count, Long::sum);
                            break;
                        }
                    }
                }
            }
        }
        System.out.printf("==== %s: %d samples%n", file.getFileName(), total);
        print("threads", threads, total, top);
        print("hottest frames, self", self, total, top);
        print("first frame of our code (innermost)", ours, total, top);
        if (args.length > 1) {
            print("samples under frames containing", under, total, top);
        }
    }

    private static void print(String title, Map<String, Long> counts, long total, int top) {
        System.out.println("-- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }
}
