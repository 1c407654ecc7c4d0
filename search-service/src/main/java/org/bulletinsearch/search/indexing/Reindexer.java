package org.bulletinsearch.search.indexing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.bulletinsearch.consumption.RetryPolicy;
import org.bulletinsearch.search.engine.SearchEngine;
import org.bulletinsearch.search.engine.SearchEngineRequestException;
import org.bulletinsearch.search.indexing.ReindexState.Lock;
import org.bulletinsearch.search.indexing.ReindexState.LostLockException;
import org.jboss.logging.Logger;

/**
 * Rebuilds the article index from the catalog without downtime: a new index with this release's definition
 * ({@code articles-v3-<yyyyMMddHHmmss>}) is filled from the catalog export while the alias keeps serving the
 * old one, then the alias moves to it in one {@code _aliases} call and the old index is deleted.
 *
 * <ol>
 *   <li><b>Start</b> ({@code POST /admin/reindex}, or a start-up whose definition is newer than the alias's
 *       index): take the lock ({@link ReindexState}; a second request gets {@link ReindexRunningException}),
 *       create the new index (refreshing only at the end) and its journal, then the aliases
 *       {@code articles-next} and {@code articles-next-journal} on them. From then on every replica's consumer
 *       writes each batch to both indices and records it in the journal ({@link ArticleIndexer}).</li>
 *   <li><b>Backfill</b>: the export page by page (the next page is fetched while one is written), each with one
 *       {@code _bulk} of {@code create} actions: a document a live write put there first is newer and stays.</li>
 *   <li><b>Replay</b>: the deletions and retractions of the journal are applied again, each guarded by the
 *       document's version as read just before ({@code if_seq_no}), so that a live write in between wins.</li>
 *   <li><b>Swap</b>: refresh, then one {@code _aliases} call moves the alias and removes both others; after
 *       {@code search.reindex.old-index-grace} the old index and the journal are deleted and the lock released.</li>
 * </ol>
 *
 * <p>This class starts jobs, swaps and cleans up; {@link ReindexBackfill} fills the new index; {@link ReindexSteps}
 * runs each step. Whatever cannot be answered now (catalog or engine down) is retried by the {@link RetryPolicy}, for as long
 * as it takes; a refusal (the catalog answers 4xx, the engine refuses a request) fails the job, which then
 * deletes what it built. A job whose replica stopped leaves a lock that is taken over once stale
 * ({@code search.reindex.stale-after}). The export is the truth as of each page: an article the search service
 * indexed before the start but the catalog had not stored yet when its page was read is not copied, so run a
 * reindex while the catalog keeps up (its consumer lag near zero).
 */
@ApplicationScoped
public class Reindexer {

    /** Who started a job. */
    public static final String API = "api";
    public static final String STARTUP = "startup";

    private static final Logger LOG = Logger.getLogger(Reindexer.class);

    /** Another job holds the lock. */
    public static class ReindexRunningException extends RuntimeException {
        private final String job;

        public ReindexRunningException(String job) {
            super("reindex " + job + " is running");
            this.job = job;
        }

        /** The running job's id. */
        public String job() {
            return job;
        }
    }

    private final IndexManager indexManager;
    private final ReindexBackfill backfill;
    private final ReindexSteps steps;
    private final ReindexJournal journal;
    private final ReindexState state;
    private final SearchEngine engine;
    private final RetryPolicy retry;
    private final ReindexConfig config;
    private final ScheduledThreadPoolExecutor runner = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "reindex");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ReindexJob running;
    private volatile ReindexJob cleanUpPending;

    public Reindexer(IndexManager indexManager, ReindexBackfill backfill, ReindexSteps steps, ReindexJournal journal,
            ReindexState state, SearchEngine engine, RetryPolicy retry, ReindexConfig config) {
        this.indexManager = indexManager;
        this.backfill = backfill;
        this.steps = steps;
        this.journal = journal;
        this.state = state;
        this.engine = engine;
        this.retry = retry;
        this.config = config;
        runner.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.reindex().automatic()) {
            runner.execute(this::reindexIfOutdated);
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        // A running job notices between two pages (the retry policy fails from now on too), and deletes what it
        // built. A clean-up waiting for its grace period is dropped: the old index stays, unused.
        runner.shutdown();
        runner.awaitTermination(10, TimeUnit.SECONDS);
        ReindexJob swapped = cleanUpPending;
        if (swapped != null) {
            LOG.warnf("reindex %s: stopping before its grace period ended; delete %s by hand", swapped.id,
                    swapped.previousIndex);
            release(swapped);
        }
    }

    /**
     * Starts a job and returns its first status; the job runs on in the background.
     *
     * @param trigger {@link #API} or {@link #STARTUP}
     * @param requestedBy the API key's name, for the record
     * @throws ReindexRunningException when a job runs already
     */
    public synchronized ReindexStatus start(String trigger, String requestedBy) {
        indexManager.ensureIndex();
        state.ensure();
        Instant now = Instant.now();
        Optional<Lock> held = state.lock();
        if (held.isPresent()) {
            if (!held.get().heartbeat().plus(config.reindex().staleAfter()).isBefore(now)) {
                throw new ReindexRunningException(held.get().job());
            }
            abandon(held.get(), now);
        }
        ReindexJob job = new ReindexJob(UUID.randomUUID().toString(), indexManager.buildName(now),
                indexManager.aliasTarget(), trigger, requestedBy, now);
        job.lock(state.acquire(job.id, job.index, job.journal, now)
                .orElseThrow(() -> new ReindexRunningException(state.lock().map(Lock::job).orElse("unknown"))));
        try {
            // Holding the lock: an index of that name is what a failed job left behind.
            indexManager.deleteIndex(job.index);
            indexManager.deleteIndex(job.journal);
            indexManager.create(job.index, buildDefinition());
            indexManager.create(job.journal, journal.definition(0));
            state.save(job.status(ReindexStatus.RUNNING, null, null));
            indexManager.moveAliases(engine.mapper().createArrayNode()
                    .add(indexManager.aliasAction("add", job.index, indexManager.nextAlias()))
                    .add(indexManager.aliasAction("add", job.journal, indexManager.nextJournalAlias())));
        } catch (RuntimeException e) {
            fail(job, e);
            throw e;
        }
        running = job;
        runner.execute(() -> run(job));
        LOG.infof("reindex %s started (%s, by %s): building %s from %s while %s serves %s", job.id, trigger,
                requestedBy, job.index, config.catalogUrl(), indexManager.alias(), job.previousIndex);
        return job.status(ReindexStatus.RUNNING, null, null);
    }

    /** A job's status: the one this replica runs as of now, any other as last recorded. */
    public Optional<ReindexStatus> status(String id) {
        ReindexJob job = running;
        if (job != null && job.id.equals(id)) {
            return Optional.of(job.status(ReindexStatus.RUNNING, null, null));
        }
        return state.load(id);
    }

    private ObjectNode buildDefinition() {
        ObjectNode definition = indexManager.definition();
        // Nothing searches it before the swap: refreshing once at the end makes the backfill cheaper.
        ((ObjectNode) definition.path("settings").path("index")).put("refresh_interval", "-1");
        return definition;
    }

    private void reindexIfOutdated() {
        try {
            retry.untilDone("checking the index's mapping version", () -> Uni.createFrom().item(() -> {
                startIfOutdated();
                return true;
            })).await().indefinitely();
        } catch (RuntimeException e) {
            LOG.warnf("no automatic reindex: %s", RetryPolicy.rootMessage(e));
        }
    }

    private void startIfOutdated() {
        indexManager.ensureIndex();
        String current = indexManager.aliasTarget();
        int version = indexManager.info(current).mappingVersion();
        if (version >= indexManager.mappingVersion()) {
            return;
        }
        LOG.infof("index %s has mapping version %d, this release writes version %d: reindexing from the catalog",
                current, version, indexManager.mappingVersion());
        try {
            // A ReindexRunningException goes to the retry policy: another replica's job brings the alias to this
            // version, a stopped one's is taken over once stale; either way, look again after a pause.
            start(STARTUP, "service");
        } catch (SearchEngineRequestException e) {
            LOG.errorf("cannot start the automatic reindex: %s", e.getMessage());
        }
    }

    private void run(ReindexJob job) {
        try {
            backfill.fill(job);
            swap(job);
        } catch (RuntimeException e) {
            fail(job, e);
        }
    }

    private void swap(ReindexJob job) {
        steps.patiently(job, "refreshing the new index", () -> {
            ObjectNode settings = engine.mapper().createObjectNode();
            settings.putObject("index").putNull("refresh_interval");
            engine.send("PUT", "/" + job.index + "/_settings", settings);
            engine.send("POST", "/" + job.index + "/_refresh", null);
            return true;
        });
        steps.progress(job, true);
        ArrayNode actions = engine.mapper().createArrayNode();
        if (job.previousIndex != null) {
            actions.add(indexManager.aliasAction("remove", job.previousIndex, indexManager.alias()));
        }
        actions.add(indexManager.aliasAction("add", job.index, indexManager.alias()))
                .add(indexManager.aliasAction("remove", job.index, indexManager.nextAlias()))
                .add(indexManager.aliasAction("remove", job.journal, indexManager.nextJournalAlias()));
        steps.patiently(job, "moving the alias", () -> {
            // A retry after an answer that got lost must not move it twice.
            if (!job.index.equals(indexManager.aliasTarget())) {
                indexManager.moveAliases(actions);
            }
            return true;
        });
        ReindexStatus done = job.status(ReindexStatus.DONE, Instant.now(), null);
        steps.patiently(job, "recording the result", () -> {
            state.save(done);
            return true;
        });
        running = null;
        LOG.infof("reindex %s done: %s now serves %s (%d articles from the catalog, %.1f/s, %d changes replayed)",
                job.id, job.index, indexManager.alias(), done.indexed(), done.rate(), done.changesReplayed());
        cleanUpPending = job;
        runner.schedule(() -> {
            cleanUpPending = null;
            cleanUp(job);
        }, config.reindex().oldIndexGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cleanUp(ReindexJob job) {
        try {
            if (config.reindex().deleteOldIndex() && job.previousIndex != null) {
                indexManager.deleteIndex(job.previousIndex);
            }
            indexManager.deleteIndex(job.journal);
        } catch (RuntimeException e) {
            LOG.warnf("reindex %s: could not delete %s and %s (%s); delete them by hand", job.id, job.previousIndex,
                    job.journal, RetryPolicy.rootMessage(e));
        } finally {
            release(job);
        }
    }

    private void release(ReindexJob job) {
        try {
            state.release(job.lock());
        } catch (RuntimeException e) {
            LOG.warnf("reindex %s: could not release the lock (%s); it goes stale after %s", job.id,
                    RetryPolicy.rootMessage(e), config.reindex().staleAfter());
        }
    }

    private void fail(ReindexJob job, Throwable failure) {
        running = null;
        String why = failure instanceof LostLockException ? failure.getMessage() : RetryPolicy.rootMessage(failure);
        LOG.errorf("reindex %s failed: %s", job.id, why);
        if (failure instanceof LostLockException) {
            return; // the job that took over deleted what this one built
        }
        try {
            if (!job.index.equals(indexManager.aliasTarget())) {
                indexManager.deleteIndex(job.index);
            }
            indexManager.deleteIndex(job.journal);
            state.save(job.status(ReindexStatus.FAILED, Instant.now(), why));
            if (job.lock() != null) {
                state.release(job.lock());
            }
        } catch (RuntimeException e) {
            LOG.warnf("reindex %s: could not clean up (%s); the next reindex will, once the lock is stale", job.id,
                    RetryPolicy.rootMessage(e));
        }
    }

    /** Removes what a job whose replica stopped built, and records it as failed. */
    private void abandon(Lock stale, Instant now) {
        LOG.warnf("reindex %s made no progress since %s: taking over", stale.job(), stale.heartbeat());
        if (!stale.index().equals(indexManager.aliasTarget())) {
            // (it is, when the job had moved the alias and only its clean-up was lost)
            indexManager.deleteIndex(stale.index());
        }
        indexManager.deleteIndex(stale.journal());
        state.load(stale.job()).filter(s -> ReindexStatus.RUNNING.equals(s.status())).ifPresent(s -> state.save(
                s.failed("abandoned: no progress since " + stale.heartbeat() + " (its replica stopped)", now)));
        state.release(stale);
    }
}
