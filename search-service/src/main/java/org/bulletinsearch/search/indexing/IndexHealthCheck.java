package org.bulletinsearch.search.indexing;

import jakarta.enterprise.context.ApplicationScoped;
import org.bulletinsearch.search.engine.SearchEngineRequestException;
import org.bulletinsearch.search.engine.SearchEngineUnavailableException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the article index and its alias exist (the engine's own health is the extension's check). A
 * reindex does not make the service unready: the alias keeps serving the index it points at.
 */
@Readiness
@ApplicationScoped
public class IndexHealthCheck implements HealthCheck {

    private final IndexManager indexManager;

    public IndexHealthCheck(IndexManager indexManager) {
        this.indexManager = indexManager;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Article index")
                .withData("alias", indexManager.alias());
        try {
            indexManager.ensureIndex();
            return response.up().withData("index", String.valueOf(indexManager.currentIndex())).build();
        } catch (SearchEngineUnavailableException | SearchEngineRequestException e) {
            return response.down().withData("reason", String.valueOf(e.getMessage())).build();
        }
    }
}
