package org.bulletinsearch.infra.support;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Stopping child processes the same way everywhere: ask, wait, then insist. */
public final class ProcessControl {

    private static final Duration ESCALATION_WAIT = Duration.ofSeconds(10);

    private ProcessControl() {
    }

    /**
     * Asks a process to stop ({@code ask}: close its stdin, send SIGTERM, ...), waits up to
     * {@code grace}, then sends SIGTERM and finally SIGKILL.
     */
    public static void stop(Process process, Runnable ask, Duration grace) {
        try {
            ask.run();
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(ESCALATION_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(ESCALATION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL, as a crash would; waits until the process is gone. */
    public static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(ESCALATION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs an action on every item at once and waits for all of them (stopping several servers). */
    public static <T> void inParallel(Collection<T> items, Consumer<T> action) {
        CompletableFuture.allOf(items.stream()
                .map(item -> CompletableFuture.runAsync(() -> action.accept(item)))
                .toArray(CompletableFuture[]::new)).join();
    }
}
