package org.bulletinsearch.catalog.story;

import com.sun.management.OperatingSystemMXBean;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bulletinsearch.catalog.CatalogConfig;
import org.bulletinsearch.catalog.consuming.CatalogMetrics;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Groups stored articles into stories in the background, newest pending first, one transaction per round
 * ({@link StoryAssignment#assignPending}). Every {@code catalog.stories.pause} it looks whether articles were stored
 * since its last look and how busy the machine's CPUs were (busier than {@code catalog.stories.idle-cpu-below}):
 * <ul>
 * <li>articles stored and the CPUs busy (a bulk upload): {@code catalog.stories.busy-batch-size} (10 per second by
 * default), so that grouping takes almost nothing from ingest yet never stops;</li>
 * <li>articles stored or the CPUs busy: {@code catalog.stories.batch-size} (100 per second);</li>
 * <li>neither: {@code catalog.stories.idle-batch-size} at a time, round after round, until the backlog is done,
 * ingest resumes or other work makes the CPUs busy.</li>
 * </ul>
 *
 * <p>Why not in the consumer's transaction: comparing an article with the stored ones costs about as much as
 * storing it (its {@value LshBands#BANDS} band keys are looked up and written), and a bulk upload must be stored
 * and searchable at full speed. An article is therefore its own story, {@code storyPending}, for the moment
 * between being stored and being grouped: about a second for what was just uploaded (newest first), for a bulk
 * upload until it is stored and then the time to group its backlog. The stories do not depend on that order
 * ({@link StoryAssignment}). While PostgreSQL is down, a round fails, is logged, and the next one tries again.
 */
@ApplicationScoped
public class StoryAssigner {

    private static final Logger LOG = Logger.getLogger(StoryAssigner.class);
    /**
     * CPU share above which idle rounds stop: above what the rounds take themselves (the catalog and its database
     * backend, about one core), so only other work stops them.
     */
    private static final double BUSY_WHILE_CATCHING_UP = 0.9;
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Session session;
    private final CatalogConfig.Stories config;
    private final CatalogMetrics metrics;
    private ScheduledExecutorService loop;
    private long storedAtLastLook = -1;

    public StoryAssigner(Session session, CatalogConfig config, CatalogMetrics metrics) {
        this.session = session;
        this.config = config.stories();
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            loop = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "story-assigner");
                thread.setDaemon(true);
                return thread;
            });
            loop.scheduleWithFixedDelay(this::rounds, 0, Math.max(1, config.pause().toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.shutdownNow();
        }
    }

    /**
     * A paced round while ingest runs or the machine is busy, or idle rounds back to back until the backlog is done,
     * ingest resumes or the machine gets busy.
     */
    private void rounds() {
        try {
            boolean storing = ingesting();
            boolean busy = busy(config.idleCpuBelow());
            if (storing && busy) {
                round(config.busyBatchSize()); // a bulk upload on a saturated machine: ingest first, grouping barely moves
                return;
            }
            if (storing || busy || config.idleBatchSize() == 0) {
                round(config.batchSize());
                return;
            }
            while (round(config.idleBatchSize()) == config.idleBatchSize() && !ingesting() && !busy(BUSY_WHILE_CATCHING_UP)
                    && !Thread.currentThread().isInterrupted()) {
                // the backlog of a bulk upload, once it is stored and searchable
            }
        } catch (RuntimeException e) {
            LOG.warnf("stories not grouped this round (tried again in %s): %s", config.pause(), e.toString());
        }
    }

    /** Whether articles were stored since the last look. */
    private boolean ingesting() {
        long stored = metrics.articlesStored();
        boolean storing = stored != storedAtLastLook;
        storedAtLastLook = stored;
        return storing;
    }

    /**
     * Whether the machine's CPUs (the container's, where it has a limit) were busier than {@code share} since the
     * last look. The catalog cannot see the rest of the pipeline, but on a shared machine its CPU use says when
     * the search engine or another service still works through an upload: grouping then waits, as it waits for
     * the catalog's own ingest.
     */
    private boolean busy(double share) {
        double load = os.getCpuLoad();
        return load > share; // negative: not known, not busy
    }

    /** Groups the newest pending articles; returns how many. */
    int round(int batchSize) {
        if (batchSize == 0) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> session.doReturningWork(
                connection -> StoryAssignment.assignPending(connection, batchSize)));
    }
}
