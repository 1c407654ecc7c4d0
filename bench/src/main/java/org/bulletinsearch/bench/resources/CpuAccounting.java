package org.bulletinsearch.bench.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * How much of the machine something else used while a phase ran: the machine's busy CPU time
 * ({@code /proc/stat}) minus the CPU time of this JVM and everything it started (infrastructure,
 * services, PostgreSQL's processes). On a shared 2-core box this tells whether a figure is trustworthy.
 *
 * <p>Processes end during a phase (a restarted service, the PostgreSQL backend of a closed
 * connection) and take their CPU time with them, so a background thread samples every process of
 * ours and keeps the last value it saw of each.
 */
public final class CpuAccounting implements AutoCloseable {

    /** USER_HZ: /proc/stat counts in 1/100 s on every Linux this runs on. */
    static final double TICKS_PER_SECOND = 100;

    /** Last CPU seconds seen per process (pid and start time, as pids are reused). */
    private final Map<String, Double> seen = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cpu-accounting");
        thread.setDaemon(true);
        return thread;
    });

    private final Supplier<Stream<ProcessHandle>> daemons;

    /**
     * @param daemons processes of ours that detached from this JVM's process tree (PostgreSQL's
     *     postmaster, which {@code pg_ctl} starts in the background); their descendants count too
     */
    public CpuAccounting(Duration every, Supplier<Stream<ProcessHandle>> daemons) {
        this.daemons = daemons;
        sampler.scheduleWithFixedDelay(this::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A point in time to measure a phase from. */
    public record Mark(long nanos, double machine, double ours) {
    }

    /** What a phase's figures should be read with. */
    public record Share(double machineBusy, double ours, double others) {
        /** One line for the run notes. */
        public String describe() {
            return String.format("machine busy %.0f%%, of it this benchmark's processes %.0f%% and other processes %.0f%%",
                    machineBusy * 100, ours * 100, others * 100);
        }
    }

    /** Now, to measure a phase from. */
    public Mark mark() {
        sample();
        return new Mark(System.nanoTime(), machineBusySeconds(), oursSeconds());
    }

    /** Shares of all cores' time since the mark. */
    public Share since(Mark start) {
        Mark end = mark();
        double capacity = (end.nanos() - start.nanos()) / 1e9 * CpuPinning.machineCpus();
        if (capacity <= 0 || Double.isNaN(start.machine())) {
            return new Share(Double.NaN, Double.NaN, Double.NaN);
        }
        double machine = (end.machine() - start.machine()) / capacity;
        double ours = (end.ours() - start.ours()) / capacity;
        return new Share(machine, ours, Math.max(0, machine - ours));
    }

    private void sample() {
        Stream<ProcessHandle> roots = Stream.concat(Stream.of(ProcessHandle.current()), daemons.get());
        roots.flatMap(root -> Stream.concat(Stream.of(root), root.descendants())).forEach(process -> {
            ProcessHandle.Info info = process.info();
            info.totalCpuDuration().ifPresent(cpu -> seen.merge(
                    process.pid() + "@" + info.startInstant().map(Object::toString).orElse(""), cpu.toNanos() / 1e9, Math::max));
        });
    }

    private double oursSeconds() {
        return seen.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double machineBusySeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // user nice system idle iowait irq softirq steal ...
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(cpu[i]);
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
