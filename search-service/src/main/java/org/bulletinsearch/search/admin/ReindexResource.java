package org.bulletinsearch.search.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.bulletinsearch.edge.ApiKeyFilter;
import org.bulletinsearch.edge.ApiKeyProtected;
import org.bulletinsearch.edge.ProblemType;
import org.bulletinsearch.edge.ResourceNotFoundException;
import org.bulletinsearch.search.engine.SearchEngineUnavailableException;
import org.bulletinsearch.search.indexing.ReindexStatus;
import org.bulletinsearch.search.indexing.Reindexer;
import org.bulletinsearch.search.indexing.Reindexer.ReindexRunningException;

/**
 * Rebuilding the index without downtime ({@link Reindexer}): start a reindex, follow its progress. Needs an
 * API key ({@code INGEST_API_KEY}, the same keys as every writing endpoint of the platform), the status too:
 * it names indices. Documented in {@code META-INF/openapi.yaml}, the service's OpenAPI contract.
 */
@Path("/admin/reindex")
@Produces(MediaType.APPLICATION_JSON)
@ApiKeyProtected
public class ReindexResource {

    /** Job ids are UUIDs; anything else is no job (and never reaches the engine). */
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Reindexer reindexer;

    public ReindexResource(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    @POST
    public Response startReindex(@Context ContainerRequestContext request) {
        ReindexStatus started;
        try {
            started = onEngine(() -> reindexer.start(Reindexer.API, ApiKeyFilter.keyName(request)));
        } catch (ReindexRunningException e) {
            throw ProblemType.CONFLICT.builder("a reindex is running already: follow it at /admin/reindex/" + e.job())
                    .with("job", e.job()).build();
        }
        return Response.accepted(started).location(URI.create("/admin/reindex/" + started.id())).build();
    }

    @GET
    @Path("/{id}")
    public ReindexStatus reindexStatus(
            @PathParam("id") String id) {
        if (!JOB_ID.matcher(id).matches()) {
            throw new ResourceNotFoundException("reindex", id);
        }
        return onEngine(() -> reindexer.status(id)).orElseThrow(() -> new ResourceNotFoundException("reindex", id));
    }

    private static <T> T onEngine(Supplier<T> call) {
        try {
            return call.get();
        } catch (SearchEngineUnavailableException e) {
            throw e.asProblem();
        }
    }
}
