package org.bulletinsearch.search.page;

import java.net.URI;
import java.time.Duration;
import org.bulletinsearch.search.indexing.ReindexConfig;

/** The configuration the page's clients read, pointed at a test's stub server. */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static PageConfig page(URI ingest) {
        return new PageConfig() {
            @Override
            public URI ingestUrl() {
                return ingest;
            }

            @Override
            public Duration ingestConnectTimeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration uploadTimeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration catalogTimeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public int reportArticles() {
                return 2;
            }
        };
    }

    public static ReindexConfig catalog(URI catalog) {
        return new ReindexConfig() {
            @Override
            public URI catalogUrl() {
                return catalog;
            }

            @Override
            public Reindex reindex() {
                throw new UnsupportedOperationException("the page reads only the catalog's URL");
            }
        };
    }
}
