package org.bulletinsearch.search.indexing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The NDJSON body of a {@code _bulk} request, written straight into one buffer: the benchmark's profiles had
 * body building at a tenth of the service's CPU while it built a tree and a byte array per document and
 * copied the body once more at the end. The bytes are handed to the client without a copy.
 */
final class BulkBody extends ByteArrayOutputStream {

    private final ObjectMapper mapper;

    BulkBody(ObjectMapper mapper, int capacity) {
        super(capacity);
        this.mapper = mapper;
    }

    /** A body of these actions. */
    static BulkBody of(ObjectMapper mapper, List<BulkAction> actions) throws IOException {
        BulkBody body = new BulkBody(mapper, actions.size() * 256);
        for (BulkAction action : actions) {
            body.append(action);
        }
        return body;
    }

    /**
     * Appends the actions of one operation, or nothing when one of them does not serialize (the bytes written
     * so far are cut off again, so the body stays valid).
     */
    void appendAll(List<BulkAction> actions) throws IOException {
        int start = count;
        try {
            for (BulkAction action : actions) {
                append(action);
            }
        } catch (IOException | RuntimeException e) {
            count = start;
            throw e;
        }
    }

    private void append(BulkAction action) throws IOException {
        try (JsonGenerator line = mapper.createGenerator(this)) {
            line.writeStartObject();
            line.writeObjectFieldStart(action.type());
            line.writeStringField("_index", action.index());
            line.writeStringField("_id", action.id());
            if (action.requireAlias()) {
                line.writeBooleanField("require_alias", true);
            }
            if (action.guard() != null) {
                line.writeNumberField("if_seq_no", action.guard().seqNo());
                line.writeNumberField("if_primary_term", action.guard().primaryTerm());
            }
            line.writeEndObject();
            line.writeEndObject();
            line.writeRaw('\n');
        }
        if (action.source() != null) {
            mapper.writeValue(this, action.source());
            write('\n');
        }
    }

    /** The buffer; the body is its first {@link #size()} bytes. */
    byte[] bytes() {
        return buf;
    }
}
