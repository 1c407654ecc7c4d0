package org.bulletinsearch.infra.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An OS lock on a file, held until {@link #close()} or the end of this JVM (the OS releases it even after
 * kill -9), with the holder's pid and state ({@code running}, {@code stopping}) written inside for the next
 * process to read: one launcher per server data directory, one platform per data folder.
 */
public final class FolderLock implements AutoCloseable {

    private final FileLock lock;

    private FolderLock(FileLock lock) {
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code file}, waiting up to {@code wait} for as long as {@code worthWaitingFor} accepts
     * what the holder wrote (such as {@code pid 42 stopping}); {@code onWait} hears that once, when a wait begins.
     *
     * @return the lock, marked {@code running}; empty when the holder kept it (see {@link #holder})
     */
    public static Optional<FolderLock> acquire(Path file, Duration wait, Predicate<String> worthWaitingFor,
            Consumer<String> onWait) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + wait.toNanos();
        boolean waiting = false;
        FileLock lock;
        while ((lock = channel.tryLock()) == null) {
            String holder = holder(file);
            if (!worthWaitingFor.test(holder) || System.nanoTime() > deadline) {
                channel.close();
                return Optional.empty();
            }
            if (!waiting) {
                onWait.accept(holder);
                waiting = true;
            }
            Thread.sleep(200);
        }
        FolderLock folderLock = new FolderLock(lock);
        folderLock.state("running");
        return Optional.of(folderLock);
    }

    /** What the holder of {@code file} wrote: {@code pid N STATE}, or nothing. */
    public static String holder(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    /** Tells a process that waits for this lock what this one is doing: {@code running}, {@code stopping}. */
    public void state(String state) {
        try {
            lock.channel().truncate(0).write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " " + state + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            lock.channel().force(false);
        } catch (IOException e) {
            // Only informs other starts; the lock itself still holds.
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException ignored) {
            // The lock goes with the process anyway.
        }
    }
}
