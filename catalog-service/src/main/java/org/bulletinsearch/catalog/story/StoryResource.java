package org.bulletinsearch.catalog.story;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import org.bulletinsearch.edge.InvalidParameterException;
import org.bulletinsearch.edge.Parameters;
import org.bulletinsearch.events.ArticleId;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /stories/{id}}: one story and its versions; {@code /stories?articleId=…}: the stories of some articles
 * (what search needs to show one hit per story). Ids in, one call to {@link StoryCatalog}, JSON out.
 */
@Path("/stories")
@Produces(MediaType.APPLICATION_JSON)
public class StoryResource {

    private final StoryCatalog catalog;

    public StoryResource(StoryCatalog catalog) {
        this.catalog = catalog;
    }

    /** Most article ids one {@code GET /stories} may ask about. */
    public static final int MAX_ARTICLE_IDS = 200;

    /** The stories of the articles ({@code articleId} repeated, 1 to {@value #MAX_ARTICLE_IDS} ids). */
    @GET
    public StoryMemberships memberships(@QueryParam("articleId") List<String> articleIds) {
        if (articleIds.isEmpty() || articleIds.size() > MAX_ARTICLE_IDS) {
            throw new InvalidParameterException("articleId", "give 1 to " + MAX_ARTICLE_IDS + " article ids, gave "
                    + articleIds.size());
        }
        for (String id : articleIds) {
            storyOrArticleId("articleId", id);
        }
        return catalog.memberships(List.copyOf(new LinkedHashSet<>(articleIds)));
    }

    /** The story, or a 308 to the story a former story of this id merged into. */
    @GET
    @Path("/{id}")
    public RestResponse<StoryDetails> get(@PathParam("id") String id) {
        storyOrArticleId("id", id);
        StoryCatalog.StoryLookup found = catalog.lookup(id);
        if (found instanceof StoryCatalog.StoryLookup.Merged merged) {
            return RestResponse.ResponseBuilder.<StoryDetails>create(RestResponse.Status.PERMANENT_REDIRECT)
                    .location(URI.create("/stories/" + merged.storyId())).build();
        }
        return RestResponse.ok(((StoryCatalog.StoryLookup.Found) found).story());
    }

    private static void storyOrArticleId(String parameter, String id) {
        if (!ArticleId.isWellFormed(id)) {
            throw new InvalidParameterException(parameter, "an id is 32 lowercase hex characters, was '"
                    + Parameters.abbreviate(id) + "'");
        }
    }
}
