package org.bulletinsearch.search.page;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.bulletinsearch.search.page.ArticleViews.ArticlePage;
import org.bulletinsearch.search.page.ArticleViews.Failed;
import org.bulletinsearch.search.page.ArticleViews.Moved;
import org.bulletinsearch.search.page.ArticleViews.Shown;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The page of one article at {@code /articles/{id}}: full text, provenance and related articles. A corrected
 * article's page sends the reader on to the correction (303).
 */
@Path("/articles")
@HtmlPage
@Produces(MediaType.TEXT_HTML)
public class ArticlePageResource {

    private final ArticleViews views;

    public ArticlePageResource(ArticleViews views) {
        this.views = views;
    }

    @GET
    @Path("{id}")
    public Response article(@PathParam("id") String id, @Context HttpHeaders headers) {
        ArticlePage page = views.article(id);
        if (page instanceof Moved moved) {
            return Response.seeOther(URI.create(moved.url())).build();
        }
        if (page instanceof Failed failed) {
            return ErrorPages.page(headers, failed.view());
        }
        ArticleView view = ((Shown) page).view();
        // htmx followed a redirect to get here: the address bar shows the article this is.
        return Response.fromResponse(PageResponses.page(headers, view, Pages.article(view), Pages.article$main(view)))
                .header("HX-Push-Url", view.url()).build();
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException failure, HttpHeaders headers) {
        return ErrorPages.unexpected(headers, failure);
    }
}
