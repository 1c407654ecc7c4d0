package org.bulletinsearch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive's life cycle around a packaged service (no JVM is started: the JVM's own part is its business). */
class ClassDataArchiveTest {

    @TempDir
    Path app;
    Path runJar;

    @BeforeEach
    void packagedService() throws IOException {
        runJar = Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        Files.createDirectories(app.resolve("quarkus"));
        Files.writeString(app.resolve("quarkus/quarkus-application.dat"), "model");
    }

    @Test
    void theFirstRunTrainsAndOnlyANormalExitTurnsTheTrainingIntoTheArchive() throws IOException {
        ClassDataArchive first = ClassDataArchive.forJar(runJar);
        Path training = option(first, "-XX:ArchiveClassesAtExit=");
        assertThat(training.getParent()).isEqualTo(app);

        // The JVM wrote its archive and exited normally: the next start maps it.
        Files.writeString(training, "archive");
        first.afterExit(true);
        assertThat(training).doesNotExist();
        Path archive = option(ClassDataArchive.forJar(runJar), "-XX:SharedArchiveFile=");
        assertThat(archive).hasContent("archive");
        assertThat(archive.getFileName().toString()).startsWith("platform-cds-").endsWith(".jsa");
    }

    @Test
    void whatAKilledJvmLeftIsDeletedAndTheNextStartTrainsAgain() throws IOException {
        ClassDataArchive first = ClassDataArchive.forJar(runJar);
        Path training = option(first, "-XX:ArchiveClassesAtExit=");
        Files.writeString(training, "half an archive");
        first.afterExit(false);

        assertThat(training).doesNotExist();
        assertThat(archives()).isEmpty();
        assertThat(ClassDataArchive.forJar(runJar).jvmOptions()).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
    }

    @Test
    void aRebuildTrainsANewArchiveAndDropsTheOldOne() throws IOException {
        ClassDataArchive first = ClassDataArchive.forJar(runJar);
        Files.writeString(option(first, "-XX:ArchiveClassesAtExit="), "archive of build 1");
        first.afterExit(true);
        Path old = option(ClassDataArchive.forJar(runJar), "-XX:SharedArchiveFile=");

        Files.setLastModifiedTime(runJar, FileTime.from(Instant.now().plusSeconds(60)));
        ClassDataArchive rebuilt = ClassDataArchive.forJar(runJar);

        assertThat(rebuilt.jvmOptions()).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
        assertThat(old).doesNotExist();
    }

    @Test
    void twoTrainingRunsNeverShareAFile() {
        Path one = option(ClassDataArchive.forJar(runJar), "-XX:ArchiveClassesAtExit=");
        Path two = option(ClassDataArchive.forJar(runJar), "-XX:ArchiveClassesAtExit=");
        assertThat(one).isNotEqualTo(two);
    }

    private static Path option(ClassDataArchive archive, String prefix) {
        return archive.jvmOptions().stream().filter(o -> o.startsWith(prefix)).map(o -> Path.of(o.substring(prefix.length())))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " in " + archive.jvmOptions()));
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(app)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
        }
    }
}
