package org.bulletinsearch.edge;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Checks the API key of requests to {@link ApiKeyProtected} resources, before their body is read:
 * {@code X-API-Key: <key>} or {@code Authorization: Bearer <key>}. No key: {@code 401}
 * {@link ProblemType#MISSING_API_KEY}; a key that is not configured: {@code 403}
 * {@link ProblemType#INVALID_API_KEY}; each refusal fires an {@link Unauthorized} event (for metrics). An
 * accepted key's name is left in the request property {@value #KEY_NAME} for audits.
 */
@Provider
@ApiKeyProtected
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    public static final String API_KEY_HEADER = "X-API-Key";
    /** Request property holding the accepted key's name. */
    public static final String KEY_NAME = "bulletin.api-key-name";
    private static final String BEARER = "Bearer ";

    @Inject
    ApiKeys keys;

    @Inject
    Event<Unauthorized> unauthorized;

    /**
     * A request was refused for its key.
     *
     * @param type {@link ProblemType#MISSING_API_KEY} or {@link ProblemType#INVALID_API_KEY}
     * @param method the HTTP method of the refused request
     */
    public record Unauthorized(ProblemType type, String method) {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String presented = presentedKey(request);
        if (presented == null) {
            unauthorized.fire(new Unauthorized(ProblemType.MISSING_API_KEY, request.getMethod()));
            throw ProblemType.MISSING_API_KEY.builder("send the API key in the " + API_KEY_HEADER
                    + " header (or as Authorization: Bearer <key>)")
                    .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"bulletin-search\"").build();
        }
        String name = keys.nameOf(presented).orElse(null);
        if (name == null) {
            unauthorized.fire(new Unauthorized(ProblemType.INVALID_API_KEY, request.getMethod()));
            throw ProblemType.INVALID_API_KEY.builder("the API key is not valid for this service").build();
        }
        request.setProperty(KEY_NAME, name);
    }

    /** The name of the key that authorized {@code request} (set by this filter), or {@code unknown}. */
    public static String keyName(ContainerRequestContext request) {
        Object name = request.getProperty(KEY_NAME);
        return name == null ? "unknown" : name.toString();
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
