package org.bulletinsearch.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * An application class-data-sharing (AppCDS) archive for one packaged service, trained by its own first
 * run: the JVM options to start it with.
 *
 * <p>Why: a service loads 9,000–15,000 classes while it starts (Hibernate, Kafka clients, Vert.x, and
 * the lambdas they spin), and on two cores parsing and verifying them is most of its start time. With
 * the classes already parsed and verified in a memory-mapped archive, the catalog service starts in
 * about 5.8 s instead of 7–8.5 s on this machine. Quarkus' own build-time archive
 * ({@code quarkus.package.jar.appcds.enabled}) records only what static initialization loads: it held
 * 1,200 of the catalog's 9,000 classes and changed nothing measurable.
 *
 * <p>How: without an archive for this build and this JVM, the service runs with
 * {@code -XX:ArchiveClassesAtExit}, and the JVM writes the archive when it exits normally (a SIGKILL
 * writes nothing, and the next start trains again); it becomes the archive only after the JVM is gone,
 * by an atomic rename, so no start ever maps a half-written file. Later starts map it with
 * {@code -XX:SharedArchiveFile}. The archive's name carries a fingerprint of the run jar and the JVM,
 * so a rebuild or another JDK trains a fresh one instead of tripping over a stale one; the JVM
 * itself also checks each archived class against the class file it would load and falls back to
 * loading normally, so a stale archive can cost speed but never correctness.
 *
 * @param training where a training run writes, renamed to {@code archive} once the JVM is gone; null when using one
 */
record ClassDataArchive(List<String> jvmOptions, Path training, Path archive) {

    private static final String PREFIX = "platform-cds-";
    private static final String SUFFIX = ".jsa";

    /**
     * The archive next to {@code runJar}: used when there is one for this build, trained otherwise;
     * nothing when the folder cannot be written.
     */
    static ClassDataArchive forJar(Path runJar) {
        Path folder = runJar.toAbsolutePath().getParent();
        if (folder == null || !Files.isWritable(folder)) {
            return new ClassDataArchive(List.of(), null, null);
        }
        Path archive = folder.resolve(PREFIX + fingerprint(runJar) + SUFFIX);
        // Archive messages (e.g. classes it skips while dumping) are not the service's business.
        String quiet = "-Xlog:cds=off,cds+dynamic=off";
        if (Files.isRegularFile(archive)) {
            return new ClassDataArchive(List.of("-XX:SharedArchiveFile=" + archive, quiet), null, archive);
        }
        deleteOthers(folder, archive);
        // A name of its own per run: two platforms training at once never write the same file.
        Path training = folder.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + System.nanoTime() + ".training");
        return new ClassDataArchive(List.of("-XX:ArchiveClassesAtExit=" + training, quiet), training, archive);
    }

    /**
     * Once the JVM has exited: a complete training archive becomes the archive; what a killed JVM left
     * half-written is deleted (the next start trains again).
     */
    void afterExit(boolean exitedNormally) {
        if (training == null) {
            return;
        }
        try {
            if (exitedNormally && Files.isRegularFile(training)) {
                Files.move(training, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(training);
            }
        } catch (IOException e) {
            // Only a start-up speed-up is lost.
            try {
                Files.deleteIfExists(training);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    private static String fingerprint(Path runJar) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Path app = runJar.toAbsolutePath().getParent();
            // quarkus-run.jar and the application model change with every package; the JVM must match exactly.
            for (Path part : List.of(runJar, app.resolve("quarkus/quarkus-application.dat"))) {
                if (Files.exists(part)) {
                    digest.update((part + ":" + Files.size(part) + ":" + Files.getLastModifiedTime(part).toMillis())
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            digest.update((System.getProperty("java.home") + ":" + System.getProperty("java.vm.version"))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Archives of earlier builds; training files of runs still going are left alone. */
    private static void deleteOthers(Path folder, Path current) {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
            for (Path stale : old) {
                if (!stale.equals(current)) {
                    Files.deleteIfExists(stale);
                }
            }
        } catch (IOException ignored) {
            // A leftover archive is only disk space.
        }
    }
}
