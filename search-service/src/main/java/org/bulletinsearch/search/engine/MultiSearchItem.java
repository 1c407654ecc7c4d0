package org.bulletinsearch.search.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One search of a {@link SearchEngine#multiSearch}. Apart from {@link SearchEngine} so that the benchmark can send
 * the same {@code _msearch} body without the engine's HTTP client on its classpath.
 *
 * @param body      the {@code _search} body
 * @param cacheable whether the engine's shard request cache may answer it ({@code request_cache}: kept until the
 *                  next refresh that changes the shard)
 */
public record MultiSearchItem(JsonNode body, boolean cacheable) {

    private static final byte[] CACHEABLE = "{\"request_cache\":true}\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NOT_CACHEABLE = "{\"request_cache\":false}\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * The NDJSON body of {@code _msearch}: for each search a header line ({@code request_cache}) and its body.
     *
     * @throws IllegalArgumentException when a body does not serialize
     */
    public static byte[] ndjson(ObjectMapper mapper, List<MultiSearchItem> searches) {
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream(2048);
        try {
            for (MultiSearchItem search : searches) {
                ndjson.write(search.cacheable() ? CACHEABLE : NOT_CACHEABLE);
                mapper.writeValue(ndjson, search.body());
                ndjson.write('\n');
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("request body does not serialize", e);
        }
        return ndjson.toByteArray();
    }
}
