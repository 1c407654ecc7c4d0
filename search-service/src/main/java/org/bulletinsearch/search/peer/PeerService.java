package org.bulletinsearch.search.peer;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Another service of the platform that this one asks over HTTP (the catalog, the ingest service): its configured
 * base URL, with paths resolved against it, and the JDK client to ask it with, set up one way for every caller.
 * <ul>
 *   <li>HTTP/1.1: the client's default, HTTP/2, would try an h2c upgrade on every new connection to a plain-HTTP
 *       service.</li>
 *   <li>No redirects followed: a peer that redirects is misconfigured, and the caller reports its answer.</li>
 * </ul>
 * Built once per caller bean, so the per-request work is a string concatenation.
 */
public final class PeerService {

    private final String base;
    private final HttpClient client;

    /**
     * @param base           the peer's base URL, as configured (a path such as {@code /catalog} is kept; trailing
     *                       slashes are not significant)
     * @param connectTimeout how long a new connection may take before the request fails
     */
    public PeerService(URI base, Duration connectTimeout) {
        String url = base.toString();
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '/') {
            end--;
        }
        this.base = url.substring(0, end);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * @param pathAndQuery an absolute path, with its query if any, already encoded ({@code /stories?articleId=…})
     * @return the path under the peer's base URL
     * @throws IllegalArgumentException when the result is not a valid URI
     */
    public URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    /** The client to send requests to this peer with. */
    public HttpClient client() {
        return client;
    }
}
