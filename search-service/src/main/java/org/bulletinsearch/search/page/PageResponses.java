package org.bulletinsearch.search.page;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A page as the answer to a browser: the whole page, or, when htmx asks (header {@code HX-Request}), only its
 * main part with the title and the announcement for screen readers, which htmx puts in place of the page's own.
 * htmx restoring a page the user went back to asks for the whole page ({@code HX-History-Restore-Request}).
 */
final class PageResponses {

    static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    private PageResponses() {
    }

    /** Whether this request wants only the main part of a page. */
    static boolean partial(HttpHeaders headers) {
        return "true".equals(headers.getHeaderString("HX-Request"))
                && !"true".equals(headers.getHeaderString("HX-History-Restore-Request"));
    }

    /**
     * @param whole the page with its frame
     * @param main the same page's {@code main} fragment
     */
    static Response page(HttpHeaders headers, PageView view, TemplateInstance whole, TemplateInstance main) {
        String body = partial(headers) ? "<title>" + Html.escape(view.title()) + " · Bulletin Search</title>\n"
                + main.render() + "\n<div id=\"announce\" hx-swap-oob=\"innerHTML\">" + Html.escape(view.announcement())
                + "</div>\n" : whole.render();
        return Response.status(view.status()).type(HTML).entity(body).build();
    }

    /** A piece of a page (suggestions), never a whole one. */
    static Response fragment(TemplateInstance fragment) {
        return Response.ok(fragment.render()).type(HTML).build();
    }
}
