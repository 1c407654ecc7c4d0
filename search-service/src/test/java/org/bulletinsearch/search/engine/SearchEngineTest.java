package org.bulletinsearch.search.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.bulletinsearch.search.engine.SearchEngine.Distribution;
import org.junit.jupiter.api.Test;

/** Which engines give each hit the scores of its named queries ({@code include_named_queries_score}). */
class SearchEngineTest {

    @Test
    void openSearchFrom213AndElasticsearchFrom88() {
        assertThat(SearchEngine.scoresNamedQueries(Distribution.OPENSEARCH, "2.19.6")).isTrue();
        assertThat(SearchEngine.scoresNamedQueries(Distribution.OPENSEARCH, "2.13.0")).isTrue();
        assertThat(SearchEngine.scoresNamedQueries(Distribution.OPENSEARCH, "3.0.0")).isTrue();
        assertThat(SearchEngine.scoresNamedQueries(Distribution.OPENSEARCH, "2.12.0")).isFalse();
        assertThat(SearchEngine.scoresNamedQueries(Distribution.OPENSEARCH, "1.3.20")).isFalse();
        assertThat(SearchEngine.scoresNamedQueries(Distribution.ELASTICSEARCH, "8.8.0-SNAPSHOT")).isTrue();
        assertThat(SearchEngine.scoresNamedQueries(Distribution.ELASTICSEARCH, "9.1.0")).isTrue();
        assertThat(SearchEngine.scoresNamedQueries(Distribution.ELASTICSEARCH, "8.7.1")).isFalse();
    }

    @Test
    void aVersionThatDoesNotReadAsNumbersScoresNothing() {
        assertThat(SearchEngine.scoresNamedQueries(Distribution.OPENSEARCH, "")).isFalse();
        assertThat(SearchEngine.scoresNamedQueries(Distribution.ELASTICSEARCH, "unknown")).isFalse();
    }
}
