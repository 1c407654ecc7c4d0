package org.bulletinsearch.search.indexing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.bulletinsearch.search.engine.SearchEngine;

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

    /** An item's fate by its status and error type; what is transient is {@link SearchEngine#isTransient}'s call. */
    public static Kind classify(int status, String errorType) {
        if (status >= 200 && status < 300) {
            return Kind.INDEXED;
        }
        return SearchEngine.isTransient(status, errorType) ? Kind.RETRY : Kind.REJECTED;
    }

    /** Every document of {@code documents} with the same fate, e.g. when the whole request failed. */
    static List<BulkItemOutcome> all(List<IndexDocument> documents, Kind kind, int status, String errorType,
            String reason) {
        return documents.stream().map(d -> new BulkItemOutcome(d.id(), kind, status, errorType, reason)).toList();
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
