package org.bulletinsearch.search.page;

import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.bulletinsearch.search.indexing.ReindexConfig;
import org.bulletinsearch.search.vectors.VectorConfig;

/** The configuration tests build without Quarkus: the page's clients, pointed at a test's stub server, and the vectors. */
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

    /**
     * The vectors' configuration with its defaults and {@code values} over them. Outside Quarkus its converter of
     * durations like "1s" is missing, so the poll interval is given in ISO-8601.
     *
     * @param values properties by name ({@code search.vectors.*})
     */
    public static VectorConfig vectors(Map<String, String> values) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(VectorConfig.class)
                .withDefaultValue("search.vectors.poll-interval", "PT1S");
        values.forEach(builder::withDefaultValue);
        return builder.build().getConfigMapping(VectorConfig.class);
    }
}
