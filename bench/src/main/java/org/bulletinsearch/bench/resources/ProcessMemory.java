package org.bulletinsearch.bench.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of a process, from {@code /proc/<pid>/status} (Linux). */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** VmRSS in kB; -1 when the process is gone or /proc is not there. */
    public static long rssKilobytes(long pid) {
        return field(pid, "VmRSS:");
    }

    private static long field(long pid, String name) {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process ended between the lookup and the read.
        }
        return -1;
    }
}
