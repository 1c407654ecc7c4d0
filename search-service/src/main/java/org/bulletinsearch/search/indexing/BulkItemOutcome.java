package org.bulletinsearch.search.indexing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the engine did with one document of a {@code _bulk} request, and whether to send it again.
 *
 * @param id the document id
 * @param kind indexed, worth retrying, or refused for good
 * @param status HTTP status of the item (0 when the engine gave no item for it)
 * @param errorType the engine's error type, empty when indexed
 * @param reason the engine's error reason, empty when indexed
 */
public record BulkItemOutcome(String id, Kind kind, int status, String errorType, String reason) {

    public enum Kind {
        INDEXED,
        /** The engine could not take it now (overloaded, shard unavailable, index missing or blocked). */
        RETRY,
        /** The engine will never take this document as it is (mapping conflict, parse failure, ...). */
        REJECTED
    }

    /** Errors that say something about the cluster's state at that moment, never about the document. */
    static final Set<String> TRANSIENT_ERRORS = Set.of(
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

    public static Kind classify(int status, String errorType) {
        if (status >= 200 && status < 300) {
            return Kind.INDEXED;
        }
        if (status == 429 || status == 408 || status >= 500 || TRANSIENT_ERRORS.contains(errorType)) {
            return Kind.RETRY;
        }
        return Kind.REJECTED;
    }

    /**
     * Reads a {@code _bulk} answer item by item. Items come back in request order; a document the answer
     * does not account for is retried rather than assumed indexed.
     */
    public static List<BulkItemOutcome> read(JsonNode response, List<IndexDocument> sent) {
        JsonNode items = response.path("items");
        List<BulkItemOutcome> outcomes = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            String id = sent.get(i).id();
            JsonNode item = items.path(i);
            JsonNode result = item.isObject() && item.size() == 1 ? item.elements().next() : null;
            if (result == null || !result.path("status").isInt() || !id.equals(result.path("_id").asText(id))) {
                outcomes.add(new BulkItemOutcome(id, Kind.RETRY, 0, "missing_item", "the bulk answer has no item for it"));
                continue;
            }
            int status = result.path("status").asInt();
            JsonNode error = result.path("error");
            String type = error.path("type").asText("");
            String reason = error.isTextual() ? error.asText() : error.path("reason").asText("");
            JsonNode causedBy = error.path("caused_by");
            if (causedBy.isObject() && !causedBy.path("reason").asText("").isEmpty()) {
                reason = reason + " (" + causedBy.path("type").asText("") + ": " + causedBy.path("reason").asText() + ")";
            }
            outcomes.add(new BulkItemOutcome(id, classify(status, type), status, type, reason));
        }
        return outcomes;
    }
}
