package org.bulletinsearch.catalog.story;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.bulletinsearch.edge.InvalidParameterException;
import org.bulletinsearch.edge.Parameters;
import org.bulletinsearch.events.ArticleId;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /stories/{id}}: one story and its versions ({@link StoryCatalog}); id in, one call, JSON out. */
@Path("/stories")
@Produces(MediaType.APPLICATION_JSON)
public class StoryResource {

    private final StoryCatalog catalog;

    public StoryResource(StoryCatalog catalog) {
        this.catalog = catalog;
    }

    /** The story, or a 308 to the story a former story of this id merged into. */
    @GET
    @Path("/{id}")
    public RestResponse<StoryDetails> get(@PathParam("id") String id) {
        if (!ArticleId.isWellFormed(id)) {
            throw new InvalidParameterException("id", "a story id is 32 lowercase hex characters, was '"
                    + Parameters.abbreviate(id) + "'");
        }
        StoryCatalog.StoryLookup found = catalog.lookup(id);
        if (found instanceof StoryCatalog.StoryLookup.Merged merged) {
            return RestResponse.ResponseBuilder.<StoryDetails>create(RestResponse.Status.PERMANENT_REDIRECT)
                    .location(URI.create("/stories/" + merged.storyId())).build();
        }
        return RestResponse.ok(((StoryCatalog.StoryLookup.Found) found).story());
    }
}
