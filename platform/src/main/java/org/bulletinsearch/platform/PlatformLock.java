package org.bulletinsearch.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bulletinsearch.infra.InfrastructureException;
import org.bulletinsearch.infra.support.ServerMain;

/**
 * One platform per data folder: {@code <data>/platform.lock}, an OS file lock held from start until the
 * last server has stopped (the OS releases it even after kill -9), with the holder's pid and state
 * ({@code running} or {@code stopping}) written inside for the next one to read.
 *
 * <p>A second {@code ./bulletin-search} on the same folder waits while the first is stopping (Ctrl-C
 * pressed, servers still shutting down) and refuses, naming the pid, while the first is running.
 */
final class PlatformLock implements AutoCloseable {

    static final String FILE = "platform.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private PlatformLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the data folder's lock, waiting up to {@code waitForStopping} for a platform that is stopping.
     *
     * @throws InfrastructureException if another platform runs on the folder, or is still stopping
     *     after the wait
     */
    static PlatformLock acquire(Path dataDir, Duration waitForStopping, Consumer<String> progress) {
        Path file = dataDir.resolve(FILE);
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + waitForStopping.toNanos();
            boolean announced = false;
            FileLock lock;
            while ((lock = channel.tryLock()) == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!holder.endsWith("stopping") || System.nanoTime() > deadline) {
                    channel.close();
                    throw new InfrastructureException(refusal(dataDir, holder));
                }
                if (!announced) {
                    progress.accept("waiting for the platform that is stopping (" + holder + ") to release " + dataDir);
                    announced = true;
                }
                Thread.sleep(200);
            }
            PlatformLock platformLock = new PlatformLock(channel, lock);
            platformLock.write("running");
            return platformLock;
        } catch (IOException e) {
            throw new InfrastructureException("cannot lock " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while waiting for " + file);
        }
    }

    /** Deletes everything in the data folder but this lock ({@code --fresh}). */
    void deleteDataExceptLock(Path dataDir) throws IOException {
        try (Stream<Path> entries = Files.list(dataDir)) {
            entries.filter(p -> !p.getFileName().toString().equals(FILE)).forEach(ServerMain::deleteRecursively);
        }
    }

    /** Tells a platform started meanwhile that this one is on its way out, so it waits instead of refusing. */
    void markStopping() {
        write("stopping");
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // The lock goes with the process anyway.
        }
    }

    private void write(String state) {
        try {
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " " + state + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            // Only informs other starts; the lock itself still holds.
        }
    }

    private static String refusal(Path dataDir, String holder) {
        String who = holder.isEmpty() ? "another platform" : "another platform (" + holder + ")";
        return who + " uses the data folder " + dataDir + ". Stop it first (Ctrl-C in its terminal, or kill "
                + holder.replaceAll("\\D*(\\d+).*", "$1") + "), or start this one with --data-dir=OTHER and other ports"
                + " (INGEST_PORT, CATALOG_PORT, SEARCH_PORT, KAFKA_PORT, POSTGRES_PORT, SEARCH_ENGINE_PORT).";
    }
}
