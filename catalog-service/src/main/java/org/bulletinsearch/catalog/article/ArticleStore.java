package org.bulletinsearch.catalog.article;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.bulletinsearch.catalog.article.ArticleChange.Deleted;
import org.bulletinsearch.catalog.article.ArticleChange.Retracted;
import org.bulletinsearch.catalog.article.ArticleChange.Seen;
import org.hibernate.Session;

/**
 * Applies records of the articles topic to the catalog, a whole batch in one transaction, in the batch's
 * order: runs of plain sightings in a fixed number of set-based statements ({@link SightingWriter}),
 * corrections, deletions and retractions one at a time ({@link SightingWriter}, {@link DeletionWriter}),
 * each where it comes. Every record's effect is idempotent, so a redelivered batch changes nothing.
 *
 * <p>Native SQL runs on the Hibernate session's own JDBC connection ({@link Session#doReturningWork}),
 * inside the JTA transaction, so it commits or rolls back together with anything else the session
 * does. Reads go through the entities and the Panache repositories.
 */
@ApplicationScoped
public class ArticleStore {

    private final Session session;

    public ArticleStore(Session session) {
        this.session = session;
    }

    /**
     * Applies the changes in one new transaction, in their order (the consumption order). Throws what the
     * database throws; nothing is applied then.
     */
    public StoreOutcome apply(List<? extends ArticleChange> changes) {
        if (changes.isEmpty()) {
            return StoreOutcome.NOTHING;
        }
        return QuarkusTransaction.requiringNew().call(() -> session.doReturningWork(connection -> applyAll(connection, changes)));
    }

    private static StoreOutcome applyAll(Connection connection, List<? extends ArticleChange> changes) throws SQLException {
        StoreOutcome outcome = StoreOutcome.NOTHING;
        List<Seen> run = new ArrayList<>();
        for (ArticleChange change : changes) {
            // A correction ends the run: whether a sighting shows its article again or not depends on
            // whether it comes before or after the correction.
            if (change instanceof Seen seen && seen.event().supersedes() == null) {
                run.add(seen);
                continue;
            }
            outcome = outcome.plus(SightingWriter.write(connection, run));
            run.clear();
            if (change instanceof Seen correction) {
                outcome = outcome.plus(SightingWriter.write(connection, List.of(correction)));
            } else if (change instanceof Deleted deletion) {
                outcome = outcome.plus(DeletionWriter.delete(connection, deletion));
            } else if (change instanceof Retracted retraction) {
                outcome = outcome.plus(DeletionWriter.retract(connection, retraction));
            }
        }
        return outcome.plus(SightingWriter.write(connection, run));
    }
}
