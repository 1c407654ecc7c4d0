package org.bulletinsearch.search.query;

/** A title that completes what the user typed, and the article it belongs to. */
public record Suggestion(String id, String title) {
}
