package org.bulletinsearch.search.page;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/** Pages that say what went wrong, as text for a person: never a stack trace, never problem+json. */
final class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private ErrorPages() {
    }

    static Response page(HttpHeaders headers, ErrorView view) {
        return PageResponses.page(headers, view, Pages.error(view), Pages.error$main(view));
    }

    /** A fault of ours while making a page: logged with its stack trace, shown as one sentence. */
    static Response unexpected(HttpHeaders headers, Throwable failure) {
        LOG.error("a page failed", failure);
        return page(headers, new ErrorView(500, "Something went wrong", "This page could not be made because of a"
                + " fault on our side. Try again; if it keeps happening, tell the platform's operators."));
    }
}
