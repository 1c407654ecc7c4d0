package org.bulletinsearch.search.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.http.HttpEntity;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;

/**
 * JSON over the low-level REST client, and the one place where the engine's failures are sorted into
 * "try again later" ({@link SearchEngineUnavailableException}) and "refused for good"
 * ({@link SearchEngineRequestException}): {@link #isTransient(int, String)} decides for whole requests
 * here and for the items of a {@code _bulk} answer alike.
 *
 * <p>Only plain REST calls that Elasticsearch 8/9 and OpenSearch 2.x both serve go through here
 * ({@code _bulk}, {@code _search}, {@code _msearch}, index and alias management, {@code _doc}); no client sends
 * compatibility headers, so either engine answers.
 */
@ApplicationScoped
public class SearchEngine {

    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", "UTF-8");

    /** Errors that describe the cluster's state at that moment, never the request or the document. */
    private static final Set<String> TRANSIENT_ERRORS = Set.of(
            "index_not_found_exception",
            "index_closed_exception",
            "cluster_block_exception",
            "es_rejected_execution_exception",
            "opensearch_rejected_execution_exception",
            "rejected_execution_exception",
            "circuit_breaking_exception",
            "unavailable_shards_exception",
            "no_shard_available_action_exception",
            "primary_missing_action_exception",
            "process_cluster_event_timeout_exception",
            "node_closed_exception",
            "node_not_connected_exception",
            "timeout_exception");

    /** The two engines this service speaks; they differ in vector fields and vector queries only. */
    public enum Distribution {
        OPENSEARCH, ELASTICSEARCH
    }

    private final RestClient client;
    private final ObjectMapper mapper;
    private volatile Identity identity;

    /** What {@code GET /} says of the engine: which one, and its {@code version.number}. */
    private record Identity(Distribution distribution, String version) {
    }

    public SearchEngine(RestClient client, ObjectMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    /**
     * Which engine answers, from {@code GET /}'s {@code version.distribution} (OpenSearch sets it to
     * {@code opensearch}; Elasticsearch has none); asked once, then remembered.
     *
     * @throws SearchEngineUnavailableException when the engine cannot be asked
     */
    public Distribution distribution() {
        return identity().distribution();
    }

    /**
     * Whether {@code _search} takes {@code include_named_queries_score=true}: each hit's {@code matched_queries} then
     * maps the name of every named query it matches to that query's score, computed for the returned hits only.
     * OpenSearch has it from 2.13, Elasticsearch from 8.8; an older engine refuses the parameter. {@code _msearch}
     * does not take it on OpenSearch 2.19 (neither as a parameter nor in a search's header).
     *
     * @throws SearchEngineUnavailableException when the engine cannot be asked
     */
    public boolean scoresNamedQueries() {
        Identity engine = identity();
        return scoresNamedQueries(engine.distribution(), engine.version());
    }

    /**
     * {@link #scoresNamedQueries()} for an engine and its {@code version.number} ("2.19.1", "8.8.0-SNAPSHOT"); false
     * when the version does not read as numbers.
     */
    static boolean scoresNamedQueries(Distribution distribution, String version) {
        String[] parts = version.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            int[] first = distribution == Distribution.OPENSEARCH ? new int[] {2, 13} : new int[] {8, 8};
            return major > first[0] || (major == first[0] && minor >= first[1]);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Identity identity() {
        if (identity == null) {
            JsonNode version = send("GET", "/", null).path("version");
            Distribution distribution = "opensearch".equals(version.path("distribution").asText(""))
                    ? Distribution.OPENSEARCH : Distribution.ELASTICSEARCH;
            identity = new Identity(distribution, version.path("number").asText(""));
        }
        return identity;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Whether a failure is worth retrying: no answer at all (status 0), a timeout (408), overload (429),
     * a server error (5xx), or an error type that describes the cluster's state (a missing or blocked
     * index, a full queue, an unassigned shard). Anything else is the request's or the document's fault.
     *
     * @param status the HTTP status of the answer or of a {@code _bulk} item, 0 when there was none
     * @param errorType the engine's {@code error.type}, empty when it gave none
     */
    public static boolean isTransient(int status, String errorType) {
        return status == 0 || status == 408 || status == 429 || status >= 500 || TRANSIENT_ERRORS.contains(errorType);
    }

    /** A request with a JSON body (or none); returns the parsed answer. */
    public JsonNode send(String method, String endpoint, JsonNode body) {
        return send(method, endpoint, Map.of(), body);
    }

    /** A request with query parameters and a JSON body (or none); returns the parsed answer. */
    public JsonNode send(String method, String endpoint, Map<String, String> parameters, JsonNode body) {
        return perform(request(method, endpoint, parameters, body));
    }

    private Request request(String method, String endpoint, Map<String, String> parameters, JsonNode body) {
        return request(method, endpoint, parameters, body == null ? null : json(body));
    }

    private Request request(String method, String endpoint, Map<String, String> parameters, byte[] json) {
        Request request = new Request(method, endpoint);
        request.addParameters(parameters);
        if (json != null) {
            request.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        }
        return request;
    }

    /**
     * A request body as the engine gets it (UTF-8 JSON), for a body sent more than once.
     *
     * @throws IllegalArgumentException when the body does not serialize
     */
    public byte[] json(JsonNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body does not serialize", e);
        }
    }

    /**
     * {@code POST /{index}/_msearch}: several searches in one round trip, which the engine runs side by side.
     * Each search's header line says whether the engine's shard request cache may answer it
     * ({@code request_cache}); the engine drops what it keeps at the next refresh that changed the shard.
     *
     * @param index    the index or alias searched
     * @param searches the {@code _search} bodies, with whether each may be cached
     * @return the answers, in the order of {@code searches}
     * @throws SearchEngineUnavailableException when the engine cannot be asked, or one search failed for the
     *         cluster's state ({@link #isTransient(int, String)})
     * @throws SearchEngineRequestException when the engine refused one of the searches
     */
    public List<JsonNode> multiSearch(String index, List<MultiSearchItem> searches) {
        return multiSearch(index, MultiSearchRequest.of(mapper, searches));
    }

    /** {@link #multiSearch(String, List)} with the searches written out already. */
    public List<JsonNode> multiSearch(String index, MultiSearchRequest searches) {
        Request request = new Request("POST", "/" + index + "/_msearch");
        request.setEntity(new ByteArrayEntity(searches.ndjson(), NDJSON));
        List<JsonNode> answers = new ArrayList<>(searches.searches());
        for (JsonNode answer : perform(request).path("responses")) {
            if (answer.has("error")) {
                throw failure(answer.path("status").asInt(500), answer, null);
            }
            answers.add(answer);
        }
        if (answers.size() != searches.searches()) {
            throw new SearchEngineUnavailableException(502, "engine_unavailable", "search engine answered "
                    + answers.size() + " of " + searches.searches() + " searches", null);
        }
        return answers;
    }

    /** {@code POST /_bulk} with a ready-made NDJSON body: the first {@code length} bytes of {@code ndjson}. */
    public JsonNode bulk(byte[] ndjson, int length, Map<String, String> parameters) {
        Request request = new Request("POST", "/_bulk");
        request.addParameters(parameters);
        request.setEntity(new ByteArrayEntity(ndjson, 0, length, NDJSON));
        return perform(request);
    }

    /**
     * {@code GET endpoint}, or empty when the engine answers 404 (a document or an index that does not exist);
     * other failures as {@link #send}.
     */
    public Optional<JsonNode> find(String endpoint) {
        return find(endpoint, Map.of());
    }

    /** {@link #find(String)} with query parameters (such as {@code _source_includes}). */
    public Optional<JsonNode> find(String endpoint, Map<String, String> parameters) {
        try {
            return Optional.of(send("GET", endpoint, parameters, null));
        } catch (SearchEngineRequestException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        } catch (SearchEngineUnavailableException e) {
            // index_not_found_exception counts as transient for writes; here it only means "not there"
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code HEAD endpoint}: whether the index, alias or document exists. */
    public boolean exists(String endpoint) {
        int status;
        try {
            status = client.performRequest(new Request("HEAD", endpoint)).getStatusLine().getStatusCode();
        } catch (ResponseException e) {
            status = e.getResponse().getStatusLine().getStatusCode();
        } catch (IOException e) {
            throw unreachable(e);
        }
        if (status == 200 || status == 404) {
            return status == 200;
        }
        throw failure(status, null, null);
    }

    /**
     * {@link #send(String, String, Map, JsonNode)} without waiting for the answer: the client's I/O thread completes
     * the future with the parsed answer, or with the exception {@link #send} would throw.
     */
    public CompletableFuture<JsonNode> sendAsync(String method, String endpoint, Map<String, String> parameters,
            JsonNode body) {
        return sendAsync(request(method, endpoint, parameters, body));
    }

    /** {@link #sendAsync(String, String, Map, JsonNode)} with the body written out already ({@link #json}). */
    public CompletableFuture<JsonNode> sendAsync(String method, String endpoint, Map<String, String> parameters,
            byte[] json) {
        return sendAsync(request(method, endpoint, parameters, json));
    }

    private CompletableFuture<JsonNode> sendAsync(Request request) {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        client.performRequestAsync(request, new ResponseListener() {
            @Override
            public void onSuccess(Response response) {
                try {
                    answer.complete(read(response.getEntity()));
                } catch (IOException e) {
                    answer.completeExceptionally(unreachable(e));
                }
            }

            @Override
            public void onFailure(Exception e) {
                answer.completeExceptionally(e instanceof ResponseException refused ? failure(refused)
                        : unreachable(e instanceof IOException io ? io : new IOException(e)));
            }
        });
        return answer;
    }

    private JsonNode perform(Request request) {
        try {
            return read(client.performRequest(request).getEntity());
        } catch (ResponseException e) {
            throw failure(e);
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private RuntimeException failure(ResponseException e) {
        Response response = e.getResponse();
        JsonNode body = null;
        try {
            body = read(response.getEntity());
        } catch (IOException | RuntimeException unreadable) {
            // keep the status alone
        }
        return failure(response.getStatusLine().getStatusCode(), body, e);
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

    private static SearchEngineUnavailableException unreachable(IOException e) {
        return new SearchEngineUnavailableException(0, "engine_unavailable", "search engine unreachable: " + e.getMessage(), e);
    }

    private static RuntimeException failure(int status, JsonNode body, Exception cause) {
        JsonNode error = body == null ? null : body.path("error");
        String type = error == null ? "" : error.path("type").asText("");
        String reason = error == null ? "" : error.isTextual() ? error.asText() : error.path("reason").asText("");
        if (isTransient(status, type)) {
            return new SearchEngineUnavailableException(status, type.isEmpty() ? "engine_unavailable" : type,
                    "search engine answered " + status + (type.isEmpty() ? "" : " " + type + ": " + reason), cause);
        }
        return new SearchEngineRequestException(status, type.isEmpty() ? "http_" + status : type, reason);
    }
}
