package org.bulletinsearch.search.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * A {@link SearchEngine#multiSearch} request written out once, so that a request sent again and again (the same first
 * page of a popular query) is not serialized for every search.
 *
 * @param ndjson   the {@code _msearch} body ({@link MultiSearchItem#ndjson}); not changed after creation
 * @param searches how many searches it holds, which the engine's answer must hold too
 */
public record MultiSearchRequest(byte[] ndjson, int searches) {

    /**
     * @throws IllegalArgumentException when a body does not serialize
     */
    public static MultiSearchRequest of(ObjectMapper mapper, List<MultiSearchItem> searches) {
        return new MultiSearchRequest(MultiSearchItem.ndjson(mapper, searches), searches.size());
    }
}
