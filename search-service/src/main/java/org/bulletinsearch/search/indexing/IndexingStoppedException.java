package org.bulletinsearch.search.indexing;

/**
 * The service is shutting down while a batch still waits for the engine: the batch is given up
 * without acknowledgement, so its offsets stay uncommitted and the next consumer indexes it again.
 */
public class IndexingStoppedException extends RuntimeException {

    public IndexingStoppedException(String message) {
        super(message);
    }
}
