package org.bulletinsearch.catalog.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bulletinsearch.catalog.support.Metrics;
import org.junit.jupiter.api.Test;

/**
 * Consume-and-store throughput: 100,000 events are on the topic before the application starts
 * ({@link PreloadedTopicResource}); the clock runs from the first batch the catalog commits to the
 * moment the database holds every article. Not part of the normal build (a {@code *Benchmark} runs only
 * with the root {@code -Pbenchmark} profile); run it with
 *
 * <pre>./mvnw -B verify -Pbenchmark -pl catalog-service -Dit.test=CatalogThroughputBenchmark</pre>
 *
 * (add {@code -Dbenchmark.catalog.events=N} for another volume, {@code CATALOG_BATCH_SIZE=N} in the
 * environment for another poll size). The figures go to stdout and to target/benchmark/.
 */
@QuarkusTest
@TestProfile(CatalogThroughputBenchmark.PreloadedTopic.class)
class CatalogThroughputBenchmark {

    public static class PreloadedTopic implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PreloadedTopicResource.class));
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void consumesAndStoresOneHundredThousandEvents() throws IOException, SQLException {
        int events = PreloadedTopicResource.EVENTS;
        AtomicReference<Instant> done = new AtomicReference<>();
        await("all events stored").atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (number("SELECT count(*) FROM article_sighting") >= events) {
                done.set(Instant.now());
                return true;
            }
            return false;
        });
        Instant firstCommit = Instant.ofEpochMilli(number("SELECT (extract(epoch FROM min(recorded_at)) * 1000)::bigint"
                + " FROM article_sighting"));
        Duration elapsed = Duration.between(firstCommit, done.get());
        assertThat(number("SELECT count(*) FROM article")).isEqualTo(events);
        assertThat(number("SELECT count(*) FROM article_sighting")).isEqualTo(events);

        double batchSeconds = Metrics.value("catalog_batch_seconds_sum", "");
        double batchCount = Metrics.value("catalog_batch_seconds_count", "");
        String report = String.format("""
                catalog consume-and-store benchmark
                  events                 %,d (distinct articles, uploads of %,d, %d partitions, topic preloaded)
                  produced in            %.1f s (before the application started; not measured)
                  first commit -> all    %.2f s
                  throughput             %,.0f articles/s
                  batches                %,.0f (avg %.0f events), processing time %.2f s (%,.0f articles/s of busy time)
                """, events, PreloadedTopicResource.UPLOAD_SIZE, PreloadedTopicResource.PARTITIONS,
                PreloadedTopicResource.produceTime.toMillis() / 1000.0,
                elapsed.toMillis() / 1000.0, events / (elapsed.toMillis() / 1000.0),
                batchCount, events / batchCount, batchSeconds, events / batchSeconds);
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "catalog-throughput.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private long number(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
