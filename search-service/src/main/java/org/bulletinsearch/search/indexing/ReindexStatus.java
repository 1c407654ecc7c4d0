package org.bulletinsearch.search.indexing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A reindex job as {@code GET /admin/reindex/{id}} shows it, and as the state index stores it.
 *
 * @param id the job id
 * @param status {@code running}, {@code done} or {@code failed}
 * @param index the index it builds (behind the alias once done)
 * @param previousIndex the index behind the alias when it started (deleted once done, unless configured not to)
 * @param trigger {@code api} ({@code POST /admin/reindex}) or {@code startup} (the mapping version was newer)
 * @param requestedBy the name of the API key that asked for it ({@code service} for a start-up)
 * @param fromCatalog articles read from the catalog export so far, and how many it announced
 * @param indexed articles of the export the engine confirmed in the new index (written, or already there
 *     from a newer live write)
 * @param rejected export items skipped: not an article, or refused by the engine for good
 * @param changesReplayed deletions and retractions made during the run that were applied again after the backfill
 * @param rate articles indexed per second over the backfill so far (time waiting for the catalog included)
 * @param etaSeconds seconds until the backfill has read the whole export at that rate; null when not running or
 *     not known yet
 * @param startedAt when the job started
 * @param finishedAt when it ended, null while running
 * @param retrying why the job is waiting right now (the catalog or the engine cannot answer), null when not
 * @param error why it failed, null unless failed
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReindexStatus(String id, String status, String index,
        String previousIndex,
        String trigger, String requestedBy, Progress fromCatalog, long indexed, long rejected, long changesReplayed,
        double rate,
        Long etaSeconds,
        Instant startedAt,
        Instant finishedAt,
        String retrying,
        String error) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    /**
     * Progress through the export.
     *
     * @param read articles read so far
     * @param total articles the export announced on its first page, null before it arrived
     */
    public record Progress(long read,
            Long total) {
    }

    /** This job, failed for {@code why} at {@code when}. */
    public ReindexStatus failed(String why, Instant when) {
        return new ReindexStatus(id, FAILED, index, previousIndex, trigger, requestedBy, fromCatalog, indexed, rejected,
                changesReplayed, rate, null, startedAt, when, null, why);
    }
}
