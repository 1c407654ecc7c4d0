package org.bulletinsearch.bench.resources;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives the search engine CPUs of its own: the engine's processes on the last CPU, every other component of the
 * platform (and the benchmark's client) on the others, with {@code taskset(1)} on every thread of every process
 * ({@code -a}). Threads and processes started later inherit their parent's set. This is what makes the "fair"
 * ingest ratio fair: the engine gets the same CPU in the raw {@code _bulk} run and in the pipeline run, so the
 * ratio says how well the pipeline feeds the engine, not how much CPU the other processes take from it.
 *
 * @param components the platform's processes by component ({@link ComponentCpu.Component})
 * @param engine     the name of the engine's component
 */
public record CpuPinning(Map<String, ComponentCpu.Component> components, String engine) {

    /**
     * CPUs of the machine, read once before anything is pinned: a JVM counts only the CPUs it may run on, so the
     * benchmark's own count drops to one while it is pinned (and "every CPU" would then mean CPU 0).
     */
    private static final int CPUS = Runtime.getRuntime().availableProcessors();

    /** The machine's CPUs, whatever this JVM is pinned to at the moment. */
    public static int machineCpus() {
        return CPUS;
    }

    /** Whether this machine can pin: Linux with {@code taskset} and at least two CPUs. */
    public static boolean available() {
        return CPUS >= 2 && run(List.of("taskset", "-p", "1")) == 0;
    }

    /** The CPU list the engine gets: the last one, e.g. {@code 1} on 2 cores. */
    public static String engineCpus() {
        return String.valueOf(CPUS - 1);
    }

    /** The CPU list everything else gets: all but the last, e.g. {@code 0} on 2 cores. */
    public static String otherCpus() {
        int last = CPUS - 1;
        return last == 1 ? "0" : "0-" + (last - 1);
    }

    /** Every CPU, e.g. {@code 0-1}. */
    public static String allCpus() {
        return "0-" + (CPUS - 1);
    }

    /** The engine on {@link #engineCpus()}, the rest on {@link #otherCpus()}. */
    public void pin() {
        components.forEach((name, component) -> apply(component, name.equals(engine) ? engineCpus() : otherCpus()));
    }

    /** Every process back on every CPU. */
    public void release() {
        components.values().forEach(component -> apply(component, allCpus()));
    }

    private static void apply(ComponentCpu.Component component, String cpus) {
        List<ProcessHandle> processes = component.roots().stream()
                .flatMap(root -> component.withDescendants() ? Stream.concat(Stream.of(root), root.descendants()) : Stream.of(root))
                .filter(ProcessHandle::isAlive).toList();
        for (ProcessHandle process : processes) {
            List<String> command = new ArrayList<>(List.of("taskset", "-a", "-p", "-c", cpus, String.valueOf(process.pid())));
            if (run(command) != 0 && process.isAlive()) {
                throw new IllegalStateException("could not pin process " + process.pid() + " to CPUs " + cpus);
            }
        }
    }

    private static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
