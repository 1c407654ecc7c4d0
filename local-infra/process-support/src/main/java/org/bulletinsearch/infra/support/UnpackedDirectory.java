package org.bulletinsearch.infra.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A directory that launchers unpack once per machine (binaries from a Maven artifact, an engine
 * plugin) and reuse on later starts, made safe against interrupted first runs.
 *
 * <p>The directory is filled under a temporary sibling name ({@code <name>.partial-<pid>-<uuid>}),
 * gets a {@value #COMPLETE_MARKER} marker as its last file and is then renamed into place in one
 * atomic step. So a process killed mid-unpack (kill -9, Ctrl-C, a full disk) leaves at most a
 * {@code .partial-*} folder, which is never used and is deleted by the next start once its process
 * is gone; and a directory without the marker (from an older version of this code, or emptied by
 * hand) is moved aside and unpacked again. Concurrent first runs each unpack into their own partial
 * folder; the first rename wins and the others discard theirs.
 */
public final class UnpackedDirectory {

    /** Written last into a complete directory; its presence is what "complete" means. */
    public static final String COMPLETE_MARKER = ".unpack-complete";

    private static final Pattern PARTIAL = Pattern.compile("\\.partial-(\\d+)-[0-9a-f-]+$");

    /** Fills a fresh, empty directory with everything the final directory must hold. */
    @FunctionalInterface
    public interface Filler {
        void fill(Path emptyDirectory) throws IOException;
    }

    private UnpackedDirectory() {
    }

    /**
     * Returns {@code target} once it is complete, filling it with {@code filler} first if it is not.
     *
     * @param target the directory to provide; its parent is created if missing
     * @param filler writes the content; any exception it throws leaves nothing behind and is rethrown
     * @return {@code target}, complete
     * @throws IOException if the content cannot be written (the partial folder is removed)
     */
    public static Path ensure(Path target, Filler filler) throws IOException {
        Path dir = target.toAbsolutePath().normalize();
        if (isComplete(dir)) {
            return dir;
        }
        Files.createDirectories(dir.getParent());
        removeAbandonedPartials(dir);
        Path partial = dir.resolveSibling(dir.getFileName() + ".partial-" + ProcessHandle.current().pid()
                + "-" + UUID.randomUUID());
        try {
            Files.createDirectory(partial);
            filler.fill(partial);
            Files.writeString(partial.resolve(COMPLETE_MARKER), "complete\n");
            moveIntoPlace(partial, dir);
        } finally {
            ServerMain.deleteRecursively(partial);
        }
        if (!isComplete(dir)) {
            throw new IOException(dir + " is still incomplete after unpacking");
        }
        return dir;
    }

    /** Whether {@code dir} holds a completely unpacked copy. */
    public static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(COMPLETE_MARKER));
    }

    private static void moveIntoPlace(Path partial, Path dir) throws IOException {
        if (Files.exists(dir) && !isComplete(dir)) {
            // Incomplete and not ours to finish: move it aside atomically, then delete it.
            Path stale = dir.resolveSibling(dir.getFileName() + ".partial-0-" + UUID.randomUUID());
            try {
                Files.move(dir, stale, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException movedOrGone) {
                // Another process got there first; the checks below decide.
            }
            ServerMain.deleteRecursively(stale);
        }
        try {
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Linux reports a taken name as ENOTEMPTY, a plain FileSystemException: if a concurrent first
            // run finished before us, its copy is as good as ours.
            if (!isComplete(dir)) {
                throw new IOException("cannot rename " + partial + " to " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    /** Deletes partial folders of {@code dir} whose process is gone (killed mid-unpack). */
    private static void removeAbandonedPartials(Path dir) throws IOException {
        String prefix = dir.getFileName() + ".partial-";
        try (Stream<Path> siblings = Files.list(dir.getParent())) {
            siblings.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(UnpackedDirectory::abandoned)
                    .forEach(ServerMain::deleteRecursively);
        }
    }

    private static boolean abandoned(Path partial) {
        Matcher m = PARTIAL.matcher(partial.getFileName().toString());
        if (!m.find()) {
            return false;
        }
        long pid = Long.parseLong(m.group(1));
        return pid == 0 || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }
}
