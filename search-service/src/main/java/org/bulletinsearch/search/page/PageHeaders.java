package org.bulletinsearch.search.page;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * The headers of every page answer: a Content Security Policy that allows nothing but this origin (no inline
 * script or style, no framing, forms only to here), no content sniffing, no referrer outside the site, and
 * {@code Vary: HX-Request} because the same URL answers a whole page or, to htmx, only its main part (and
 * {@code Accept-Encoding}: pages are compressed for browsers that ask).
 */
@Provider
@HtmlPage
public class PageHeaders implements ContainerResponseFilter {

    /** The policy of every page. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'none'; object-src 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "same-origin");
        headers.putSingle("Vary", "HX-Request, Accept-Encoding");
        headers.putSingle("Cache-Control", "no-cache");
    }
}
