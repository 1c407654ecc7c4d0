package org.bulletinsearch.search.query;

import java.util.List;

/** Title suggestions for a prefix, best first, distinct titles. */
public record SuggestResponse(String query, List<Suggestion> suggestions) {
}
