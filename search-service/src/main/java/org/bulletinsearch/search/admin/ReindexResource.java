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
import org.bulletinsearch.edge.DependencyUnavailableException;
import org.bulletinsearch.edge.DependencyUnavailableException.Dependency;
import org.bulletinsearch.edge.ProblemType;
import org.bulletinsearch.edge.ResourceNotFoundException;
import org.bulletinsearch.search.engine.SearchEngineUnavailableException;
import org.bulletinsearch.search.indexing.ReindexStatus;
import org.bulletinsearch.search.indexing.Reindexer;
import org.bulletinsearch.search.indexing.Reindexer.ReindexRunningException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Rebuilding the index without downtime ({@link Reindexer}): start a reindex, follow its progress. Needs an
 * API key ({@code INGEST_API_KEY}, the same keys as every writing endpoint of the platform), the status too:
 * it names indices. Error answers are described once, in {@code META-INF/openapi.yaml}.
 */
@Path("/admin/reindex")
@Produces(MediaType.APPLICATION_JSON)
@ApiKeyProtected
@Tag(name = "Admin", description = "Operate the index: rebuild it from the catalog")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "400", ref = "InvalidParameter")
@APIResponse(responseCode = "401", ref = "MissingApiKey")
@APIResponse(responseCode = "403", ref = "InvalidApiKey")
@APIResponse(responseCode = "414", ref = "UriTooLong")
@APIResponse(responseCode = "431", ref = "HeadersTooLarge")
@APIResponse(responseCode = "500", ref = "InternalError")
@APIResponse(responseCode = "503", ref = "SearchEngineUnavailable")
public class ReindexResource {

    /** Job ids are UUIDs; anything else is no job (and never reaches the engine). */
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Reindexer reindexer;

    public ReindexResource(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    @POST
    @Operation(operationId = "startReindex", summary = "Rebuild the index from the catalog",
            description = "Builds a new index with this release's definition from the catalog's export while the"
                    + " current one keeps serving searches; articles arriving meanwhile go to both. Then the alias"
                    + " moves to the new index in one step and the old one is deleted. Searches never fail and never"
                    + " miss an article during the run. Follow the progress at the Location. A service start whose"
                    + " index definition is newer than the index in use does the same by itself.")
    @APIResponse(responseCode = "202", description = "Started; the Location is its status", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReindexStatus.class),
            examples = @ExampleObject(name = "started", ref = "ReindexStarted")))
    @APIResponse(responseCode = "409", ref = "ReindexRunning")
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
    @Operation(operationId = "reindexStatus", summary = "Progress of a reindex",
            description = "Articles read from the catalog and indexed so far, the rate, and the outcome.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReindexStatus.class),
            examples = @ExampleObject(name = "done", ref = "ReindexDone")))
    @APIResponse(responseCode = "404", ref = "ReindexNotFound")
    public ReindexStatus reindexStatus(
            @Parameter(description = "The job id (the id of the POST's answer)", example = "6f1d0c2e-3b7a-4f59-9c1e-2d8b7a6e5f40")
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
            throw new DependencyUnavailableException(Dependency.SEARCH_ENGINE,
                    "the search engine cannot answer right now; try again shortly", e);
        }
    }
}
