package org.bulletinsearch.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine that has never run the project, as each launcher JVM sees it: an empty temp directory. The
 * first start unpacks what it needs; a first start killed in the middle of unpacking leaves nothing
 * that a later start would use or trip over (issue 12).
 */
class FirstRunIT {

    @TempDir
    Path tmp;

    @Test
    void postgresStartsFromAnEmptyTempDirAfterAFirstRunKilledMidUnpack() throws Exception {
        Path cache = tmp.resolve("bulletin-search-" + System.getProperty("user.name") + "/postgres");
        LocalInfrastructure first = postgresWithTempDir();
        CompletableFuture<?> starting = CompletableFuture.runAsync(first::start);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> hasPartial(cache));
        killLaunchersUsing(tmp);
        assertThat(starting).failsWithin(Duration.ofSeconds(60));
        first.close();

        try (LocalInfrastructure second = postgresWithTempDir().start()) {
            try (Connection c = DriverManager.getConnection(second.jdbcUrl(), second.databaseUser(), second.databasePassword());
                    ResultSet rs = c.createStatement().executeQuery("SELECT 6 * 7")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("only the complete copy is left, no .partial folder")
                    .singleElement().asString().startsWith("PG-").doesNotContain("partial");
        }
    }

    private LocalInfrastructure postgresWithTempDir() {
        List<String> options = new ArrayList<>(Component.POSTGRES.defaultJvmOptions());
        options.add("-Djava.io.tmpdir=" + tmp);
        return LocalInfrastructure.builder().with(Component.POSTGRES).jvmOptions(Component.POSTGRES, options)
                .logDir(Path.of("target", "local-infra-logs", "first-run")).build();
    }

    private static boolean hasPartial(Path cache) throws Exception {
        if (!Files.isDirectory(cache)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.anyMatch(p -> p.getFileName().toString().contains(".partial-"));
        }
    }

    /** kill -9 of the launcher JVM, as a crash or a closed laptop lid would do it. */
    private static void killLaunchersUsing(Path tmp) {
        ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("-Djava.io.tmpdir=" + tmp))
                .forEach(ProcessHandle::destroyForcibly);
    }
}
