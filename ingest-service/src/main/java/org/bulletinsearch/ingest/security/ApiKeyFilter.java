package org.bulletinsearch.ingest.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.bulletinsearch.edge.ProblemType;
import org.bulletinsearch.ingest.upload.UploadMetrics;

/**
 * Checks the API key of requests to {@link ApiKeyProtected} resources, before their body is read:
 * {@code X-API-Key: <key>} or {@code Authorization: Bearer <key>}. No key: {@code 401}; a key that is
 * not configured: {@code 403}; both as {@code application/problem+json} of the shared vocabulary
 * ({@link ProblemType#MISSING_API_KEY}, {@link ProblemType#INVALID_API_KEY}).
 */
@Provider
@ApiKeyProtected
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    @Inject
    ApiKeys keys;

    @Inject
    UploadMetrics metrics;

    @Override
    public void filter(ContainerRequestContext request) {
        String presented = presentedKey(request);
        if (presented == null) {
            metrics.unauthorized(ProblemType.MISSING_API_KEY.slug(), isUpload(request));
            throw ProblemType.MISSING_API_KEY.builder("send the API key in the " + API_KEY_HEADER
                    + " header (or as Authorization: Bearer <key>)")
                    .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"bulletin-ingest\"").build();
        }
        if (!keys.accepts(presented)) {
            metrics.unauthorized(ProblemType.INVALID_API_KEY.slug(), isUpload(request));
            throw ProblemType.INVALID_API_KEY.builder("the API key is not valid for this service").build();
        }
    }

    private static boolean isUpload(ContainerRequestContext request) {
        return "POST".equals(request.getMethod());
    }

    static String presentedKey(ContainerRequestContext request) {
        String header = request.getHeaderString(API_KEY_HEADER);
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }
}
