package org.bulletinsearch.search.page;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The search page at {@code /}: a GET form, so that the URL is the search (works without JavaScript, can be
 * bookmarked); with htmx, only the main part is replaced and the URL pushed. {@code /suggestions} lists titles
 * completing what is typed in the search box.
 */
@Path("/")
@HtmlPage
@Produces(MediaType.TEXT_HTML)
public class SearchPageResource {

    private final SearchViews views;

    public SearchPageResource(SearchViews views) {
        this.views = views;
    }

    @GET
    public Response search(@Context UriInfo uri, @Context HttpHeaders headers) {
        SearchView view = views.search(SearchState.of(uri.getQueryParameters()));
        return PageResponses.page(headers, view, Pages.search(view), Pages.search$main(view));
    }

    @GET
    @Path("suggestions")
    public Response suggestions(@QueryParam("q") String q) {
        return PageResponses.fragment(Pages.suggestions(views.suggestions(q)));
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException failure, HttpHeaders headers) {
        return ErrorPages.unexpected(headers, failure);
    }
}
