package org.bulletinsearch.catalog.story;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bulletinsearch.catalog.CatalogConfig;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Groups stored articles into stories in the background: every {@code catalog.stories.pause}, the newest
 * {@code catalog.stories.batch-size} pending articles in one transaction ({@link StoryAssignment#assignPending}),
 * and at once again while a round finds a full batch and the pause is zero.
 *
 * <p>Why not in the consumer's transaction: comparing an article with the stored ones costs about as much as
 * storing it (its {@value LshBands#BANDS} band keys are looked up and written), and a bulk upload must be stored
 * and searchable at full speed. An article is therefore its own story, {@code storyPending}, for the moment
 * between being stored and being grouped: about a second for what was just uploaded (newest first), longer for a
 * backlog (a bulk upload, the articles stored before stories existed), grouped at the assigner's pace. The stories do not depend on that order ({@link StoryAssignment}). While
 * PostgreSQL is down, a round fails, is logged, and the next one tries again.
 */
@ApplicationScoped
public class StoryAssigner {

    private static final Logger LOG = Logger.getLogger(StoryAssigner.class);

    private final Session session;
    private final CatalogConfig.Stories config;
    private ScheduledExecutorService loop;

    public StoryAssigner(Session session, CatalogConfig config) {
        this.session = session;
        this.config = config.stories();
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

    /** One round, or rounds back to back while they find full batches and there is no pause. */
    private void rounds() {
        try {
            while (round() == config.batchSize() && config.pause().isZero() && !Thread.currentThread().isInterrupted()) {
                // the backlog of a bulk upload, when not paced
            }
        } catch (RuntimeException e) {
            LOG.warnf("stories not grouped this round (tried again in %s): %s", config.pause(), e.toString());
        }
    }

    /** Groups the newest pending articles; returns how many. */
    int round() {
        return QuarkusTransaction.requiringNew().call(() -> session.doReturningWork(
                connection -> StoryAssignment.assignPending(connection, config.batchSize())));
    }
}
