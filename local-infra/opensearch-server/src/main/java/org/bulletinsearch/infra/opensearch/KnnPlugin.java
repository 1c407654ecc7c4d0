package org.bulletinsearch.infra.opensearch;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.DocValuesFormat;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.PostingsFormat;
import org.bulletinsearch.infra.support.UnpackedDirectory;
import org.opensearch.plugins.Plugin;

/**
 * The OpenSearch k-NN plugin ({@code org.opensearch.plugin:opensearch-knn}, a zip of jars on Maven
 * Central), loaded as a classpath plugin: the zip sits on this launcher's classpath (its module depends on
 * it), is unpacked once per machine with {@link UnpackedDirectory} (under a temporary name, moved into place
 * when complete) into {@code ${java.io.tmpdir}/bulletin-search-<user>/<zip name>}, and its jars are loaded in
 * a class loader whose parent holds OpenSearch and the modules ({@code lang-painless}, which the plugin
 * extends, among them).
 *
 * <p>Only the {@code lucene} k-NN engine works here: {@code faiss} and {@code nmslib} need native
 * libraries the Maven zip lacks (an index using them is created, then its first write fails), so every
 * {@code knn_vector} mapping must name {@code "engine": "lucene"}. The plugin's own slf4j-api is left out:
 * OpenSearch logs through log4j, and a second slf4j without a binding only prints warnings.
 */
final class KnnPlugin {

    static final String PLUGIN_CLASS = "org.opensearch.knn.plugin.KNNPlugin";
    private static final String ZIP_PREFIX = "opensearch-knn-";

    private KnnPlugin() {
    }

    /** The plugin class, or empty when the zip is not on the classpath (the launcher then runs without k-NN). */
    static Optional<Class<? extends Plugin>> load() throws IOException, ClassNotFoundException {
        Optional<Path> zip = zipOnClasspath();
        if (zip.isEmpty()) {
            return Optional.empty();
        }
        String name = zip.get().getFileName().toString().replaceFirst("\\.zip$", "");
        Path dir = UnpackedDirectory.ensure(cacheRoot().resolve(name), into -> unpackJars(zip.get(), into));
        URLClassLoader loader = new URLClassLoader(jarUrls(dir), KnnPlugin.class.getClassLoader());
        reloadLuceneServices(loader);
        return Optional.of(Class.forName(PLUGIN_CLASS, true, loader).asSubclass(Plugin.class));
    }

    /**
     * Lucene finds codecs and formats by name through {@link java.util.ServiceLoader} in its own class
     * loader, so segments written with the plugin's codec ({@code KNN9120Codec}) could not be opened after a
     * restart. OpenSearch's {@code PluginsService.reloadLuceneSPI} does the same for plugins it loads from the
     * plugins folder.
     */
    private static void reloadLuceneServices(ClassLoader loader) {
        PostingsFormat.reloadPostingsFormats(loader);
        DocValuesFormat.reloadDocValuesFormats(loader);
        KnnVectorsFormat.reloadKnnVectorsFormat(loader);
        Codec.reloadCodecs(loader);
    }

    private static Optional<Path> zipOnClasspath() {
        return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.getFileName() != null && p.getFileName().toString().startsWith(ZIP_PREFIX)
                        && p.getFileName().toString().endsWith(".zip"))
                .findFirst();
    }

    private static Path cacheRoot() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "bulletin-search-" + user);
    }

    private static void unpackJars(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String file = Path.of(entry.getName()).getFileName().toString();
                if (!entry.isDirectory() && file.endsWith(".jar") && !file.startsWith("slf4j-")) {
                    Files.copy(in, into.resolve(file));
                }
            }
        }
    }

    private static URL[] jarUrls(Path dir) throws IOException {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(dir)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                try {
                    urls.add(jar.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IOException("cannot load " + jar, e);
                }
            }
        }
        return urls.toArray(URL[]::new);
    }
}
