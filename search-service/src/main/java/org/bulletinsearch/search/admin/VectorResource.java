package org.bulletinsearch.search.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bulletinsearch.edge.ApiKeyProtected;
import org.bulletinsearch.search.engine.SearchEngineUnavailableException;
import org.bulletinsearch.search.vectors.VectorFiller;
import org.bulletinsearch.search.vectors.VectorStatus;

/**
 * The progress of the articles' vectors ({@link VectorFiller}): how many still lack one, how fast they get
 * one. Needs an API key like every admin endpoint. Documented in {@code META-INF/openapi.yaml}.
 */
@Path("/admin/vectors")
@Produces(MediaType.APPLICATION_JSON)
@ApiKeyProtected
public class VectorResource {

    private final VectorFiller filler;

    public VectorResource(VectorFiller filler) {
        this.filler = filler;
    }

    @GET
    public VectorStatus vectorStatus() {
        try {
            return filler.status();
        } catch (SearchEngineUnavailableException e) {
            throw e.asProblem();
        }
    }
}
