package org.bulletinsearch.search.query;

import java.util.List;

/** Articles most like the article {@code id}, most similar first; the article itself is never among them. */
public record RelatedResponse(String id, List<SearchHit> hits) {
}
