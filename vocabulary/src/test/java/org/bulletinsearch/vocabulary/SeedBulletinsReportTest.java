package org.bulletinsearch.vocabulary;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Runs the extractor over the shared seed bulletins, when the folder exists, and prints what it found per
 * article and how often each value occurs, for a person to read for false positives and misses. Asserts
 * nothing beyond the folder's presence (skipped without it): the labelled set is where quality is measured.
 */
class SeedBulletinsReportTest {

    @Test
    void printWhatTheSeedBulletinsContain() throws IOException {
        Path folder = SeedBulletins.folder();
        assumeThat(Files.isDirectory(folder)).as("seed folder %s", folder).isTrue();
        List<SeedBulletins.Article> articles = SeedBulletins.read(folder);
        EntityExtractor extractor = EntityExtractor.shared();
        Map<String, Integer> counts = new TreeMap<>();
        for (SeedBulletins.Article a : articles) {
            ArticleEntities e = extractor.extract(a.title(), a.body());
            System.out.printf("[seeds] %s | %s%n", a.file(), a.title());
            System.out.printf("        country=%s region=%s%n", e.countries(), e.regions());
            System.out.printf("        organization=%s programme=%s year=%s%n", e.organizations(), e.programmes(),
                    e.years());
            for (Facet f : Facet.values()) {
                String facet = f.name().toLowerCase(Locale.ROOT);
                e.values(f).forEach(v -> counts.merge(facet + ": " + v, 1, Integer::sum));
            }
        }
        System.out.printf("[seeds] %d articles; values found (count):%n", articles.size());
        counts.forEach((value, n) -> System.out.printf("[seeds]   %3d  %s%n", n, value));
    }
}
