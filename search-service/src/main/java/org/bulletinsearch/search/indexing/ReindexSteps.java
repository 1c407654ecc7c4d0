package org.bulletinsearch.search.indexing;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.function.Supplier;
import org.bulletinsearch.consumption.RetryPolicy;
import org.bulletinsearch.search.engine.SearchEngineRequestException;
import org.bulletinsearch.search.indexing.CatalogExport.CatalogRefusedException;
import org.bulletinsearch.search.indexing.ReindexState.LostLockException;

/**
 * How every step of a reindex job runs: on a worker thread, retried by the shared {@link RetryPolicy} while the
 * catalog or the engine cannot answer, failing at once on a refusal; and how the job proves it is alive (its
 * lock renewed with its progress).
 */
@ApplicationScoped
public class ReindexSteps {

    private final ReindexState state;
    private final RetryPolicy retry;

    public ReindexSteps(ReindexState state, RetryPolicy retry) {
        this.state = state;
        this.retry = retry;
    }

    /**
     * {@code action} on a worker thread, retried while the catalog or the engine cannot answer (the job's status
     * says why meanwhile); a refusal ({@link CatalogRefusedException}, {@link SearchEngineRequestException}) or a
     * lost lock fails at once. Blocks the calling (job) thread until done.
     */
    <T> T patiently(ReindexJob job, String what, Supplier<T> action) {
        return later(job, what, action).await().indefinitely();
    }

    /** As {@link #patiently}, started when subscribed to (the next export page is read while one is written). */
    <T> Uni<T> later(ReindexJob job, String what, Supplier<T> action) {
        return retry.untilDone("reindex " + job.id + ": " + what, () -> Uni.createFrom().item(() -> {
            try {
                return new Attempt<>(action.get(), null);
            } catch (CatalogRefusedException | SearchEngineRequestException | LostLockException e) {
                return new Attempt<T>(null, e);
            } catch (RuntimeException e) {
                job.retrying(what + ": " + RetryPolicy.rootMessage(e));
                throw e;
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())).map(Attempt::value);
    }

    /** Renews the lock and records the status, at most once a second unless {@code now}. */
    void progress(ReindexJob job, boolean now) {
        Instant time = Instant.now();
        if (!now && job.lock().heartbeat().plusSeconds(1).isAfter(time)) {
            return;
        }
        patiently(job, "recording progress", () -> {
            job.lock(state.renew(job.lock(), time));
            state.save(job.status(ReindexStatus.RUNNING, null, null));
            return true;
        });
    }

    /** Whether the job still holds the lock (checked before each write attempt: a job taken over writes nothing). */
    boolean owned(ReindexJob job) {
        return state.lock().map(lock -> lock.job().equals(job.id)).orElse(false);
    }

    /** Ends the job's thread's work when the service stops (the job then deletes what it built). */
    void stopIfShuttingDown() {
        if (!retry.running()) {
            throw new IllegalStateException("the service is stopping");
        }
    }

    /** One attempt's value, or the failure that must not be retried. */
    private record Attempt<T>(T result, RuntimeException fatal) {
        T value() {
            if (fatal != null) {
                throw fatal;
            }
            return result;
        }
    }
}
