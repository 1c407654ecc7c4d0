package org.bulletinsearch.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The external tools the checks run: kubectl (for kustomize) and Node.js with kubernetes-models (the
 * Kubernetes API schemas). deploy/tools/install-tools.sh installs both into a cache folder.
 *
 * <p>Lookup: {@code -Dkubectl=/path/kubectl}, then the tools folder ({@code -Dbulletin.tools.dir},
 * {@code $BULLETIN_TOOLS_DIR}, default {@code ~/.cache/bulletin-search/tools}), then {@code PATH}.
 * A missing tool fails the test on CI ({@code CI=true}) and skips it, with the reason, elsewhere.
 */
final class Tools {

    private static final String INSTALL_HINT = "run deploy/tools/install-tools.sh";

    private Tools() {
    }

    static Path toolsDir() {
        String configured = System.getProperty("bulletin.tools.dir", System.getenv("BULLETIN_TOOLS_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        String cache = System.getenv("XDG_CACHE_HOME");
        Path cacheDir = cache != null && !cache.isBlank() ? Paths.get(cache)
                : Paths.get(System.getProperty("user.home"), ".cache");
        return cacheDir.resolve("bulletin-search/tools");
    }

    static Path kubectl() {
        String configured = System.getProperty("kubectl");
        if (configured != null && !configured.isBlank()) {
            Path path = Paths.get(configured);
            return Files.isExecutable(path) ? path : missing("kubectl at " + configured + " (-Dkubectl)");
        }
        Path installed = toolsDir().resolve("bin/kubectl");
        if (Files.isExecutable(installed)) {
            return installed;
        }
        return onPath("kubectl").orElseGet(() -> missing("kubectl (for kustomize)"));
    }

    static Path node() {
        return onPath("node").orElseGet(() -> missing("node (Node.js, for the Kubernetes schema validation)"));
    }

    /** The folder holding node_modules/kubernetes-models. */
    static Path kubernetesModels() {
        Path dir = toolsDir().resolve("kubernetes-models");
        if (!Files.isRegularFile(dir.resolve("node_modules/kubernetes-models/package.json"))) {
            return missing("kubernetes-models (the Kubernetes API schemas) in " + dir);
        }
        return dir;
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Paths.get(dir, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static <T> T missing(String what) {
        String reason = what + " not found; " + INSTALL_HINT;
        if (Repository.onCi()) {
            fail(reason + " (CI=true: the deploy checks must run)");
        }
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }
}
