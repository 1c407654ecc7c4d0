package org.bulletinsearch.search.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.http.HttpEntity;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * JSON over the low-level REST client, with the engine's failures sorted into "try again later"
 * ({@link SearchEngineUnavailableException}) and "refused for good" ({@link SearchEngineRequestException}).
 *
 * <p>Only plain REST calls that Elasticsearch 8/9 and OpenSearch 2.x both serve go through here
 * ({@code _bulk}, {@code _search}, index and alias management, {@code _doc}); no client sends
 * compatibility headers, so either engine answers.
 */
@ApplicationScoped
public class SearchEngine {

    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", "UTF-8");

    private final RestClient client;
    private final ObjectMapper mapper;

    public SearchEngine(RestClient client, ObjectMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** A request with a JSON body (or none); returns the parsed answer. */
    public JsonNode send(String method, String endpoint, JsonNode body) {
        return send(method, endpoint, body, Map.of());
    }

    public JsonNode send(String method, String endpoint, JsonNode body, Map<String, String> parameters) {
        Request request = new Request(method, endpoint);
        request.addParameters(parameters);
        if (body != null) {
            try {
                request.setEntity(new ByteArrayEntity(mapper.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("request body does not serialize", e);
            }
        }
        return perform(request);
    }

    /** {@code POST /_bulk} with a ready-made NDJSON body: the first {@code length} bytes of {@code ndjson}. */
    public JsonNode bulk(byte[] ndjson, int length, Map<String, String> parameters) {
        Request request = new Request("POST", "/_bulk");
        request.addParameters(parameters);
        request.setEntity(new ByteArrayEntity(ndjson, 0, length, NDJSON));
        return perform(request);
    }

    /** {@code HEAD endpoint}: whether the index or alias exists. */
    public boolean exists(String endpoint) {
        Request request = new Request("HEAD", endpoint);
        try {
            Response response = client.performRequest(request);
            int status = response.getStatusLine().getStatusCode();
            if (status == 200) {
                return true;
            }
            if (status == 404) {
                return false;
            }
            throw classify(status, null, null);
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            if (status == 404) {
                return false;
            }
            throw classify(status, null, e);
        } catch (IOException e) {
            throw new SearchEngineUnavailableException("search engine unreachable: " + e.getMessage(), 0, e);
        }
    }

    private JsonNode perform(Request request) {
        try {
            Response response = client.performRequest(request);
            return read(response.getEntity());
        } catch (ResponseException e) {
            Response response = e.getResponse();
            JsonNode body = null;
            try {
                body = read(response.getEntity());
            } catch (IOException | RuntimeException unreadable) {
                // keep the status alone
            }
            throw classify(response.getStatusLine().getStatusCode(), body, e);
        } catch (IOException e) {
            throw new SearchEngineUnavailableException("search engine unreachable: " + e.getMessage(), 0, e);
        }
    }

    private JsonNode read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return mapper.createObjectNode();
        }
        try (InputStream in = entity.getContent()) {
            JsonNode node = mapper.readTree(in);
            return node == null ? mapper.createObjectNode() : node;
        }
    }

    private static RuntimeException classify(int status, JsonNode body, Exception cause) {
        String type = body == null ? "" : body.path("error").path("type").asText("");
        String reason = body == null ? "" : body.path("error").path("reason").asText("");
        if (body != null && body.path("error").isTextual()) {
            reason = body.path("error").asText();
        }
        if (status == 429 || status >= 500 || status == 408) {
            return new SearchEngineUnavailableException(
                    "search engine answered " + status + (type.isEmpty() ? "" : " " + type + ": " + reason), status, cause);
        }
        return new SearchEngineRequestException(status, type.isEmpty() ? "http_" + status : type, reason);
    }
}
