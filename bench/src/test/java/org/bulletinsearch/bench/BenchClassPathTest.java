package org.bulletinsearch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code bench/run} runs on {@code target/bench.classpath}, which holds the search service's classes without their
 * runtime (no Quarkus, no JBoss Logging), while this test's class path holds far more. So every search-service
 * class the benchmark's classes name is loaded and initialized here on the run's own class path.
 */
class BenchClassPathTest {

    private static final Pattern SERVICE_CLASS = Pattern.compile("org/bulletinsearch/search/[A-Za-z0-9_/$]+");

    @Test
    void everySearchServiceClassTheBenchmarkNamesInitializesOnItsRunClassPath() throws Exception {
        Set<String> named = namedServiceClasses(Path.of("target/classes"));
        assertThat(named).as("the benchmark builds its anchor's bodies with the service's classes")
                .contains("org.bulletinsearch.search.query.SearchQueryBuilder");

        List<URL> urls = new ArrayList<>();
        urls.add(Path.of("target/classes").toUri().toURL());
        String runClassPath = Files.readString(Path.of("target/bench.classpath")).trim();
        for (String entry : runClassPath.split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        try (URLClassLoader run = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            List<String> failed = new ArrayList<>();
            for (String name : named) {
                try {
                    Class.forName(name, true, run);
                } catch (LinkageError | ClassNotFoundException e) {
                    failed.add(name + ": " + e);
                }
            }
            assertThat(failed).isEmpty();
        }
    }

    private static Set<String> namedServiceClasses(Path classes) throws Exception {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                Matcher found = SERVICE_CLASS.matcher(bytes);
                while (found.find()) {
                    named.add(found.group().replace('/', '.'));
                }
            }
        }
        return named;
    }
}
