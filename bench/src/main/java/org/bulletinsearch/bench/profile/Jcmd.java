package org.bulletinsearch.bench.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The JDK's own tools (jcmd, jstat), run against the services' JVMs by process id. */
public final class Jcmd {

    private Jcmd() {
    }

    /** The JDK tool next to the running java, else the one on the PATH. */
    public static String tool(String name) {
        Path candidate = Path.of(System.getProperty("java.home"), "bin", name);
        return Files.isExecutable(candidate) ? candidate.toString() : name;
    }

    /** {@code jcmd <pid> <command...>}; returns its output, throws when it fails. */
    public static String run(long pid, String... command) {
        List<String> line = new ArrayList<>();
        line.add(tool("jcmd"));
        line.add(Long.toString(pid));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run jcmd: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
